"use client";
import { useTransition } from "react";
import { signOutAction } from "@/app/(auth)/actions";
import { useHydrated } from "./use-hydrated";

export function SignOutButton() {
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      className="btn btn-secondary"
      disabled={!hydrated || pending}
      onClick={() =>
        startTransition(async () => {
          const { redirectTo } = await signOutAction();
          window.location.assign(redirectTo);
        })
      }
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
