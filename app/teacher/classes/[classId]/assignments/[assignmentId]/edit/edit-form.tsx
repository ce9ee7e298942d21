"use client";
import { useActionState, useEffect, useRef } from "react";
import { FormField, FormMessage } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { DateTimeField } from "@/components/date-time-field";
import { Choice, ChoiceGroup, SelectField } from "@/components/form-bits";
import { updateAssignmentAction, type EditAssignmentState } from "../../../actions";
import { LateWorkFields } from "../../../late-work-fields";

export type EditDefaults = {
  title: string;
  opensAt: string;
  dueAt: string;
  reveal: string;
  maxAttempts: string;
  /** "yes" or "no". */
  lateWorkCounts: string;
  afterRevealCounts: string;
  studentIds: string[];
};

/**
 * The first press of "Save changes" saves at once when no student is affected; otherwise it
 * shows what changes for them and offers "Save these changes", which confirms exactly that list.
 */
export function EditAssignmentForm({
  assignmentId,
  defaults,
  students,
  reveals,
}: {
  assignmentId: string;
  defaults: EditDefaults;
  students: { id: string; name: string }[];
  reveals: { value: string; label: string }[];
}) {
  const [state, action] = useActionState<EditAssignmentState, FormData>(updateAssignmentAction, {});
  const previewHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // The button pressed stays, but what matters now is the list: take the reader there.
    if (state.preview) previewHeading.current?.focus();
  }, [state.preview]);
  const value = (name: keyof EditDefaults) => {
    const v = state.values?.[name];
    return typeof v === "string" ? v : (defaults[name] as string);
  };
  const chosen = state.values ? (Array.isArray(state.values.studentIds) ? state.values.studentIds : []) : defaults.studentIds;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage message={state.message} />
      <FormMessage message={state.success} tone="success" />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <FormField name="title" label="Title" maxLength={120} defaultValue={value("title")} errors={state.errors?.title} />
      <div className="grid gap-4 sm:grid-cols-2">
        <DateTimeField name="opensAt" label="Opens" defaultIso={value("opensAt")} required errors={state.errors?.opensAt} />
        <DateTimeField name="dueAt" label="Due" hint="In your own time zone." defaultIso={value("dueAt")} required errors={state.errors?.dueAt} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="reveal" label="Show answers and explanations" defaultValue={value("reveal")} errors={state.errors?.reveal}>
          {reveals.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </SelectField>
        <FormField
          name="maxAttempts"
          label="Attempts per student"
          type="number"
          min={1}
          max={10}
          inputMode="numeric"
          required
          defaultValue={value("maxAttempts")}
          errors={state.errors?.maxAttempts}
        />
      </div>
      <LateWorkFields lateWorkCounts={value("lateWorkCounts")} afterRevealCounts={value("afterRevealCounts")} errors={state.errors} />
      {students.length > 0 ? (
        <ChoiceGroup
          name="studentIds"
          legend="Only for some students?"
          hint="Leave all unticked to set it for the whole class, including students who join later."
          errors={state.errors?.studentIds}
        >
          {students.map((s) => (
            <Choice key={s.id} name="studentIds" value={s.id} label={s.name} defaultChecked={chosen.includes(s.id)} />
          ))}
        </ChoiceGroup>
      ) : null}

      {state.preview ? (
        <section aria-labelledby="preview-heading" className="space-y-2 rounded-lg border border-opinion bg-[#fbf6e6] p-4">
          <h2 id="preview-heading" ref={previewHeading} tabIndex={-1} className="text-xl font-semibold outline-none">
            Before you save: what changes for students
          </h2>
          <p className="text-sm">
            {state.preview.started.length === 0
              ? "Nobody has started yet."
              : `${state.preview.started.length} ${state.preview.started.length === 1 ? "student has" : "students have"} started: ${state.preview.started.join(", ")}.`}
          </p>
          <ul className="list-disc space-y-1 pl-5">
            {state.preview.consequences.map((c) => (
              <li key={c.message}>{c.message}</li>
            ))}
          </ul>
          <p className="text-sm text-muted">No attempt or answer is deleted. Change the form and review again, or save.</p>
          <input type="hidden" name="previewKey" value={state.preview.key} />
          <SubmitButton name="intent" value="confirm" className="btn" pendingLabel="Saving…">
            Save these changes
          </SubmitButton>
        </section>
      ) : null}
      <SubmitButton name="intent" value="review" className={state.preview ? "btn btn-secondary" : "btn"} pendingLabel="Checking…">
        {state.preview ? "Check again" : "Save changes"}
      </SubmitButton>
    </form>
  );
}
