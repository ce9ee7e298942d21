"use client";
import { ActionFormButton, type FormAction } from "@/components/action-form-button";

/** `action`: the server action that starts (or resumes) the quiz, passed in by the page. */
export function StartQuizButton({
  action,
  kind,
  scopeId,
  label,
  secondary = false,
}: {
  action: FormAction;
  kind: string;
  scopeId: string | null;
  label: string;
  secondary?: boolean;
}) {
  return (
    <ActionFormButton action={action} fields={{ kind, scopeId: scopeId ?? "" }} className={secondary ? "btn btn-secondary" : "btn"} pendingLabel="Opening…">
      {label}
    </ActionFormButton>
  );
}
