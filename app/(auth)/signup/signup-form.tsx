"use client";
import { useActionState } from "react";
import { FormField, FormMessage } from "@/components/form-field";
import { useFullPageRedirect } from "@/components/full-page-redirect";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { signUpAction } from "../actions";
import type { FormState } from "@/lib/actions/form-state";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(signUpAction, {});
  useFullPageRedirect(state.redirectTo);
  const role = state.values?.role ?? "STUDENT";
  const roleError = state.errors?.role;
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <fieldset className="space-y-2" aria-describedby={roleError ? "role-error" : undefined}>
        <legend className="font-medium">I am a</legend>
        <div className="flex gap-6">
          <label className="flex items-center gap-2">
            <input type="radio" name="role" value="STUDENT" defaultChecked={role === "STUDENT"} /> Student
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="role" value="TEACHER" defaultChecked={role === "TEACHER"} /> Teacher
          </label>
        </div>
        {roleError ? (
          <p id="role-error" className="field-error">
            {roleError.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <FormField name="name" label="Name" autoComplete="name" required maxLength={80} defaultValue={state.values?.name} errors={state.errors?.name} />
      <FormField name="email" label="Email" type="email" autoComplete="email" required defaultValue={state.values?.email} errors={state.errors?.email} />
      <FormField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong, memorable password.`}
        errors={state.errors?.password}
      />
      <button type="submit" className="btn w-full" disabled={pending || Boolean(state.redirectTo)}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
