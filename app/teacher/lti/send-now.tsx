"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/lib/actions/form-state";

export function SendNowButton({ action }: { action: (state: FormState, form: FormData) => Promise<FormState> }) {
  const [state, run] = useActionState<FormState, FormData>(action, {});
  return (
    <form action={run} className="space-y-2">
      <FormMessage message={state.success} tone="success" />
      <FormMessage message={state.message} />
      <SubmitButton className="btn btn-secondary px-3 py-1.5 text-sm" pendingLabel="Sending…">
        Send waiting scores now
      </SubmitButton>
    </form>
  );
}
