"use server";
// The web quiz uses the same domain functions as the JSON API (lib/quiz/attempts.ts).
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/guards";
import { answerQuestion, finishAttempt, startOrResumeAttempt, startRetryOfMissed, type AnswerOutcome } from "@/lib/quiz/attempts";
import { QuizError } from "@/lib/quiz/errors";
import { paragraphLinks, type ParagraphLink } from "@/lib/quiz/links";
import { text } from "@/lib/form";

const startSchema = z.object({
  kind: z.enum(["LESSON", "PHASE", "MIXED", "REVIEW"]),
  scopeId: z.string().max(100).transform((value) => value || null),
});

export type StartState = { message?: string };

export async function startQuizAction(_: StartState, form: FormData): Promise<StartState> {
  const user = await requireUser("/quiz");
  const parsed = startSchema.safeParse({ kind: text(form, "kind"), scopeId: text(form, "scopeId") });
  if (!parsed.success) return { message: "That quiz does not exist." };
  let attemptId: string;
  try {
    attemptId = (await startOrResumeAttempt(user.id, parsed.data)).id;
  } catch (error) {
    if (error instanceof QuizError) return { message: error.message };
    throw error;
  }
  redirect(`/quiz/attempt/${attemptId}`);
}

export type AnswerState = { ok: true; outcome: AnswerOutcome; links: ParagraphLink[] } | { ok: false; message: string };

export async function answerAction(input: { attemptId: string; questionId: string; response: unknown }): Promise<AnswerState> {
  const user = await requireUser("/quiz");
  const parsed = z.object({ attemptId: z.string().max(100), questionId: z.string().max(100) }).safeParse(input);
  if (!parsed.success) return { ok: false, message: "That question does not exist." };
  try {
    const outcome = await answerQuestion(user.id, parsed.data.attemptId, parsed.data.questionId, input.response);
    const ids = "paragraphIds" in outcome.item.question ? outcome.item.question.paragraphIds : [];
    return { ok: true, outcome, links: paragraphLinks(ids) };
  } catch (error) {
    if (error instanceof QuizError) return { ok: false, message: error.message };
    throw error;
  }
}

export type FinishState = { ok: true; score: number } | { ok: false; message: string };

/** Finishes the attempt; the page then re-renders as the results (score, answers, mastery change). */
export async function finishQuizAction(attemptId: string): Promise<FinishState> {
  const user = await requireUser("/quiz");
  if (typeof attemptId !== "string" || attemptId.length > 100) return { ok: false, message: "That quiz attempt does not exist." };
  try {
    const { score } = await finishAttempt(user.id, attemptId);
    revalidatePath("/dashboard");
    revalidatePath(`/quiz/attempt/${attemptId}`);
    return { ok: true, score };
  } catch (error) {
    if (error instanceof QuizError) return { ok: false, message: error.message };
    throw error;
  }
}

const retrySchema = z.object({ attemptId: z.string().min(1).max(100) });

/** "Retry the ones I missed": a new practice attempt over a finished practice attempt's misses. */
export async function retryMissedAction(_: StartState, form: FormData): Promise<StartState> {
  const user = await requireUser("/quiz");
  const parsed = retrySchema.safeParse({ attemptId: text(form, "attemptId") });
  if (!parsed.success) return { message: "That quiz attempt does not exist." };
  let attemptId: string;
  try {
    attemptId = (await startRetryOfMissed(user.id, parsed.data.attemptId)).id;
  } catch (error) {
    if (error instanceof QuizError) return { message: error.message };
    throw error;
  }
  redirect(`/quiz/attempt/${attemptId}`);
}
