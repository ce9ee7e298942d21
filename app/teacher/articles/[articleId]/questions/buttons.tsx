"use client";
import { ActionFormButton } from "@/components/action-form-button";
import { confirmSourcesAction, setArticleQuestionRetiredAction } from "./actions";

export function ConfirmSourcesButton({ articleId, questionId }: { articleId: string; questionId: string }) {
  return (
    <ActionFormButton action={confirmSourcesAction} fields={{ articleId, questionId }} className="btn px-3 py-1.5 text-sm" pendingLabel="Confirming…">
      Confirm, the question still holds
    </ActionFormButton>
  );
}

export function RetireArticleQuestionButton({
  articleId,
  questionId,
  retired,
  prompt,
}: {
  articleId: string;
  questionId: string;
  retired: boolean;
  prompt: string;
}) {
  return (
    <ActionFormButton
      action={setArticleQuestionRetiredAction}
      fields={{ articleId, questionId, retired: retired ? "false" : "true" }}
      className="btn btn-secondary px-3 py-1.5 text-sm"
      layout="inline"
      ariaLabel={`${retired ? "Restore" : "Retire"} “${prompt}”`}
    >
      {retired ? "Restore" : "Retire"}
    </ActionFormButton>
  );
}
