"use client";
import { useActionState } from "react";
import { retryMissedAction, type StartState } from "@/app/quiz/actions";
import { SubmitButton } from "@/components/submit-button";

export function RetryMissedButton({ attemptId, missed }: { attemptId: string; missed: number }) {
  const [state, action] = useActionState<StartState, FormData>(retryMissedAction, {});
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="attemptId" value={attemptId} />
      <SubmitButton className="btn" pendingLabel="Opening…">
        Retry the {missed === 1 ? "one" : `${missed}`} I missed
      </SubmitButton>
      {state.message ? <p role="alert" className="field-error">{state.message}</p> : null}
    </form>
  );
}
