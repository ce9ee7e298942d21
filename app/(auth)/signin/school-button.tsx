"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/lib/actions/form-state";
import { schoolSignInAction } from "../school-actions";

/** "Sign in with <name>": off to the school's OpenID provider (decision 0047). */
export function SchoolSignInButton({ name, callbackUrl }: { name: string; callbackUrl: string }) {
  const [state, action] = useActionState<FormState, FormData>(schoolSignInAction, {});
  return (
    <form action={action} className="mt-6 space-y-3">
      <FormMessage message={state.message} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <SubmitButton className="btn w-full" pendingLabel={`Going to ${name}…`}>
        Sign in with {name}
      </SubmitButton>
    </form>
  );
}
