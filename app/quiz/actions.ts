"use server";
// The web quiz, declared once (lib/actions/define.ts); it uses the same domain functions as the
// JSON API (lib/quiz/attempts.ts).
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { formAction, jsonAction } from "@/lib/actions/define";
import { hidden, id, text } from "@/lib/actions/fields";
import { answerQuestion, finishAttempt, startOrResumeAttempt, startRetryOfMissed } from "@/lib/quiz/attempts";
import { afterFinish } from "@/lib/lti/outbox";
import { linksForQuestions } from "@/lib/quiz/links";
import { QuizKindSchema } from "@/lib/quiz/schema";

const returnTo = "/quiz";
const NO_ATTEMPT = "That quiz attempt does not exist.";

export const startQuizAction = formAction({
  access: "user",
  returnTo,
  invalid: "That quiz does not exist.",
  input: z.object({
    kind: hidden(QuizKindSchema),
    scopeId: hidden(text(100).transform((value) => value || null)),
  }),
  async run({ user, input }) {
    const { id: attemptId } = await startOrResumeAttempt(user.id, input);
    redirect(`/quiz/attempt/${attemptId}`);
  },
});

export const answerAction = jsonAction({
  access: "user",
  returnTo,
  invalid: "That question does not exist.",
  // The response's shape depends on the question; answerQuestion checks it against the question.
  input: z.object({ attemptId: z.string().max(100), questionId: z.string().max(100), response: z.unknown() }),
  async run({ user, input }) {
    const outcome = await answerQuestion(user.id, input.attemptId, input.questionId, input.response);
    const ids = "paragraphIds" in outcome.item.question ? outcome.item.question.paragraphIds : [];
    const links = await linksForQuestions([{ id: input.questionId, paragraphIds: ids }]);
    return { outcome, links: links[input.questionId] ?? [] };
  },
});

/** Finishes the attempt; the page then re-renders as the results (score, answers, mastery change). */
export const finishQuizAction = jsonAction({
  access: "user",
  returnTo,
  invalid: NO_ATTEMPT,
  input: z.object({ attemptId: z.string().max(100) }),
  async run({ user, input }) {
    const { score } = await finishAttempt(user.id, input.attemptId);
    // A quiz opened from a course sends its score there (LTI, decision 0051), after the answer.
    after(() => afterFinish(input.attemptId));
    revalidatePath("/dashboard");
    revalidatePath(`/quiz/attempt/${input.attemptId}`);
    return { score };
  },
});

/** "Retry the ones I missed": a new practice attempt over a finished practice attempt's misses. */
export const retryMissedAction = formAction({
  access: "user",
  returnTo,
  invalid: NO_ATTEMPT,
  input: z.object({ attemptId: id() }),
  async run({ user, input }) {
    const { id: attemptId } = await startRetryOfMissed(user.id, input.attemptId);
    redirect(`/quiz/attempt/${attemptId}`);
  },
});
