"use client";
import { useActionState } from "react";
import type { FormState } from "../teacher/_lib/form";
import { startAssignmentAction } from "./actions";

export function StartAssignmentButton({ assignmentId, label, title }: { assignmentId: string; label: string; title: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(startAssignmentAction, {});
  return (
    <form action={action} className="inline-flex flex-col gap-1">
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <button type="submit" className="btn px-3 py-1.5 text-sm" disabled={pending} aria-label={`${label}: ${title}`}>
        {pending ? "Opening…" : label}
      </button>
      {state.message ? <p role="alert" className="field-error">{state.message}</p> : null}
    </form>
  );
}
