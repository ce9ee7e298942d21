"use client";
import { useActionState } from "react";
import { FormField, FormMessage } from "@/components/form-field";
import { createClassAction } from "./actions";
import type { FormState } from "@/lib/actions/form-state";
import { SubmitButton } from "@/components/submit-button";

export function CreateClassForm() {
  const [state, action] = useActionState<FormState, FormData>(createClassAction, {});
  const name = typeof state.values?.name === "string" ? state.values.name : "";
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage message={state.message} />
      <FormField
        name="name"
        label="Class name"
        hint="For example “Year 10 History, set 2”."
        required
        maxLength={80}
        defaultValue={name}
        errors={state.errors?.name}
      />
      <SubmitButton className="btn" pendingLabel="Creating…">
        Create class
      </SubmitButton>
    </form>
  );
}
