"use server";
// Everything done from a class's page, each action declared once (lib/actions/define.ts): who may
// call it, its input, its handler. Actions that name the class are "teacher-of-class": the layer
// checks the caller teaches it before the handler runs; those that name an assignment leave that
// check to the domain function, which refuses anything outside the teacher's own classes.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { after } from "next/server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/define";
import { freeText, hidden, id, many, text } from "@/lib/actions/fields";
import { saved, type FormState } from "@/lib/actions/form-state";
import { fieldsError } from "@/lib/errors";
import { publicBaseUrl } from "@/lib/auth/public-url";
import type { Consequence } from "@/lib/teacher/assignment-edit";
import { createAssignment, deleteAssignment, grantExtension, removeExtension, updateAssignment } from "@/lib/teacher/assignments";
import { regenerateJoinCode, removeCoTeacher, removeStudent, renameClass, setClassArchived } from "@/lib/teacher/classes";
import { cancelInvitation, inviteCoTeacher } from "@/lib/teacher/invitations";
import { parseLocalDateTime } from "@/lib/teacher/dates";
import { classNameSchema, parseScopeValue } from "@/lib/teacher/validation";

const returnTo = "/teacher";

function revalidateClass(classId: string) {
  // The whole class segment (its layout shows the name and archive state), the home and the students' lists.
  revalidatePath(`/teacher/classes/${classId}`, "layout");
  revalidatePath("/teacher");
  revalidatePath("/classes");
  revalidatePath("/dashboard");
}

