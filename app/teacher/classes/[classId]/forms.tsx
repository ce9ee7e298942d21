"use client";
import { useActionState, useEffect, useRef, useState } from "react";
import { useHydrated } from "@/components/use-hydrated";
import { useFocusAfterRemoval } from "@/components/use-focus-after-removal";
import { FormField, FormMessage } from "@/components/form-field";
import { DateTimeField } from "@/components/date-time-field";
import { Choice, ChoiceGroup, SelectField } from "@/components/form-bits";
import type { FormState } from "@/lib/actions/form-state";
import {
  cancelInvitationAction,
  inviteCoTeacherAction,
  removeCoTeacherAction,
  createAssignmentAction,
  deleteAssignmentAction,
  grantExtensionAction,
  regenerateCodeAction,
  removeExtensionAction,
  removeStudentAction,
  renameClassAction,
  setClassArchivedAction,
} from "./actions";
import { SubmitButton } from "@/components/submit-button";
import { LateWorkFields } from "./late-work-fields";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

/** Clears a form after each successful submit (React keeps controlled fields otherwise). */
function useResetOnSuccess(state: FormState) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.done) ref.current?.reset();
  }, [state.done]);
  return ref;
}

/**
 * One button that runs one action on hidden fields, with its outcome next to it. With `confirm`,
 * the first press only asks (a student removed or an assignment deleted cannot be brought back
 * with a click), and the question offers the real button and a way back.
 * With `focusAfterRemoval`, the id of a heading that takes focus when an action removes the
 * button's own row (components/use-focus-after-removal.ts).
 */
function ActionButton({
  action,
  fields,
  label,
  accessibleLabel,
  tone = "secondary",
  confirm,
  focusAfterRemoval,
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  accessibleLabel?: string;
  tone?: "secondary" | "danger";
  confirm?: { question: string; yes: string };
  focusAfterRemoval?: string;
}) {
  const [state, run, pending] = useActionState<FormState, FormData>(action, {});
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const markSubmitted = useFocusAfterRemoval(focusAfterRemoval, pending);
  const hydrated = useHydrated();
  useEffect(() => {
    if (asking) yes.current?.focus();
  }, [asking]);
  const buttonClass = `btn btn-secondary px-3 py-1.5 text-sm ${tone === "danger" ? "text-[#b42318]" : ""}`;
  return (
    <form action={run} onSubmit={markSubmitted} className="inline-flex flex-col gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirm && asking ? (
        <div role="group" aria-label={confirm.question} className="flex flex-wrap items-center justify-end gap-2">
          <span className="text-sm">{confirm.question}</span>
          <SubmitButton ref={yes} className={buttonClass} pendingLabel="Working…">
            {confirm.yes}
          </SubmitButton>
          <button
            type="button"
            className="btn btn-secondary px-3 py-1.5 text-sm"
            disabled={pending}
            onClick={() => {
              setAsking(false);
              requestAnimationFrame(() => opener.current?.focus());
            }}
          >
            Cancel
          </button>
        </div>
      ) : confirm ? (
        // Until React has hydrated, a click could not open the question: the button waits.
        <button ref={opener} type="button" className={buttonClass} disabled={!hydrated} aria-label={accessibleLabel} onClick={() => setAsking(true)}>
          {label}
        </button>
      ) : (
        <SubmitButton className={buttonClass} aria-label={accessibleLabel} pendingLabel="Working…">
          {label}
        </SubmitButton>
      )}
      {state.message ? (
        <p role="alert" className="field-error">
          {state.message}
        </p>
      ) : null}
      {state.success ? (
        <p role="status" className="text-sm text-quote">
          {state.success}
        </p>
      ) : null}
    </form>
  );
}

export function RegenerateCodeButton({ classId }: { classId: string }) {
  return <ActionButton action={regenerateCodeAction} fields={{ classId }} label="Make a new code" />;
}

/** `focusAfterRemoval`: the heading that takes focus once the student's row is gone. */
export function RemoveStudentButton({
  classId,
  studentId,
  name,
  focusAfterRemoval,
}: {
  classId: string;
  studentId: string;
  name: string;
  focusAfterRemoval: string;
}) {
  return (
    <ActionButton
      action={removeStudentAction}
      fields={{ classId, studentId }}
      label="Remove"
      accessibleLabel={`Remove ${name} from the class`}
      tone="danger"
      confirm={{ question: `Remove ${name} from this class? Their work set only for them goes too; their quiz attempts stay.`, yes: `Yes, remove ${name}` }}
      focusAfterRemoval={focusAfterRemoval}
    />
  );
}

export function DeleteAssignmentButton({ assignmentId, title, focusAfterRemoval }: { assignmentId: string; title: string; focusAfterRemoval: string }) {
  return (
    <ActionButton
      action={deleteAssignmentAction}
      fields={{ assignmentId }}
      label="Delete"
      accessibleLabel={`Delete the assignment “${title}”`}
      tone="danger"
      confirm={{ question: `Delete “${title}”? It leaves every student’s list; the attempts they made stay.`, yes: "Yes, delete it" }}
      focusAfterRemoval={focusAfterRemoval}
    />
  );
}

