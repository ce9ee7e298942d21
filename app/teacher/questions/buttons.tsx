"use client";
import { ActionFormButton } from "@/components/action-form-button";
import { duplicateQuestionAction, setQuestionRetiredAction } from "./actions";

export function RetireButton({ questionId, retired, prompt }: { questionId: string; retired: boolean; prompt: string }) {
  return (
    <ActionFormButton
      action={setQuestionRetiredAction}
      fields={{ questionId, retired: retired ? "false" : "true" }}
      className="btn btn-secondary px-3 py-1.5 text-sm"
      layout="inline"
      ariaLabel={`${retired ? "Restore" : "Retire"} “${prompt}”`}
    >
      {retired ? "Restore" : "Retire"}
    </ActionFormButton>
  );
}

export function DuplicateButton({ questionId, prompt }: { questionId: string; prompt: string }) {
  return (
    <ActionFormButton
      action={duplicateQuestionAction}
      fields={{ questionId }}
      className="btn btn-secondary px-3 py-1.5 text-sm"
      layout="inline"
      ariaLabel={`Duplicate “${prompt}” into an editable copy`}
      pendingLabel="Copying…"
    >
      Duplicate
    </ActionFormButton>
  );
}
