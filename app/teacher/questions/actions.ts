"use server";
// Writing, editing, retiring and duplicating a teacher's own questions, each declared once
// (lib/actions/define.ts). The question's own rules live in lib/teacher/question-form.ts.
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/define";
import { hidden, id } from "@/lib/actions/fields";
import { saved } from "@/lib/actions/form-state";
import { DomainError, fieldError } from "@/lib/errors";
import { FORMAT_NAMES } from "@/lib/interop/model";
import { importQuestionsFile, MAX_IMPORT_BYTES, type ImportReport } from "@/lib/interop/questions";
import { QUESTION_SHOWS as shows, onFormFields, questionFields } from "@/lib/teacher/question-fields";
import { formToQuestion, type QuestionFormValues } from "@/lib/teacher/question-form";
import { createQuestion, duplicateBuiltIn, getOwnQuestion, setQuestionRetired, updateQuestion } from "@/lib/teacher/questions";

const returnTo = "/teacher/questions";
const NOT_YOURS = "That question does not exist, or it is not one of yours.";

export const createQuestionAction = formAction({
  access: "teacher",
  returnTo,
  shows,
  input: z.object(questionFields),
  async run({ user, input }) {
    const { candidate, errors } = formToQuestion(input as QuestionFormValues, "t-new");
    if (!candidate || Object.keys(errors).length > 0)
      throw new DomainError("invalid_input", "The question needs a few changes before it can be saved.", errors);
    const { id: questionId } = await createQuestion(user.id, candidate).catch((error: unknown) => onFormFields(input.type, error));
    revalidatePath("/teacher/questions");
    redirect(`/teacher/questions/${questionId}?saved=1`);
  },
});

export const updateQuestionAction = formAction({
  access: "teacher",
  returnTo,
  invalid: NOT_YOURS,
  shows,
  input: z.object({ questionId: id(), ...questionFields }),
  async run({ user, input, values }) {
    const existing = await getOwnQuestion(user.id, input.questionId);
    if (!existing) throw new DomainError("not_found", NOT_YOURS);
    // The type of a saved question never changes: past answers were given to that type.
    const form = { ...(input as QuestionFormValues), type: existing.question.type };
    const { candidate, errors } = formToQuestion(form, input.questionId, existing.question);
    if (!candidate || Object.keys(errors).length > 0)
      throw new DomainError("invalid_input", "The question needs a few changes before it can be saved.", errors);
    await updateQuestion(user.id, input.questionId, candidate).catch((error: unknown) => onFormFields(form.type, error));
    revalidatePath("/teacher/questions");
    revalidatePath(`/teacher/questions/${input.questionId}`);
    return saved("Saved.", { values: { ...values, type: form.type } });
  },
});

export const setQuestionRetiredAction = formAction({
  access: "teacher",
  returnTo,
  input: z.object({ questionId: id(), retired: hidden(z.enum(["true", "false"])) }),
  async run({ user, input }) {
    const retired = input.retired === "true";
    await setQuestionRetired(user.id, input.questionId, retired);
    revalidatePath("/teacher/questions");
    revalidatePath(`/teacher/questions/${input.questionId}`);
    return saved(retired ? "Retired: it is no longer offered for new assignments." : "Back in use.");
  },
});

export const duplicateQuestionAction = formAction({
  access: "teacher",
  returnTo,
  invalid: "That question does not exist.",
  input: z.object({ questionId: id() }),
  async run({ user, input }) {
    const { id: copyId } = await duplicateBuiltIn(user.id, input.questionId);
    revalidatePath("/teacher/questions");
    redirect(`/teacher/questions/${copyId}?copied=1`);
  },
});

/** Base64 makes the file a third larger; a little room besides. */
const MAX_QUESTION_FILE_FIELD = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 16;

export type ImportState = { report: ImportReport };

/** A GIFT or Moodle XML file into the teacher's own questions, with a report per question (decision 0046). */
export const importQuestionsAction = formAction<"teacher", z.ZodObject<{ fileData: z.ZodType<string>; fileName: z.ZodType<string> }>, ImportState>({
  access: "teacher",
  returnTo,
  // The file travels as base64 in a hidden field (forms here carry strings); its messages go beside the file input.
  shows: ["file"],
  input: z.object({ fileData: hidden(z.string().max(MAX_QUESTION_FILE_FIELD)), fileName: hidden(z.string().max(300)) }),
  async run({ user, input }) {
    if (input.fileData === "") throw fieldError("file", "Choose a GIFT (.txt, .gift) or Moodle XML (.xml) file.");
    const bytes = new Uint8Array(Buffer.from(input.fileData, "base64"));
    const report = await importQuestionsFile(user.id, input.fileName, bytes).catch((error: unknown) => {
      if (error instanceof DomainError && Object.keys(error.fields).length === 0) throw fieldError("file", error.message);
      throw error;
    });
    revalidatePath("/teacher/questions");
    const brought = report.imported.length;
    const left = report.refused.length;
    return {
      ...saved(
        `${brought} question${brought === 1 ? "" : "s"} brought in from the ${FORMAT_NAMES[report.format]} file${left > 0 ? `; ${left} not brought in (see why below)` : ""}.`,
      ),
      report,
    };
  },
});