/** A date field: the instant the browser worked out (hidden), or without JavaScript the typed value read as UTC. */
const dateFields = (name: string) => ({ [name]: text(40), [`${name}Local`]: text(40) });
function dateOf(input: Record<string, unknown>, name: string): Date | null {
  const iso = String(input[name] ?? "");
  if (iso) {
    const date = new Date(iso);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return parseLocalDateTime(String(input[`${name}Local`] ?? ""), 0);
}
const typed = (input: Record<string, unknown>, name: string) => Boolean(input[name] || input[`${name}Local`]);
const attemptsNumber = (value: string) => (value === "" ? Number.NaN : Number(value));
/** A yes/no radio group: unsent is left to the domain's default; anything else is handed on for it to refuse. */
const yesNo = (value: string): boolean | string | undefined => (value === "yes" ? true : value === "no" ? false : value === "" ? undefined : value);

export const regenerateCodeAction = formAction({
  access: "teacher-of-class",
  returnTo,
  input: z.object({ classId: id() }),
  async run({ user, input }) {
    await regenerateJoinCode(user.id, input.classId);
    revalidateClass(input.classId);
    return saved("A new code is ready. The old code no longer works.");
  },
});

export const removeStudentAction = formAction({
  access: "teacher-of-class",
  returnTo,
  input: z.object({ classId: id(), studentId: id() }),
  async run({ user, input }) {
    await removeStudent(user.id, input.classId, input.studentId);
    revalidateClass(input.classId);
    return saved("Removed from the class.");
  },
});

export const inviteCoTeacherAction = formAction({
  access: "teacher-of-class",
  returnTo,
  input: z.object({ classId: id(), email: text(320) }),
  async run({ user, input }) {
    // The domain checks the caller owns the class; the answer is the same for every email (decision 0038).
    const { message, delivery } = await inviteCoTeacher(user.id, input.classId, input.email, { baseUrl: publicBaseUrl(await headers()) });
    // Sent after the answer, so an email that gets mail takes no longer to answer than one that does not.
    after(delivery.catch((error: unknown) => console.error("co-teacher invitation mail could not be sent:", error)));
    revalidateClass(input.classId);
    return saved(message);
  },
});

export const cancelInvitationAction = formAction({
  access: "teacher-of-class",
  returnTo,
  input: z.object({ classId: id(), invitationId: id() }),
  async run({ user, input }) {
    const { email } = await cancelInvitation(user.id, input.classId, input.invitationId);
    revalidateClass(input.classId);
    return saved(`Invitation to ${email} cancelled.`);
  },
});

export const removeCoTeacherAction = formAction({
  access: "teacher-of-class",
  returnTo,
  input: z.object({ classId: id(), teacherId: id() }),
  async run({ user, input }) {
    const { left } = await removeCoTeacher(user.id, input.classId, input.teacherId);
    if (left) {
      // The class is no longer theirs: back to the list of classes they still teach.
      revalidatePath("/teacher");
      redirect("/teacher?left=1");
    }
    revalidateClass(input.classId);
    return saved("Removed. They no longer teach this class; its work and reports stay here.");
  },
});

export const createAssignmentAction = formAction({
  access: "teacher-of-class",
  returnTo,
  input: z.object({
    classId: id(),
    title: text(200),
    scope: text(200),
    ...dateFields("opensAt"),
    ...dateFields("dueAt"),
    reveal: text(40),
    maxAttempts: text(10),
    lateWorkCounts: text(10),
    afterRevealCounts: text(10),
    studentIds: many(),
    questionIds: many(),
  }),
  // The domain names the kind of work "kind"; the form calls the field "scope".
  formNames: { kind: "scope" },
  async run({ user, input }) {
    const scope = parseScopeValue(input.scope);
    const dueAt = dateOf(input, "dueAt");
    const opensAt = typed(input, "opensAt") ? dateOf(input, "opensAt") : new Date();
    if (!scope || !dueAt || !opensAt) {
      throw fieldsError({
        ...(scope ? {} : { scope: "Choose a lesson, a phase or a mixed review." }),
        ...(dueAt ? {} : { dueAt: "Enter when the assignment is due." }),
        ...(opensAt ? {} : { opensAt: "Enter a valid opening date, or leave it empty to open the assignment now." }),
      });
    }
    await createAssignment(user.id, input.classId, {
      title: input.title,
      kind: scope.kind,
      scopeId: scope.scopeId,
      opensAt,
      dueAt,
      reveal: input.reveal,
      maxAttempts: attemptsNumber(input.maxAttempts),
      lateWorkCounts: yesNo(input.lateWorkCounts),
      afterRevealCounts: yesNo(input.afterRevealCounts),
      studentIds: input.studentIds,
      questionIds: input.questionIds,
    });
    revalidateClass(input.classId);
    return saved("The assignment is set. Students see it on their class page.");
  },
});

export const deleteAssignmentAction = formAction({
  access: "teacher",
  returnTo,
  input: z.object({ assignmentId: id() }),
  async run({ user, input }) {
    const { classId } = await deleteAssignment(user.id, input.assignmentId);
    revalidateClass(classId);
    return saved("Assignment deleted. Students keep the attempts they made.");
  },
});

export const grantExtensionAction = formAction({
  access: "teacher",
  returnTo,
  input: z.object({
    assignmentId: text(64).min(1, "Choose an assignment."),
    studentId: text(64).min(1, "Choose a student."),
    ...dateFields("dueAt"),
    extraAttempts: text(10),
  }),
  async run({ user, input }) {
    const dueAt = typed(input, "dueAt") ? dateOf(input, "dueAt") : null;
    if (typed(input, "dueAt") && !dueAt) throw fieldsError({ dueAt: "Enter a valid date and time." });
    const { classId } = await grantExtension(user.id, input.assignmentId, input.studentId, {
      dueAt,
      extraAttempts: input.extraAttempts === "" ? 0 : Number(input.extraAttempts),
    });
    revalidateClass(classId);
    return saved("Extension saved.");
  },
});

export const removeExtensionAction = formAction({
  access: "teacher",
  returnTo,
  input: z.object({ assignmentId: id(), studentId: id() }),
  async run({ user, input }) {
    const { classId } = await removeExtension(user.id, input.assignmentId, input.studentId);
    revalidateClass(classId);
    return saved("Extension removed.");
  },
});

export const renameClassAction = formAction({
  access: "teacher-of-class",
  returnTo,
  input: z.object({ classId: id(), name: freeText(classNameSchema) }),
  async run({ user, input }) {
    const renamed = await renameClass(user.id, input.classId, input.name);
    revalidateClass(input.classId);
    return saved(`The class is now called “${renamed.name}”.`, { values: { name: renamed.name } });
  },
});

export const setClassArchivedAction = formAction({
  access: "teacher-of-class",
  returnTo,
  input: z.object({ classId: id(), archived: hidden(z.enum(["true", "false"])) }),
  async run({ user, input }) {
    const archived = input.archived === "true";
    await setClassArchived(user.id, input.classId, archived);
    revalidateClass(input.classId);
    return saved(
      archived ? "Class archived. Students no longer see it; its reports and CSV stay here." : "The class is back in your list and its students’ lists.",
    );
  },
});

type Preview = { preview: { started: string[]; consequences: Consequence[]; key: string } };

/** The form state of the edit form: a preview to confirm, when the change affects students. */
export type EditAssignmentState = FormState<Preview>;

const updateAssignmentInput = z.object({
  assignmentId: id(),
  title: text(200),
  ...dateFields("opensAt"),
  ...dateFields("dueAt"),
  reveal: text(40),
  maxAttempts: text(10),
  lateWorkCounts: text(10),
  afterRevealCounts: text(10),
  studentIds: many(),
  intent: hidden(text(20)),
  previewKey: hidden(text(64)),
});

export const updateAssignmentAction = formAction<"teacher", typeof updateAssignmentInput, Preview>({
  access: "teacher",
  returnTo,
  input: updateAssignmentInput,
  async run({ user, input, values }) {
    const opensAt = dateOf(input, "opensAt");
    const dueAt = dateOf(input, "dueAt");
    if (!opensAt || !dueAt) {
      throw fieldsError({
        ...(opensAt ? {} : { opensAt: "Enter when the assignment opens." }),
        ...(dueAt ? {} : { dueAt: "Enter when the assignment is due." }),
      });
    }
    const result = await updateAssignment(
      user.id,
      input.assignmentId,
      {
        title: input.title,
        opensAt,
        dueAt,
        reveal: input.reveal,
        maxAttempts: attemptsNumber(input.maxAttempts),
        lateWorkCounts: yesNo(input.lateWorkCounts),
        afterRevealCounts: yesNo(input.afterRevealCounts),
        studentIds: input.studentIds,
      },
      { confirmedKey: input.intent === "confirm" ? input.previewKey : "" },
    );
    if (!result.saved) {
      return { values, preview: { started: result.preview.started.map((s) => s.name), consequences: result.preview.consequences, key: result.key } };
    }
    revalidateClass(result.classId);
    return saved("Changes saved.", { values });
  },
});
