"use client";
import { useActionState } from "react";
import { FormField, FormMessage } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/lib/actions/form-state";
import { forgotPasswordAction } from "../reset-actions";

export function ForgotPasswordForm() {
  const [state, action] = useActionState<FormState, FormData>(forgotPasswordAction, {});
  const email = state.values?.email;
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <FormMessage message={state.success} tone="success" />
      <FormMessage message={state.message} />
      <FormField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={typeof email === "string" ? email : undefined}
        errors={state.errors?.email}
      />
      <SubmitButton className="btn w-full" pendingLabel="Sending…">
        Send me a reset link
      </SubmitButton>
    </form>
  );
}
