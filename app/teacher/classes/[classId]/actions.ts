"use server";
// Everything done from a class's page. Each action: guard → parse → field errors → write →
// revalidate. The class (or assignment) id comes from the form and is checked by the domain
// function, which refuses anything outside the teacher's own classes.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireRole } from "@/lib/auth/guards";
import type { Consequence } from "@/lib/teacher/assignment-edit";
import { createAssignment, deleteAssignment, grantExtension, removeExtension, updateAssignment } from "@/lib/teacher/assignments";
import { addCoTeacher, regenerateJoinCode, removeStudent, renameClass, setClassArchived } from "@/lib/teacher/classes";
import { parseLocalDateTime } from "@/lib/teacher/dates";
import { parseScopeValue } from "@/lib/teacher/validation";
import { instant, refused, text, texts, type FormState } from "@/lib/form";

const id = z.string().min(1).max(64);
const INVALID: FormState = { message: "That request is not valid. Reload the page and try again." };

const classPath = (classId: string) => `/teacher/classes/${classId}`;

function revalidateClass(classId: string) {
  // The whole class segment (its layout shows the name and archive state), the home and the students' lists.
  revalidatePath(classPath(classId), "layout");
  revalidatePath("/teacher");
  revalidatePath("/classes");
  revalidatePath("/dashboard");
}

export async function regenerateCodeAction(_: FormState, form: FormData): Promise<FormState> {
  const teacher = await requireRole("TEACHER", "/teacher");
  const classId = id.safeParse(text(form, "classId"));
  if (!classId.success) return INVALID;
  try {
    await regenerateJoinCode(teacher.id, classId.data);
  } catch (error) {
    return refused(error);
  }
  revalidateClass(classId.data);
  return { success: "A new code is ready. The old code no longer works.", done: Date.now() };
}

export async function removeStudentAction(_: FormState, form: FormData): Promise<FormState> {
  const teacher = await requireRole("TEACHER", "/teacher");
  const parsed = z.object({ classId: id, studentId: id }).safeParse({ classId: text(form, "classId"), studentId: text(form, "studentId") });
  if (!parsed.success) return INVALID;
  try {
    await removeStudent(teacher.id, parsed.data.classId, parsed.data.studentId);
  } catch (error) {
    return refused(error);
  }
  revalidateClass(parsed.data.classId);
  return { success: "Removed from the class.", done: Date.now() };
}

export async function addCoTeacherAction(_: FormState, form: FormData): Promise<FormState> {
  const teacher = await requireRole("TEACHER", "/teacher");
  const values = { email: text(form, "email") };
  const classId = id.safeParse(text(form, "classId"));
  if (!classId.success) return INVALID;
  let added: { name: string };
  try {
    added = await addCoTeacher(teacher.id, classId.data, values.email);
  } catch (error) {
    return refused(error, values);
  }
  revalidateClass(classId.data);
  return { success: `${added.name} now teaches this class with you.`, done: Date.now() };
}

/** The due date: the instant the browser worked out, or (without JavaScript) the typed value read as UTC. */
function dateField(form: FormData, name: string): Date | null {
  return instant(form, name) ?? parseLocalDateTime(text(form, `${name}Local`), 0);
}

export async function createAssignmentAction(_: FormState, form: FormData): Promise<FormState> {
  const teacher = await requireRole("TEACHER", "/teacher");
  const classId = id.safeParse(text(form, "classId"));
  if (!classId.success) return INVALID;
  const values = {
    title: text(form, "title"),
    scope: text(form, "scope"),
    opensAt: text(form, "opensAt"),
    dueAt: text(form, "dueAt"),
    reveal: text(form, "reveal"),
    maxAttempts: text(form, "maxAttempts"),
    studentIds: texts(form, "studentIds"),
    questionIds: texts(form, "questionIds"),
  };
  const scope = parseScopeValue(values.scope);
  const dueAt = dateField(form, "dueAt");
  const opensAt = text(form, "opensAt") || text(form, "opensAtLocal") ? dateField(form, "opensAt") : new Date();
  const errors: Record<string, string[]> = {};
  if (!scope) errors.scope = ["Choose a lesson, a phase or a mixed review."];
  if (!dueAt) errors.dueAt = ["Enter when the assignment is due."];
  if (!opensAt) errors.opensAt = ["Enter a valid opening date, or leave it empty to open the assignment now."];
  if (!scope || !dueAt || !opensAt) return { errors, values };
  try {
    await createAssignment(teacher.id, classId.data, {
      title: values.title,
      kind: scope.kind,
      scopeId: scope.scopeId,
      opensAt,
      dueAt,
      reveal: values.reveal,
      maxAttempts: values.maxAttempts === "" ? Number.NaN : Number(values.maxAttempts),
      studentIds: values.studentIds,
      questionIds: values.questionIds,
    });
  } catch (error) {
    const state = refused(error, values);
    // The schema names the kind of work "kind"; the form calls the field "scope".
    if (state.errors?.kind) state.errors = { ...state.errors, scope: state.errors.kind };
    return state;
  }
  revalidateClass(classId.data);
  return { success: "The assignment is set. Students see it on their class page.", done: Date.now() };
}

export async function deleteAssignmentAction(_: FormState, form: FormData): Promise<FormState> {
  const teacher = await requireRole("TEACHER", "/teacher");
  const assignmentId = id.safeParse(text(form, "assignmentId"));
  if (!assignmentId.success) return INVALID;
  let classId: string;
  try {
    classId = (await deleteAssignment(teacher.id, assignmentId.data)).classId;
  } catch (error) {
    return refused(error);
  }
  revalidateClass(classId);
  return { success: "Assignment deleted. Students keep the attempts they made.", done: Date.now() };
}

