"use client";
import { useActionState } from "react";
import { FormField, FormMessage } from "@/components/form-field";
import { useFullPageRedirect } from "@/components/full-page-redirect";
import { signInAction } from "../actions";
import type { FormState } from "@/lib/actions/form-state";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(signInAction, {});
  useFullPageRedirect(state.redirectTo);
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormField name="email" label="Email" type="email" autoComplete="email" required defaultValue={state.values?.email} errors={state.errors?.email} />
      <FormField name="password" label="Password" type="password" autoComplete="current-password" required errors={state.errors?.password} />
      <button type="submit" className="btn w-full" disabled={pending || Boolean(state.redirectTo)}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
