"use server";
// Everything done from a class's page. Each action: guard → parse → field errors → write →
// revalidate. The class (or assignment) id comes from the form and is checked by the domain
// function, which refuses anything outside the teacher's own classes.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireRole } from "@/lib/auth/guards";
import { createAssignment, deleteAssignment, grantExtension, removeExtension } from "@/lib/teacher/assignments";
import { addCoTeacher, regenerateJoinCode, removeStudent } from "@/lib/teacher/classes";
import { parseLocalDateTime } from "@/lib/teacher/dates";
import { parseScopeValue } from "@/lib/teacher/validation";
import { instant, refused, text, texts, type FormState } from "../../_lib/form";

const id = z.string().min(1).max(64);
const INVALID: FormState = { message: "That request is not valid. Reload the page and try again." };

const classPath = (classId: string) => `/teacher/classes/${classId}`;

function revalidateClass(classId: string) {
  revalidatePath(classPath(classId));
  revalidatePath(`${classPath(classId)}/reports`);
  revalidatePath("/teacher");
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
