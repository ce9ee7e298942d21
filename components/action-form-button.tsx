"use client";
// One button that posts a few hidden fields to a server action and shows its refusal beside it:
// start a quiz, open an assignment, retire or duplicate a question. The action is passed in by the
// page or the route's own wrapper (components never import app/).
import type { ReactNode } from "react";
import { useActionState } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { SubmitButton } from "@/components/submit-button";

export type FormAction = (state: FormState, form: FormData) => Promise<FormState>;

export function ActionFormButton({
  action: run,
  fields,
  children,
  className = "btn",
  layout = "stacked",
  ariaLabel,
  pendingLabel,
}: {
  action: FormAction;
  fields: Record<string, string>;
  children: ReactNode;
  className?: string;
  /** "stacked": the button above its message; "inline": sized to the button, for rows of buttons. */
  layout?: "stacked" | "inline";
  ariaLabel?: string;
  pendingLabel?: ReactNode;
}) {
  const [state, action] = useActionState<FormState, FormData>(run, {});
  return (
    <form action={action} className={layout === "inline" ? "inline-flex flex-col gap-1" : "space-y-1"}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton className={className} aria-label={ariaLabel} pendingLabel={pendingLabel}>
        {children}
      </SubmitButton>
      {state.message ? (
        <p role="alert" className="field-error">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