export async function grantExtensionAction(_: FormState, form: FormData): Promise<FormState> {
  const teacher = await requireRole("TEACHER", "/teacher");
  const values = {
    assignmentId: text(form, "assignmentId"),
    studentId: text(form, "studentId"),
    dueAt: text(form, "dueAt"),
    extraAttempts: text(form, "extraAttempts"),
  };
  const errors: Record<string, string[]> = {};
  if (!id.safeParse(values.assignmentId).success) errors.assignmentId = ["Choose an assignment."];
  if (!id.safeParse(values.studentId).success) errors.studentId = ["Choose a student."];
  const typedDate = text(form, "dueAt") || text(form, "dueAtLocal");
  const dueAt = typedDate ? dateField(form, "dueAt") : null;
  if (typedDate && !dueAt) errors.dueAt = ["Enter a valid date and time."];
  if (Object.keys(errors).length > 0) return { errors, values };
  let classId: string;
  try {
    classId = (
      await grantExtension(teacher.id, values.assignmentId, values.studentId, {
        dueAt,
        extraAttempts: values.extraAttempts === "" ? 0 : Number(values.extraAttempts),
      })
    ).classId;
  } catch (error) {
    return refused(error, values);
  }
  revalidateClass(classId);
  return { success: "Extension saved.", done: Date.now() };
}

export async function removeExtensionAction(_: FormState, form: FormData): Promise<FormState> {
  const teacher = await requireRole("TEACHER", "/teacher");
  const parsed = z.object({ assignmentId: id, studentId: id }).safeParse({ assignmentId: text(form, "assignmentId"), studentId: text(form, "studentId") });
  if (!parsed.success) return INVALID;
  let classId: string;
  try {
    classId = (await removeExtension(teacher.id, parsed.data.assignmentId, parsed.data.studentId)).classId;
  } catch (error) {
    return refused(error);
  }
  revalidateClass(classId);
  return { success: "Extension removed.", done: Date.now() };
}

export async function renameClassAction(_: FormState, form: FormData): Promise<FormState> {
  const teacher = await requireRole("TEACHER", "/teacher");
  const values = { name: text(form, "name") };
  const classId = id.safeParse(text(form, "classId"));
  if (!classId.success) return INVALID;
  let renamed: { name: string };
  try {
    renamed = await renameClass(teacher.id, classId.data, values.name);
  } catch (error) {
    return refused(error, values);
  }
  revalidateClass(classId.data);
  return { success: `The class is now called “${renamed.name}”.`, values: { name: renamed.name }, done: Date.now() };
}

export async function setClassArchivedAction(_: FormState, form: FormData): Promise<FormState> {
  const teacher = await requireRole("TEACHER", "/teacher");
  const parsed = z.object({ classId: id, archived: z.enum(["true", "false"]) }).safeParse({ classId: text(form, "classId"), archived: text(form, "archived") });
  if (!parsed.success) return INVALID;
  const archived = parsed.data.archived === "true";
  try {
    await setClassArchived(teacher.id, parsed.data.classId, archived);
  } catch (error) {
    return refused(error);
  }
  revalidateClass(parsed.data.classId);
  return {
    success: archived ? "Class archived. Students no longer see it; its reports and CSV stay here." : "The class is back in your list and its students’ lists.",
    done: Date.now(),
  };
}

/** The form state of the edit form: a preview to confirm, when the change affects students. */
export type EditAssignmentState = FormState & { preview?: { started: string[]; consequences: Consequence[]; key: string } };

export async function updateAssignmentAction(_: EditAssignmentState, form: FormData): Promise<EditAssignmentState> {
  const teacher = await requireRole("TEACHER", "/teacher");
  const assignmentId = id.safeParse(text(form, "assignmentId"));
  if (!assignmentId.success) return INVALID;
  const values = {
    title: text(form, "title"),
    opensAt: text(form, "opensAt"),
    dueAt: text(form, "dueAt"),
    reveal: text(form, "reveal"),
    maxAttempts: text(form, "maxAttempts"),
    studentIds: texts(form, "studentIds"),
  };
  const opensAt = dateField(form, "opensAt");
  const dueAt = dateField(form, "dueAt");
  const errors: Record<string, string[]> = {};
  if (!opensAt) errors.opensAt = ["Enter when the assignment opens."];
  if (!dueAt) errors.dueAt = ["Enter when the assignment is due."];
  if (!opensAt || !dueAt) return { errors, values };
  const confirmedKey = form.get("intent") === "confirm" ? text(form, "previewKey").slice(0, 64) : "";
  let result: Awaited<ReturnType<typeof updateAssignment>>;
  try {
    result = await updateAssignment(
      teacher.id,
      assignmentId.data,
      { title: values.title, opensAt, dueAt, reveal: values.reveal, maxAttempts: values.maxAttempts === "" ? Number.NaN : Number(values.maxAttempts), studentIds: values.studentIds },
      { confirmedKey },
    );
  } catch (error) {
    return refused(error, values);
  }
  if (!result.saved) {
    return { values, preview: { started: result.preview.started.map((s) => s.name), consequences: result.preview.consequences, key: result.key } };
  }
  revalidateClass(result.classId);
  return { success: "Changes saved.", values, done: Date.now() };
}
