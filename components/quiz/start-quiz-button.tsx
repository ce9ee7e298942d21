"use client";
import { useActionState } from "react";
import { startQuizAction, type StartState } from "@/app/quiz/actions";
import { SubmitButton } from "@/components/submit-button";

export function StartQuizButton({ kind, scopeId, label, secondary = false }: { kind: string; scopeId: string | null; label: string; secondary?: boolean }) {
  const [state, action] = useActionState<StartState, FormData>(startQuizAction, {});
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="scopeId" value={scopeId ?? ""} />
      <SubmitButton className={secondary ? "btn btn-secondary" : "btn"} pendingLabel="Opening…">
        {label}
      </SubmitButton>
      {state.message ? <p role="alert" className="field-error">{state.message}</p> : null}
    </form>
  );
}
