"use server";
// Writing, editing, confirming and retiring an imported article's questions, each declared once
// (lib/actions/define.ts). The domain (lib/articles/questions.ts) checks that the caller owns the
// article (requireEditable) before it reads or writes anything.
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/define";
import { hidden, id, many } from "@/lib/actions/fields";
import { saved } from "@/lib/actions/form-state";
import {
  confirmSources,
  createArticleQuestion,
  getArticleQuestion,
  MAX_SOURCE_SENTENCES,
  setArticleQuestionRetired,
  updateArticleQuestion,
} from "@/lib/articles/questions";
import { DomainError } from "@/lib/errors";
import { QUESTION_SHOWS as shows, onFormFields, questionFields } from "@/lib/teacher/question-fields";
import { formToQuestion, type QuestionFormValues } from "@/lib/teacher/question-form";

const returnTo = "/teacher";
const NEEDS_CHANGES = "The question needs a few changes before it can be saved.";
const listPath = (articleId: string) => `/teacher/articles/${articleId}/questions`;

const articleQuestionFields = { articleId: id(), sentenceIds: many(MAX_SOURCE_SENTENCES * 2), ...questionFields };

function candidateOf(input: QuestionFormValues & { sentenceIds: string[] }, questionId: string, previous?: Parameters<typeof formToQuestion>[2]) {
  const { candidate, errors } = formToQuestion(input, questionId, previous);
  if (!candidate || Object.keys(errors).length > 0) throw new DomainError("invalid_input", NEEDS_CHANGES, errors);
  return { ...candidate, sentenceIds: input.sentenceIds };
}

export const createArticleQuestionAction = formAction({
  access: "teacher",
  returnTo,
  shows,
  input: z.object(articleQuestionFields),
  async run({ user, input }) {
    const candidate = candidateOf(input as QuestionFormValues & { sentenceIds: string[] }, "t-new");
    await createArticleQuestion(user, input.articleId, candidate).catch((error: unknown) => onFormFields(input.type, error));
    revalidatePath(listPath(input.articleId));
    redirect(`${listPath(input.articleId)}?saved=1`);
  },
});

export const updateArticleQuestionAction = formAction({
  access: "teacher",
  returnTo,
  shows,
  input: z.object({ questionId: id(), ...articleQuestionFields }),
  async run({ user, input, values }) {
    const existing = await getArticleQuestion(user, input.articleId, input.questionId);
    // The type of a saved question never changes: past answers were given to that type.
    const form = { ...(input as QuestionFormValues & { sentenceIds: string[] }), type: existing.question.type };
    const candidate = candidateOf(form, input.questionId, existing.question);
    await updateArticleQuestion(user, input.articleId, input.questionId, candidate).catch((error: unknown) => onFormFields(form.type, error));
    revalidatePath(listPath(input.articleId));
    revalidatePath(`${listPath(input.articleId)}/${input.questionId}`);
    return saved("Saved.", { values: { ...values, type: form.type } });
  },
});

export const confirmSourcesAction = formAction({
  access: "teacher",
  returnTo,
  input: z.object({ articleId: id(), questionId: id() }),
  async run({ user, input }) {
    await confirmSources(user, input.articleId, input.questionId);
    revalidatePath(listPath(input.articleId));
    return saved("Confirmed: the question is back in new quizzes, with the sentences as they read now.");
  },
});

export const setArticleQuestionRetiredAction = formAction({
  access: "teacher",
  returnTo,
  input: z.object({ articleId: id(), questionId: id(), retired: hidden(z.enum(["true", "false"])) }),
  async run({ user, input }) {
    const retired = input.retired === "true";
    await setArticleQuestionRetired(user, input.articleId, input.questionId, retired);
    revalidatePath(listPath(input.articleId));
    return saved(retired ? "Retired: it is no longer offered for new quizzes." : "Back in use.");
  },
});
