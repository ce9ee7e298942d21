"use client";
import { useActionState } from "react";
import { SubmitButton } from "@/components/submit-button";

type StartState = { message?: string };
/** The server action that starts a practice round over the misses, passed in by the page. */
export type RetryMissedAction = (state: StartState, form: FormData) => Promise<StartState>;

export function RetryMissedButton({ action: retry, attemptId, missed }: { action: RetryMissedAction; attemptId: string; missed: number }) {
  const [state, action] = useActionState<StartState, FormData>(retry, {});
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="attemptId" value={attemptId} />
      <SubmitButton className="btn" pendingLabel="Opening…">
        Retry the {missed === 1 ? "one" : `${missed}`} I missed
      </SubmitButton>
      {state.message ? (
        <p role="alert" className="field-error">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
