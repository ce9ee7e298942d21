"use server";
// Writing, editing, retiring and duplicating a teacher's own questions.
// Shape: guard → parse the form → field errors → write → revalidate/redirect.
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireRole } from "@/lib/auth/guards";
import type { FieldErrors } from "@/lib/auth/validation";
import { TeacherError } from "@/lib/teacher/errors";
import { fieldForPath, formToQuestion, type QuestionFormValues } from "@/lib/teacher/question-form";
import { createQuestion, duplicateBuiltIn, getOwnQuestion, setQuestionRetired, updateQuestion } from "@/lib/teacher/questions";
import { refused, text, texts, type FormState } from "@/lib/form";

const id = z.string().min(1).max(64);

function readForm(form: FormData): QuestionFormValues {
  return {
    type: text(form, "type"),
    prompt: text(form, "prompt"),
    explanation: text(form, "explanation"),
    difficulty: text(form, "difficulty"),
    paragraphIds: texts(form, "paragraphIds"),
    phaseIds: texts(form, "phaseIds"),
    eventIds: texts(form, "eventIds"),
    options: text(form, "options"),
    trueFalse: text(form, "trueFalse"),
    items: text(form, "items"),
    pairs: text(form, "pairs"),
    statement: text(form, "statement"),
    label: text(form, "label"),
  };
}

/** Problems found on the question, filed under the form fields that show them. */
function formErrors(type: string, fields: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, messages] of Object.entries(fields)) {
    const field = fieldForPath(type, key);
    out[field] = [...(out[field] ?? []), ...(messages ?? [])];
  }
  return out;
}

function questionRefused(error: unknown, values: QuestionFormValues): FormState {
  if (error instanceof TeacherError && Object.keys(error.fields).length > 0) {
    const errors = formErrors(values.type, error.fields);
    return { errors, values, ...(errors.form ? { message: errors.form.join(" ") } : { message: error.message }) };
  }
  return refused(error, values);
}

export async function createQuestionAction(_: FormState, form: FormData): Promise<FormState> {
  const teacher = await requireRole("TEACHER", "/teacher/questions");
  const values = readForm(form);
  const { candidate, errors } = formToQuestion(values, "t-new");
  if (!candidate || Object.keys(errors).length > 0) return { errors, values };
  let questionId: string;
  try {
    questionId = (await createQuestion(teacher.id, candidate)).id;
  } catch (error) {
    return questionRefused(error, values);
  }
  revalidatePath("/teacher/questions");
  redirect(`/teacher/questions/${questionId}?saved=1`);
}

export async function updateQuestionAction(_: FormState, form: FormData): Promise<FormState> {
  const teacher = await requireRole("TEACHER", "/teacher/questions");
  const questionId = id.safeParse(text(form, "questionId"));
  if (!questionId.success) return { message: "That question does not exist, or it is not one of yours." };
  const values = readForm(form);
  const existing = await getOwnQuestion(teacher.id, questionId.data);
  if (!existing) return { message: "That question does not exist, or it is not one of yours.", values };
  // The type of a saved question never changes: past answers were given to that type.
  values.type = existing.question.type;
  const { candidate, errors } = formToQuestion(values, questionId.data, existing.question);
  if (!candidate || Object.keys(errors).length > 0) return { errors, values };
  try {
    await updateQuestion(teacher.id, questionId.data, candidate);
  } catch (error) {
    return questionRefused(error, values);
  }
  revalidatePath("/teacher/questions");
  revalidatePath(`/teacher/questions/${questionId.data}`);
  return { success: "Saved.", values, done: Date.now() };
}

export async function setQuestionRetiredAction(_: FormState, form: FormData): Promise<FormState> {
  const teacher = await requireRole("TEACHER", "/teacher/questions");
  const parsed = z.object({ questionId: id, retired: z.enum(["true", "false"]) }).safeParse({ questionId: text(form, "questionId"), retired: text(form, "retired") });
  if (!parsed.success) return { message: "That request is not valid." };
  try {
    await setQuestionRetired(teacher.id, parsed.data.questionId, parsed.data.retired === "true");
  } catch (error) {
    return refused(error);
  }
  revalidatePath("/teacher/questions");
  revalidatePath(`/teacher/questions/${parsed.data.questionId}`);
  return { success: parsed.data.retired === "true" ? "Retired: it is no longer offered for new assignments." : "Back in use.", done: Date.now() };
}

export async function duplicateQuestionAction(_: FormState, form: FormData): Promise<FormState> {
  const teacher = await requireRole("TEACHER", "/teacher/questions");
  const builtInId = id.safeParse(text(form, "questionId"));
  if (!builtInId.success) return { message: "That question does not exist." };
  let copyId: string;
  try {
    copyId = (await duplicateBuiltIn(teacher.id, builtInId.data)).id;
  } catch (error) {
    return refused(error);
  }
  revalidatePath("/teacher/questions");
  redirect(`/teacher/questions/${copyId}?copied=1`);
}
