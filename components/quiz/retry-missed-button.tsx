"use client";
import { ActionFormButton, type FormAction } from "@/components/action-form-button";

/** `action`: the server action that starts a practice round over the misses, passed in by the page. */
export function RetryMissedButton({ action, attemptId, missed }: { action: FormAction; attemptId: string; missed: number }) {
  return (
    <ActionFormButton action={action} fields={{ attemptId }} pendingLabel="Opening…">
      Retry the {missed === 1 ? "one" : `${missed}`} I missed
    </ActionFormButton>
  );
}
