"use client";
import { useActionState } from "react";
import { SubmitButton } from "@/components/submit-button";

type StartState = { message?: string };
/** The server action that starts (or resumes) the quiz, passed in by the page: components never import app/. */
export type StartQuizAction = (state: StartState, form: FormData) => Promise<StartState>;

export function StartQuizButton({
  action: start,
  kind,
  scopeId,
  label,
  secondary = false,
}: {
  action: StartQuizAction;
  kind: string;
  scopeId: string | null;
  label: string;
  secondary?: boolean;
}) {
  const [state, action] = useActionState<StartState, FormData>(start, {});
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="scopeId" value={scopeId ?? ""} />
      <SubmitButton className={secondary ? "btn btn-secondary" : "btn"} pendingLabel="Opening…">
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
