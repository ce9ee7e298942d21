"use client";
import { useActionState } from "react";
import { FormField, FormMessage } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/lib/actions/form-state";
import { linkSchoolAccountAction } from "../../school-actions";

export function LinkSchoolAccountForm({ token, email }: { token: string; email: string }) {
  const [state, action] = useActionState<FormState, FormData>(linkSchoolAccountAction, {});
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account the password belongs to. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <FormField
        name="password"
        label="Password of your Backchannel account"
        type="password"
        autoComplete="current-password"
        required
        errors={state.errors?.password}
      />
      <SubmitButton className="btn w-full" pendingLabel="Checking…">
        Link and sign in
      </SubmitButton>
    </form>
  );
}
