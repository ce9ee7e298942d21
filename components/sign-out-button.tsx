"use client";
import { useTransition } from "react";
import { signOutAction } from "@/app/(auth)/actions";

export function SignOutButton() {
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className="btn btn-secondary"
      disabled={pending}
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
