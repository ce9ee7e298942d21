"use client";
import { useTransition } from "react";
import type { ActionResult } from "@/lib/actions/form-state";
import { useHydrated } from "./use-hydrated";

/** The server action that ends the session, passed in by the layout (components never import app/). */
export type SignOutAction = () => Promise<ActionResult<{ redirectTo: string }>>;

/** `compact`: the header's form, as quiet as the links beside it. */
export function SignOutButton({ action: signOut, compact = false }: { action: SignOutAction; compact?: boolean }) {
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      className={
        compact ? "cursor-pointer rounded border border-rule bg-white px-2.5 py-1 text-ink hover:bg-paper disabled:cursor-default" : "btn btn-secondary"
      }
      disabled={!hydrated || pending}
      onClick={() =>
        startTransition(async () => {
          const result = await signOut();
          // A full load: every open component forgets who was signed in.
          window.location.assign(result.ok ? result.redirectTo : "/");
        })
      }
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
