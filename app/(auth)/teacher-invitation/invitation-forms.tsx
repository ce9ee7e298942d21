"use client";
import { useActionState } from "react";
import { FormField, FormMessage } from "@/components/form-field";
import { useFullPageRedirect } from "@/components/full-page-redirect";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/lib/actions/form-state";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { acceptInvitationAction, invitationSignUpAction } from "../invitation-actions";

export function InvitationSignUpForm({ token, email }: { token: string; email: string }) {
  const [state, action] = useActionState<FormState, FormData>(invitationSignUpAction, {});
  useFullPageRedirect(state.redirectTo);
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="token" value={token} />
      <FormField name="email" label="Email" type="email" autoComplete="username" value={email} readOnly hint="The invitation is for this email." />
      <FormField name="name" label="Name" autoComplete="name" required maxLength={80} defaultValue={state.values?.name} errors={state.errors?.name} />
      <FormField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong, memorable password.`}
        errors={state.errors?.password}
      />
      <SubmitButton className="btn w-full" pendingLabel="Creating your account…">
        Create teacher account
      </SubmitButton>
    </form>
  );
}

export function AcceptInvitationForm({ token }: { token: string }) {
  const [state, action] = useActionState<FormState, FormData>(acceptInvitationAction, {});
  useFullPageRedirect(state.redirectTo);
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton className="btn" pendingLabel="Accepting…">
        Accept and become a teacher
      </SubmitButton>
    </form>
  );
}