export function RemoveExtensionButton({
  assignmentId,
  studentId,
  name,
  focusAfterRemoval,
}: {
  assignmentId: string;
  studentId: string;
  name: string;
  focusAfterRemoval: string;
}) {
  return (
    <ActionButton
      action={removeExtensionAction}
      fields={{ assignmentId, studentId }}
      label="Remove"
      accessibleLabel={`Remove ${name}’s extension`}
      focusAfterRemoval={focusAfterRemoval}
    />
  );
}

/** The owner removes a co-teacher, or a co-teacher leaves (`self`). */
export function RemoveCoTeacherButton({
  classId,
  teacherId,
  name,
  self,
  focusAfterRemoval,
}: {
  classId: string;
  teacherId: string;
  name: string;
  self: boolean;
  focusAfterRemoval: string;
}) {
  return (
    <ActionButton
      action={removeCoTeacherAction}
      fields={{ classId, teacherId }}
      label={self ? "Leave this class" : "Remove"}
      accessibleLabel={self ? "Leave this class" : `Remove ${name} as co-teacher`}
      tone="danger"
      confirm={
        self
          ? { question: "Leave this class? You will no longer see it or its reports. Its work stays with the class.", yes: "Yes, leave the class" }
          : { question: `Remove ${name} as co-teacher? They will no longer see this class; the work they set stays.`, yes: `Yes, remove ${name}` }
      }
      focusAfterRemoval={focusAfterRemoval}
    />
  );
}

/** The owner invites a colleague; the answer is the same whatever the email is (decision 0038). */
export function InviteCoTeacherForm({ classId }: { classId: string }) {
  const [state, action] = useActionState<FormState, FormData>(inviteCoTeacherAction, {});
  const ref = useResetOnSuccess(state);
  const email = typeof state.values?.email === "string" ? state.values.email : "";
  return (
    <form ref={ref} action={action} className="space-y-3" noValidate>
      <FormMessage message={state.message} />
      <FormMessage message={state.success} tone="success" />
      <input type="hidden" name="classId" value={classId} />
      <FormField
        name="email"
        id="field-coteacher-email"
        label="Colleague’s email"
        hint="We email them an invitation. They become a co-teacher when they accept it, signed in with a teacher account."
        type="email"
        autoComplete="off"
        required
        defaultValue={email}
        errors={state.errors?.email}
      />
      <SubmitButton className="btn btn-secondary" pendingLabel="Sending…">
        Send invitation
      </SubmitButton>
    </form>
  );
}

export function CancelInvitationButton({
  classId,
  invitationId,
  email,
  focusAfterRemoval,
}: {
  classId: string;
  invitationId: string;
  email: string;
  focusAfterRemoval: string;
}) {
  return (
    <ActionButton
      action={cancelInvitationAction}
      fields={{ classId, invitationId }}
      label="Cancel invitation"
      accessibleLabel={`Cancel invitation to ${email}`}
      focusAfterRemoval={focusAfterRemoval}
    />
  );
}

/** `group`: "Lessons", "Phases", "Whole article", or "Article: <title>" for an imported article's lessons. */
export type ScopeOption = { value: string; label: string; group: string };

