// Spaced repetition for "Review my mistakes", with FSRS (ts-fsrs). Each learner has one card per
// question they have missed, and the card is never stored: it is replayed from the learner's
// answers (reviewCardsFromAnswers), so the answers are the only record and an answer is one write
// (decision 0017).
//
// Flow: a learner's first miss of a question gives it a card (newCard, then scheduleAfterAnswer
// with the outcome). Every later answer to that question — in a quiz or in a review — goes
// through scheduleAfterAnswer again. The review page asks pickDueForReview for what is due.
import { createEmptyCard, fsrs, Rating, type Card, type Grade } from "ts-fsrs";

export type ReviewCard = Card;

/** One recorded answer, as much of it as the schedule needs. */
export type GradedAnswer = { questionId: string; correct: boolean; score: number; answeredAt: Date };

/**
 * A score at or above this (but below 1) is a pass with effort (Hard); below it, a lapse (Again).
 * Hard is a successful recall in FSRS, so only mostly-right answers should earn it.
 */
export const HARD_SCORE_THRESHOLD = 0.5;

// Fuzz is off so a schedule is reproducible (and testable); with a few dozen questions per
// learner there is no pile-up of same-day reviews for fuzz to spread. About a year is the
// longest interval worth having for a course (FSRS's default is a hundred years); ts-fsrs may
// exceed the cap by a day, as it keeps Good at least a day beyond Hard.
const scheduler = fsrs({ request_retention: 0.9, maximum_interval: 365, enable_fuzz: false });

/** A card that has never been reviewed, due at once. */
export function newCard(now: Date): ReviewCard {
  return createEmptyCard(now);
}

/**
 * The FSRS rating for an answer: a boolean for right/wrong, or a grade() score for partial credit
 * (1 → Good, from HARD_SCORE_THRESHOLD → Hard, below → Again). Easy is never given: a quiz
 * answer says whether the learner recalled, not how effortlessly.
 */
export function ratingFor(outcome: boolean | number): Grade {
  const score = typeof outcome === "boolean" ? Number(outcome) : outcome;
  if (Number.isNaN(score) || score < 0 || score > 1) throw new RangeError(`A score must be between 0 and 1, not ${score}.`);
  if (score === 1) return Rating.Good;
  return score >= HARD_SCORE_THRESHOLD ? Rating.Hard : Rating.Again;
}

/**
 * The card after the learner answered its question at `now`. Answers must be applied in time
 * order: one dated before the card's last review throws a RangeError (ts-fsrs would otherwise
 * fail with a less helpful "Invalid delta_t").
 */
export function scheduleAfterAnswer(card: ReviewCard, outcome: boolean | number, now: Date): ReviewCard {
  if (card.last_review && now.getTime() < card.last_review.getTime()) {
    throw new RangeError(`An answer at ${now.toISOString()} is earlier than the card's last review (${card.last_review.toISOString()}).`);
  }
  return scheduler.next(card, now, ratingFor(outcome)).card;
}

export function isDue(card: Pick<ReviewCard, "due">, now: Date): boolean {
  return card.due.getTime() <= now.getTime();
}

/** Probability (0..1) that the learner would answer right at `now`, for display. */
export function recallProbability(card: ReviewCard, now: Date): number {
  // get_retrievability returns a formatted percentage string unless told not to.
  return scheduler.get_retrievability(card, now, false);
}

/**
 * The due cards, most overdue (earliest due) first, at most `limit`. Generic so the caller can
 * pass cards or records carrying their question id.
 */
export function pickDueForReview<T extends { due: Date }>(cards: readonly T[], now: Date, limit: number): T[] {
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`The limit must be a whole number of at least 0, not ${limit}.`);
  return cards
    .filter((card) => isDue(card, now))
    .sort((a, b) => a.due.getTime() - b.due.getTime())
    .slice(0, limit);
}

/**
 * Every card of one learner, by question id: their answers replayed in the order they were given.
 * A question gets its card at its first miss (answers right before that leave no card), and every
 * answer from then on moves it, rated by its score (partial credit counts, see ratingFor).
 * Answers given at the same instant keep the order they are passed in.
 */
export function reviewCardsFromAnswers(answers: readonly GradedAnswer[]): Map<string, ReviewCard> {
  const cards = new Map<string, ReviewCard>();
  const inOrder = [...answers].sort((a, b) => a.answeredAt.getTime() - b.answeredAt.getTime());
  for (const answer of inOrder) {
    const card = cards.get(answer.questionId);
    if (!card && answer.correct) continue;
    cards.set(answer.questionId, scheduleAfterAnswer(card ?? newCard(answer.answeredAt), answer.score, answer.answeredAt));
  }
  return cards;
}
