"use client";
// The administration page's buttons and the invitation form. Each row's button removes its own row
// when it succeeds, so it hands focus to its section's heading as it goes (a screen reader would
// otherwise fall silent on <body>).
import { useActionState } from "react";
import { FormField, FormMessage } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { useFocusAfterRemoval } from "@/components/use-focus-after-removal";
import type { FormState } from "@/lib/actions/form-state";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

export function RowButton({
  action,
  userId,
  label,
  accessibleLabel,
  focusAfterRemoval,
}: {
  action: Action;
  userId: string;
  label: string;
  accessibleLabel: string;
  focusAfterRemoval: string;
}) {
  const [state, run, pending] = useActionState<FormState, FormData>(action, {});
  const markSubmitted = useFocusAfterRemoval(focusAfterRemoval, pending);
  return (
    <form action={run} onSubmit={markSubmitted} className="inline-flex flex-col gap-1">
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton className="btn btn-secondary px-3 py-1.5 text-sm" aria-label={accessibleLabel} pendingLabel="Working…">
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

export function InviteTeacherForm({ action }: { action: Action }) {
  const [state, run] = useActionState<FormState, FormData>(action, {});
  return (
    <form action={run} className="space-y-3" noValidate key={state.done}>
      <FormMessage message={state.success} tone="success" />
      <FormMessage message={state.message} />
      <FormField
        name="email"
        label="Teacher's email"
        type="email"
        autoComplete="off"
        required
        hint="They get a link that works once, for 7 days. Following it creates a teacher account, or makes their existing account a teacher."
        defaultValue={state.values?.email}
        errors={state.errors?.email}
      />
      <SubmitButton className="btn" pendingLabel="Sending…">
        Send invitation
      </SubmitButton>
    </form>
  );
}