export function CreateAssignmentForm({
  classId,
  scopes,
  students,
  ownQuestions,
  reveals,
}: {
  classId: string;
  scopes: ScopeOption[];
  students: { id: string; name: string }[];
  ownQuestions: { id: string; prompt: string }[];
  reveals: { value: string; label: string }[];
}) {
  const [state, action] = useActionState<FormState, FormData>(createAssignmentAction, {});
  const ref = useResetOnSuccess(state);
  const value = (name: string) => (typeof state.values?.[name] === "string" ? (state.values[name] as string) : undefined);
  const chosen = (name: string) => {
    const v = state.values?.[name];
    return Array.isArray(v) ? v : [];
  };
  // In the order given: the built-in lessons, the imported articles' lessons, phases, the whole article.
  const groups = [...new Set(scopes.map((s) => s.group))].map((group) => ({ group, options: scopes.filter((s) => s.group === group) }));
  return (
    <form ref={ref} action={action} className="space-y-4" noValidate>
      <FormMessage message={state.message} />
      <FormMessage message={state.success} tone="success" />
      <input type="hidden" name="classId" value={classId} />
      <SelectField name="scope" label="What to assign" required defaultValue={value("scope") ?? scopes[0]?.value} errors={state.errors?.scope}>
        {groups.map(({ group, options }) => (
          <optgroup key={group} label={group}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <FormField
        name="title"
        label="Title (optional)"
        hint="Leave empty to use the lesson or phase name."
        maxLength={120}
        defaultValue={value("title") ?? ""}
        errors={state.errors?.title}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <DateTimeField key={`opens-${state.done ?? 0}`} name="opensAt" label="Opens (optional)" hint="Empty: open now." errors={state.errors?.opensAt} />
        <DateTimeField key={`due-${state.done ?? 0}`} name="dueAt" label="Due" hint="In your own time zone." required errors={state.errors?.dueAt} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="reveal" label="Show answers and explanations" defaultValue={value("reveal") ?? "IMMEDIATELY"} errors={state.errors?.reveal}>
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
          defaultValue={value("maxAttempts") ?? "1"}
          errors={state.errors?.maxAttempts}
        />
      </div>
      <LateWorkFields
        key={`late-${state.done ?? 0}`}
        lateWorkCounts={value("lateWorkCounts") ?? "yes"}
        afterRevealCounts={value("afterRevealCounts") ?? "no"}
        errors={state.errors}
      />
      {students.length > 0 ? (
        <ChoiceGroup
          name="studentIds"
          legend="Only for some students? (optional)"
          hint="Leave all unticked to set it for the whole class, including students who join later."
          errors={state.errors?.studentIds}
        >
          {students.map((s) => (
            <Choice key={s.id} name="studentIds" value={s.id} label={s.name} defaultChecked={chosen("studentIds").includes(s.id)} />
          ))}
        </ChoiceGroup>
      ) : null}
      {ownQuestions.length > 0 ? (
        <ChoiceGroup
          name="questionIds"
          legend="Use your own questions? (optional)"
          hint="Leave all unticked to use the built-in questions for what you chose above."
          errors={state.errors?.questionIds}
        >
          {ownQuestions.map((q) => (
            <Choice key={q.id} name="questionIds" value={q.id} label={q.prompt} defaultChecked={chosen("questionIds").includes(q.id)} />
          ))}
        </ChoiceGroup>
      ) : null}
      <SubmitButton className="btn" pendingLabel="Setting…">
        Set assignment
      </SubmitButton>
    </form>
  );
}

export function ExtensionForm({ assignments, students }: { assignments: { id: string; title: string }[]; students: { id: string; name: string }[] }) {
  const [state, action] = useActionState<FormState, FormData>(grantExtensionAction, {});
  const ref = useResetOnSuccess(state);
  const value = (name: string) => (typeof state.values?.[name] === "string" ? (state.values[name] as string) : undefined);
  return (
    <form ref={ref} action={action} className="space-y-4" noValidate>
      <FormMessage message={state.message} />
      <FormMessage message={state.success} tone="success" />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="assignmentId"
          id="field-extension-assignment"
          label="Assignment"
          defaultValue={value("assignmentId") ?? ""}
          errors={state.errors?.assignmentId}
        >
          <option value="">Choose…</option>
          {assignments.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </SelectField>
        <SelectField name="studentId" id="field-extension-student" label="Student" defaultValue={value("studentId") ?? ""} errors={state.errors?.studentId}>
          <option value="">Choose…</option>
          {students.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <DateTimeField
          key={`extension-${state.done ?? 0}`}
          name="dueAt"
          id="field-extension-due"
          label="New due date (optional)"
          errors={state.errors?.dueAt}
        />
        <FormField
          name="extraAttempts"
          id="field-extension-attempts"
          label="Extra attempts"
          type="number"
          min={0}
          max={10}
          inputMode="numeric"
          defaultValue={value("extraAttempts") ?? "0"}
          errors={state.errors?.extraAttempts}
        />
      </div>
      <SubmitButton className="btn btn-secondary">Save extension</SubmitButton>
    </form>
  );
}

export function RenameClassForm({ classId, name }: { classId: string; name: string }) {
  const [state, action] = useActionState<FormState, FormData>(renameClassAction, {});
  const current = typeof state.values?.name === "string" ? state.values.name : name;
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="classId" value={classId} />
      <div className="min-w-64 flex-1">
        <FormField name="name" id="field-class-name" label="Class name" required maxLength={80} defaultValue={current} errors={state.errors?.name} />
      </div>
      <SubmitButton className="btn btn-secondary" pendingLabel="Saving…">
        Rename
      </SubmitButton>
      <div className="basis-full">
        <FormMessage message={state.message} />
        <FormMessage message={state.success} tone="success" />
      </div>
    </form>
  );
}

export function ArchiveClassButton({ classId, name, archived }: { classId: string; name: string; archived: boolean }) {
  return archived ? (
    // Keyed by state: the button pressed goes away (it is another button now), so it hands focus on.
    <ActionButton
      key="archived"
      action={setClassArchivedAction}
      fields={{ classId, archived: "false" }}
      label="Bring the class back"
      focusAfterRemoval="settings-heading"
    />
  ) : (
    <ActionButton
      key="active"
      action={setClassArchivedAction}
      fields={{ classId, archived: "true" }}
      label="Archive class"
      focusAfterRemoval="settings-heading"
      confirm={{ question: `Archive “${name}”? Students stop seeing it and its work; nothing is deleted.`, yes: "Yes, archive it" }}
    />
  );
}
