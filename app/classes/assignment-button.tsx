"use client";
import { ActionFormButton } from "@/components/action-form-button";
import { startAssignmentAction } from "./actions";

export function StartAssignmentButton({ assignmentId, label, title }: { assignmentId: string; label: string; title: string }) {
  return (
    <ActionFormButton
      action={startAssignmentAction}
      fields={{ assignmentId }}
      className="btn px-3 py-1.5 text-sm"
      layout="inline"
      ariaLabel={`${label}: ${title}`}
      pendingLabel="Opening…"
    >
      {label}
    </ActionFormButton>
  );
}
