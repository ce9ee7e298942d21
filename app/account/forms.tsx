"use client";
import { useActionState, useEffect, useEffectEvent } from "react";
import { useSession } from "next-auth/react";
import { FormField, FormMessage } from "@/components/form-field";
import { NewPasswordFields } from "@/components/new-password-fields";
import { changeNameAction, changePasswordAction, deleteAccountAction, signOutEverywhereAction } from "./actions";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/lib/actions/form-state";

export function ChangeNameForm({ name }: { name: string }) {
  const [state, action] = useActionState<FormState, FormData>(changeNameAction, {});
  const { update } = useSession();
  // The header shows the name from the session: refresh it once per saved name. `update({})` posts,
  // which makes the server re-read the name from the database (a bare `update()` only re-reads the
  // cookie). Not on `update` changing, which it does after every refresh: that looped without end.
  const refreshSession = useEffectEvent(() => void update({}));
  useEffect(() => {
    if (state.success) refreshSession();
  }, [state]);
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage message={state.success} tone="success" />
      <FormField name="name" label="Name" autoComplete="name" required maxLength={80} defaultValue={state.values?.name ?? name} errors={state.errors?.name} />
      <SubmitButton className="btn">Save name</SubmitButton>
    </form>
  );
}

export function ChangePasswordForm() {
  const [state, action] = useActionState<FormState, FormData>(changePasswordAction, {});
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage message={state.success} tone="success" />
      <FormField
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        errors={state.errors?.currentPassword}
      />
      <NewPasswordFields errors={state.errors} />
      <SubmitButton className="btn">Change password</SubmitButton>
    </form>
  );
}

export function DeleteAccountForm() {
  const [state, action] = useActionState<FormState, FormData>(deleteAccountAction, {});
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage message={state.message} />
      <FormField
        name="password"
        id="delete-password"
        label="Your password"
        type="password"
        autoComplete="current-password"
        required
        errors={state.errors?.password}
      />
      <FormField name="confirm" label="Type DELETE to confirm" autoComplete="off" required errors={state.errors?.confirm} />
      <SubmitButton className="btn bg-[#b42318] hover:bg-[#8f1c13]">Delete my account</SubmitButton>
    </form>
  );
}

export function SignOutEverywhereForm() {
  // The action redirects to sign-in; the header's session check then reloads the page.
  const [state, action] = useActionState<FormState, FormData>(signOutEverywhereAction, {});
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage message={state.message} />
      <SubmitButton className="btn btn-secondary">Sign out everywhere</SubmitButton>
    </form>
  );
}
