// "Review my mistakes": every answered question keeps an FSRS card per learner once it has been
// missed; the review quiz asks the cards that are due, most overdue first.
import { db, type Prisma } from "@/lib/db";
import { cardFromRecord, cardToRecord, newCard, pickDueForReview, scheduleAfterAnswer } from "./scheduling";

type Tx = Prisma.TransactionClient;

/**
 * Updates the learner's card for a question after an answer. A miss creates the card (the
 * question enters the review queue); a correct answer only moves an existing card along.
 */
export async function recordReview(tx: Tx, userId: string, questionId: string, outcome: boolean | number, now: Date): Promise<void> {
  const key = { userId_questionId: { userId, questionId } };
  const existing = await tx.reviewCard.findUnique({ where: key });
  const correct = outcome === true || outcome === 1;
  if (!existing && correct) return;
  const card = existing ? cardFromRecord(existing) : newCard(now);
  // A clock that went backwards (or a replayed request) must not corrupt the schedule.
  if (existing?.lastReview && existing.lastReview.getTime() > now.getTime()) return;
  const next = cardToRecord(scheduleAfterAnswer(card, outcome, now));
  await tx.reviewCard.upsert({ where: key, create: { userId, questionId, ...next }, update: next });
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
