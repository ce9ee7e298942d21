// "Review my mistakes": every answered question keeps an FSRS card per learner once it has been
// missed; the review quiz asks the cards that are due, most overdue first.
import { db } from "@/lib/db";
import { cardFromRecord, cardToRecord, newCard, pickDueForReview, scheduleAfterAnswer, type ReviewCardRecord } from "./scheduling";

/**
 * The learner's card for a question after an answer, or null when nothing changes. A miss creates
 * the card (the question enters the review queue); a correct answer only moves an existing card.
 * Computed before the write, so the write itself is one short batch (SQLite has one writer: an
 * interactive transaction would hold the lock across awaits and make every other answer wait).
 */
export async function nextReviewCard(userId: string, questionId: string, outcome: boolean | number, now: Date): Promise<ReviewCardRecord | null> {
  const existing = await db.reviewCard.findUnique({ where: { userId_questionId: { userId, questionId } } });
  const correct = outcome === true || outcome === 1;
  if (!existing && correct) return null;
  // A clock that went backwards (or a replayed request) must not corrupt the schedule.
  if (existing?.lastReview && existing.lastReview.getTime() > now.getTime()) return null;
  const card = existing ? cardFromRecord(existing) : newCard(now);
  return cardToRecord(scheduleAfterAnswer(card, outcome, now));
}

/** The write for a new card state, to run in the same batch as the answer. */
export function saveReviewCard(userId: string, questionId: string, card: ReviewCardRecord) {
  return db.reviewCard.upsert({ where: { userId_questionId: { userId, questionId } }, create: { userId, questionId, ...card }, update: card });
}

/** The question ids due for review now, most overdue first. */
export async function dueQuestionIds(userId: string, now: Date, limit: number): Promise<string[]> {
  const cards = await db.reviewCard.findMany({
    where: { userId, due: { lte: now }, question: { retiredAt: null } },
    select: { questionId: true, due: true },
  });
  return pickDueForReview(cards, now, limit).map((card) => card.questionId);
}

/** How many questions wait for review now and in total, for the dashboard. */
export async function reviewQueueSize(userId: string, now: Date): Promise<{ due: number; total: number }> {
  const [due, total] = await Promise.all([
    db.reviewCard.count({ where: { userId, due: { lte: now } } }),
    db.reviewCard.count({ where: { userId } }),
  ]);
  return { due, total };
}
