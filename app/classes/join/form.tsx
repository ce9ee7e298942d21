"use client";
import { useActionState } from "react";
import { FormField, FormMessage } from "@/components/form-field";
import type { FormState } from "@/lib/actions/form-state";
import { joinClassAction } from "../actions";
import { SubmitButton } from "@/components/submit-button";

export function JoinClassForm({ code }: { code: string }) {
  const [state, action] = useActionState<FormState, FormData>(joinClassAction, {});
  const value = typeof state.values?.code === "string" ? state.values.code : code;
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage message={state.message} />
      <FormField
        name="code"
        label="Class code"
        hint="8 letters and digits, like ABCD-EF23. Capitals and dashes do not matter."
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
        maxLength={40}
        defaultValue={value}
        errors={state.errors?.code}
        className="field font-mono text-lg tracking-widest uppercase"
      />
      <SubmitButton className="btn" pendingLabel="Joining…">
        Join class
      </SubmitButton>
    </form>
  );
}
