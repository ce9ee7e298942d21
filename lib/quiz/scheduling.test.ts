import { Rating, State } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import {
  cardFromRecord,
  cardToRecord,
  isDue,
  newCard,
  pickDueForReview,
  ratingFor,
  recallProbability,
  scheduleAfterAnswer,
  type ReviewCard,
  type ReviewCardRecord,
} from "./scheduling";

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const now = new Date("2026-03-02T09:00:00Z");
const later = (ms: number, from: Date = now) => new Date(from.getTime() + ms);

/** Answers right at each due time, starting from a fresh card answered at `now`. */
function reviewedRight(times: number): ReviewCard {
  let card = scheduleAfterAnswer(newCard(now), true, now);
  for (let i = 1; i < times; i++) card = scheduleAfterAnswer(card, true, card.due);
  return card;
}

describe("ratingFor", () => {
  it("maps right to Good and wrong to Again", () => {
    expect(ratingFor(true)).toBe(Rating.Good);
    expect(ratingFor(false)).toBe(Rating.Again);
    expect(ratingFor(1)).toBe(Rating.Good);
    expect(ratingFor(0)).toBe(Rating.Again);
  });
  it("maps mostly-right partial credit to Hard and the rest to Again", () => {
    expect(ratingFor(0.5)).toBe(Rating.Hard);
    expect(ratingFor(0.83)).toBe(Rating.Hard);
    expect(ratingFor(0.49)).toBe(Rating.Again);
  });
  it("rejects scores outside 0..1", () => {
    expect(() => ratingFor(1.2)).toThrow(RangeError);
    expect(() => ratingFor(-0.1)).toThrow(RangeError);
    expect(() => ratingFor(Number.NaN)).toThrow(RangeError);
  });
});

describe("newCard", () => {
  it("is new, unreviewed and due at once", () => {
    const card = newCard(now);
    expect(card).toMatchObject({ state: State.New, reps: 0, lapses: 0, stability: 0, difficulty: 0 });
    expect(card.due).toEqual(now);
    expect(card.last_review).toBeUndefined();
    expect(isDue(card, now)).toBe(true);
  });
});

