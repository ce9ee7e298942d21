"use client";
import { useEffect } from "react";

/** After sign-in, sign-out or account deletion: a full page load, so nothing shows the old session. */
export function useFullPageRedirect(target: string | undefined) {
  useEffect(() => {
    if (target) window.location.assign(target);
  }, [target]);
}
