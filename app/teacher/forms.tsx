"use client";
import { useActionState } from "react";
import { FormField, FormMessage } from "@/components/form-field";
import { acceptInvitationAction, createClassAction, declineInvitationAction } from "./actions";
import type { FormState } from "@/lib/actions/form-state";
import { SubmitButton } from "@/components/submit-button";

export function CreateClassForm() {
  const [state, action] = useActionState<FormState, FormData>(createClassAction, {});
  const name = typeof state.values?.name === "string" ? state.values.name : "";
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage message={state.message} />
      <FormField
        name="name"
        label="Class name"
        hint="For example “Year 10 History, set 2”."
        required
        maxLength={80}
        defaultValue={name}
        errors={state.errors?.name}
      />
      <SubmitButton className="btn" pendingLabel="Creating…">
        Create class
      </SubmitButton>
    </form>
  );
}

/**
 * Accept or decline one invitation to co-teach. Both end on another page (the class, or this page
 * with a note), so nothing here is left without focus; a refusal (expired, cancelled) shows beside
 * the buttons.
 */
export function AnswerInvitation({ invitationId, className }: { invitationId: string; className: string }) {
  const [accepted, accept] = useActionState<FormState, FormData>(acceptInvitationAction, {});
  const [declined, decline] = useActionState<FormState, FormData>(declineInvitationAction, {});
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <form action={accept}>
          <input type="hidden" name="invitationId" value={invitationId} />
          <SubmitButton className="btn px-3 py-1.5 text-sm" aria-label={`Accept the invitation to co-teach “${className}”`} pendingLabel="Accepting…">
            Accept
          </SubmitButton>
        </form>
        <form action={decline}>
          <input type="hidden" name="invitationId" value={invitationId} />
          <SubmitButton
            className="btn btn-secondary px-3 py-1.5 text-sm"
            aria-label={`Decline the invitation to co-teach “${className}”`}
            pendingLabel="Declining…"
          >
            Decline
          </SubmitButton>
        </form>
      </div>
      <FormMessage message={accepted.message ?? declined.message} />
    </div>
  );
}
