// "Review my mistakes": every question a learner has missed has an FSRS card, replayed from their
// answers (lib/quiz/scheduling.ts); the review quiz asks the cards that are due, most overdue first.
// Nothing here writes: answering a question is the only write the schedule needs (decision 0017).
// A question the reveal rule holds (decision 0032) waits outside the queue until its answers are shown.
import { db } from "@/lib/db";
import { heldQuestionIdsFor } from "./reveal-rule";
import { pickDueForReview, reviewCardsFromAnswers } from "./scheduling";

/**
 * The learner's cards for questions still in use (a retired question is never asked again), each
 * with its question id and due time. One indexed read of their answers, however many they gave,
 * beside the reveal rule's reads. Retired, held and "source changed" questions are dropped here rather than in the query: a filter on Question there would
 * make SQLite walk the question table (tests/integration/query-plans.test.ts).
 */
async function activeReviewCards(userId: string, now: Date): Promise<{ questionId: string; due: Date }[]> {
  const [answers, held] = await Promise.all([findAnswers(userId), heldQuestionIdsFor(userId, now)]);
  // A question whose source sentences changed waits too, until its teacher confirms or fixes it (decision 0040).
  const left = new Set(
    answers.filter((a) => a.question.retiredAt !== null || a.question.sourceChangedAt !== null || held.has(a.questionId)).map((a) => a.questionId),
  );
  return [...reviewCardsFromAnswers(answers)].filter(([questionId]) => !left.has(questionId)).map(([questionId, card]) => ({ questionId, due: card.due }));
}

function findAnswers(userId: string) {
  return db.attemptAnswer.findMany({
    where: { attempt: { userId } },
    select: { questionId: true, correct: true, score: true, answeredAt: true, question: { select: { retiredAt: true, sourceChangedAt: true } } },
    // The replay keeps this order for answers given at the same instant, so it must be fixed.
    orderBy: [{ answeredAt: "asc" }, { attemptId: "asc" }],
  });
}

/** The question ids due for review now, most overdue first. */
export async function dueQuestionIds(userId: string, now: Date, limit: number): Promise<string[]> {
  return pickDueForReview(await activeReviewCards(userId, now), now, limit).map((card) => card.questionId);
}

/** How many questions wait for review now and in total, for the dashboard. */
export async function reviewQueueSize(userId: string, now: Date): Promise<{ due: number; total: number }> {
  const cards = await activeReviewCards(userId, now);
  return { due: cards.filter((card) => card.due.getTime() <= now.getTime()).length, total: cards.length };
}