describe("scheduleAfterAnswer", () => {
  it("brings a wrong answer back within minutes (learning step)", () => {
    const card = scheduleAfterAnswer(newCard(now), false, now);
    expect(card.state).toBe(State.Learning);
    expect(card.due).toEqual(later(1 * MINUTE));
    expect(card.last_review).toEqual(now);
    expect(card.reps).toBe(1);
  });

  it("waits longer after a right answer than after a partial one, and longer still than after a wrong one", () => {
    const wrong = scheduleAfterAnswer(newCard(now), false, now);
    const partial = scheduleAfterAnswer(newCard(now), 0.75, now);
    const right = scheduleAfterAnswer(newCard(now), true, now);
    expect(wrong.due.getTime()).toBeLessThan(partial.due.getTime());
    expect(partial.due.getTime()).toBeLessThan(right.due.getTime());
    expect(right.due).toEqual(later(10 * MINUTE));
  });

  it("spaces right answers further and further apart, in days", () => {
    const card = reviewedRight(4);
    expect(card.state).toBe(State.Review);
    expect(card.scheduled_days).toBeGreaterThanOrEqual(2);
    const next = scheduleAfterAnswer(card, true, card.due);
    expect(next.scheduled_days).toBeGreaterThan(card.scheduled_days);
  });

  it("counts a lapse and relearns after a mistake on a learned card", () => {
    const card = reviewedRight(4);
    const lapsed = scheduleAfterAnswer(card, false, card.due);
    expect(lapsed.state).toBe(State.Relearning);
    expect(lapsed.lapses).toBe(1);
    expect(lapsed.stability).toBeLessThan(card.stability);
    expect(lapsed.due.getTime() - card.due.getTime()).toBeLessThan(DAY);
  });

  it("is deterministic (no fuzz) and leaves the input card alone", () => {
    const card = reviewedRight(3);
    const copy = structuredClone(card);
    const a = scheduleAfterAnswer(card, true, card.due);
    const b = scheduleAfterAnswer(card, true, card.due);
    expect(a).toEqual(b);
    expect(card).toEqual(copy);
  });

  it("caps intervals at about a year", () => {
    let card = reviewedRight(3);
    for (let i = 0; i < 30; i++) card = scheduleAfterAnswer(card, true, card.due);
    // ts-fsrs keeps Good at least a day past Hard after capping both, so Good can reach 366.
    expect(card.scheduled_days).toBeGreaterThan(300);
    expect(card.scheduled_days).toBeLessThanOrEqual(366);
  });

  it("rejects an answer dated before the card's last review", () => {
    const card = scheduleAfterAnswer(newCard(now), true, now);
    expect(() => scheduleAfterAnswer(card, true, later(-MINUTE))).toThrow(/earlier than the card's last review/);
  });
});

describe("isDue", () => {
  const card = { due: now };
  it("is due at and after the due time", () => {
    expect(isDue(card, now)).toBe(true);
    expect(isDue(card, later(DAY))).toBe(true);
  });
  it("is not due before it", () => expect(isDue(card, later(-1))).toBe(false));
});

describe("recallProbability", () => {
  it("is a number in 0..1 that falls as time passes", () => {
    const card = reviewedRight(3);
    const atDue = recallProbability(card, card.due);
    const muchLater = recallProbability(card, later(60 * DAY, card.due));
    expect(typeof atDue).toBe("number");
    expect(atDue).toBeGreaterThan(0);
    expect(atDue).toBeLessThanOrEqual(1);
    expect(muchLater).toBeLessThan(atDue);
  });
});

describe("cardToRecord and cardFromRecord", () => {
  it("store a reviewed card in the ReviewCard columns and restore it exactly", () => {
    const card = reviewedRight(3);
    const record = cardToRecord(card);
    expect(record).toEqual({
      due: card.due,
      stability: card.stability,
      difficulty: card.difficulty,
      elapsedDays: card.elapsed_days,
      scheduledDays: card.scheduled_days,
      learningSteps: card.learning_steps,
      reps: card.reps,
      lapses: card.lapses,
      state: State.Review,
      lastReview: card.last_review,
    });
    expect(record.due).toBeInstanceOf(Date);
    expect(cardFromRecord(record)).toEqual(card);
  });

  it("store a new card's missing last review as null and restore it as absent", () => {
    const record = cardToRecord(newCard(now));
    expect(record.lastReview).toBeNull();
    expect(cardFromRecord(record)).toEqual(newCard(now));
    expect("last_review" in cardFromRecord(record)).toBe(false);
  });

  it("schedule the same from a restored card as from the original", () => {
    const card = reviewedRight(2);
    const restored = cardFromRecord(cardToRecord(card));
    expect(scheduleAfterAnswer(restored, true, card.due)).toEqual(scheduleAfterAnswer(card, true, card.due));
  });

  it("do not share Date objects between card and record", () => {
    const card = reviewedRight(1);
    const record = cardToRecord(card);
    record.due.setTime(0);
    expect(card.due.getTime()).not.toBe(0);
  });

  it("reject a stored state that is not a ts-fsrs State", () => {
    const record: ReviewCardRecord = { ...cardToRecord(newCard(now)), state: 7 };
    expect(() => cardFromRecord(record)).toThrow(RangeError);
  });
});

describe("pickDueForReview", () => {
  const cards = [
    { questionId: "due-yesterday", due: later(-DAY) },
    { questionId: "due-next-week", due: later(7 * DAY) },
    { questionId: "due-last-week", due: later(-7 * DAY) },
    { questionId: "due-now", due: now },
    { questionId: "due-an-hour-ago", due: later(-60 * MINUTE) },
  ];

  it("returns due cards, most overdue first", () => {
    expect(pickDueForReview(cards, now, 10).map((c) => c.questionId)).toEqual(["due-last-week", "due-yesterday", "due-an-hour-ago", "due-now"]);
  });
  it("stops at the limit", () => {
    expect(pickDueForReview(cards, now, 2).map((c) => c.questionId)).toEqual(["due-last-week", "due-yesterday"]);
    expect(pickDueForReview(cards, now, 0)).toEqual([]);
  });
  it("returns nothing when nothing is due", () => expect(pickDueForReview(cards, later(-30 * DAY), 5)).toEqual([]));
  it("does not reorder its input", () => {
    const before = cards.map((c) => c.questionId);
    pickDueForReview(cards, now, 10);
    expect(cards.map((c) => c.questionId)).toEqual(before);
  });
  it("works on real cards", () => {
    const wrong = scheduleAfterAnswer(newCard(now), false, now);
    const right = reviewedRight(3);
    expect(pickDueForReview([right, wrong], later(5 * MINUTE), 10)).toEqual([wrong]);
  });
  it("rejects a negative or fractional limit", () => {
    expect(() => pickDueForReview(cards, now, -1)).toThrow(RangeError);
    expect(() => pickDueForReview(cards, now, 1.5)).toThrow(RangeError);
  });
});
