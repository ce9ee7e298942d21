"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/form-field";
import { useFullPageRedirect } from "@/components/full-page-redirect";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/lib/actions/form-state";
import { NewPasswordFields } from "@/components/new-password-fields";
import { resetPasswordAction } from "../reset-actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState<FormState, FormData>(resetPasswordAction, {});
  useFullPageRedirect(state.redirectTo);
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields errors={state.errors} />
      <SubmitButton className="btn w-full" pendingLabel="Saving…">
        Save my new password
      </SubmitButton>
    </form>
  );
}
