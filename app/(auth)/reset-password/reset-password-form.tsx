"use client";
import { useActionState } from "react";
import { FormField, FormMessage } from "@/components/form-field";
import { useFullPageRedirect } from "@/components/full-page-redirect";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/lib/actions/form-state";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { resetPasswordAction } from "../reset-actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState<FormState, FormData>(resetPasswordAction, {});
  useFullPageRedirect(state.redirectTo);
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="token" value={token} />
      <FormField
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        errors={state.errors?.newPassword}
      />
      <FormField
        name="confirmPassword"
        label="New password again"
        type="password"
        autoComplete="new-password"
        required
        errors={state.errors?.confirmPassword}
      />
      <SubmitButton className="btn w-full" pendingLabel="Saving…">
        Save my new password
      </SubmitButton>
    </form>
  );
}
