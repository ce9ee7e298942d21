"use client";
import { useActionState } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { startAssignmentAction } from "./actions";
import { SubmitButton } from "@/components/submit-button";

export function StartAssignmentButton({ assignmentId, label, title }: { assignmentId: string; label: string; title: string }) {
  const [state, action] = useActionState<FormState, FormData>(startAssignmentAction, {});
  return (
    <form action={action} className="inline-flex flex-col gap-1">
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <SubmitButton className="btn px-3 py-1.5 text-sm" aria-label={`${label}: ${title}`} pendingLabel="Opening…">
        {label}
      </SubmitButton>
      {state.message ? (
        <p role="alert" className="field-error">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
