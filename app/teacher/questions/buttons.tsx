"use client";
import { useActionState } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { duplicateQuestionAction, setQuestionRetiredAction } from "./actions";
import { SubmitButton } from "@/components/submit-button";

export function RetireButton({ questionId, retired, prompt }: { questionId: string; retired: boolean; prompt: string }) {
  const [state, action] = useActionState<FormState, FormData>(setQuestionRetiredAction, {});
  return (
    <form action={action} className="inline-flex flex-col gap-1">
      <input type="hidden" name="questionId" value={questionId} />
      <input type="hidden" name="retired" value={retired ? "false" : "true"} />
      <SubmitButton className="btn btn-secondary px-3 py-1.5 text-sm" aria-label={`${retired ? "Restore" : "Retire"} “${prompt}”`}>
        {retired ? "Restore" : "Retire"}
      </SubmitButton>
      {state.message ? (
        <p role="alert" className="field-error">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

export function DuplicateButton({ questionId, prompt }: { questionId: string; prompt: string }) {
  const [state, action] = useActionState<FormState, FormData>(duplicateQuestionAction, {});
  return (
    <form action={action} className="inline-flex flex-col gap-1">
      <input type="hidden" name="questionId" value={questionId} />
      <SubmitButton className="btn btn-secondary px-3 py-1.5 text-sm" aria-label={`Duplicate “${prompt}” into an editable copy`} pendingLabel="Copying…">
        Duplicate
      </SubmitButton>
      {state.message ? (
        <p role="alert" className="field-error">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
