import { Rating, State } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import {
  isDue,
  newCard,
  pickDueForReview,
  ratingFor,
  recallProbability,
  reviewCardsFromAnswers,
  scheduleAfterAnswer,
  type GradedAnswer,
  type ReviewCard,
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

describe("reviewCardsFromAnswers", () => {
  const answer = (questionId: string, score: number, at: Date): GradedAnswer => ({ questionId, correct: score === 1, score, answeredAt: at });

  it("gives a question its card at the first miss, scheduled exactly as that miss would be", () => {
    const cards = reviewCardsFromAnswers([answer("q1", 0, now)]);
    expect([...cards.keys()]).toEqual(["q1"]);
    expect(cards.get("q1")).toEqual(scheduleAfterAnswer(newCard(now), false, now));
  });

  it("gives no card for questions only ever answered right, and ignores right answers before the first miss", () => {
    const miss = later(DAY);
    const cards = reviewCardsFromAnswers([answer("right", 1, now), answer("q1", 1, now), answer("q1", 0, miss)]);
    expect([...cards.keys()]).toEqual(["q1"]);
    expect(cards.get("q1")).toEqual(scheduleAfterAnswer(newCard(miss), false, miss));
  });

  it("moves the card with every later answer, right or wrong, in the order they were given", () => {
    const first = scheduleAfterAnswer(newCard(now), false, now);
    const second = scheduleAfterAnswer(first, true, first.due);
    const third = scheduleAfterAnswer(second, false, second.due);
    // Handed over out of order (as several attempts' answers come back): replayed by time.
    const cards = reviewCardsFromAnswers([answer("q1", 0, second.due), answer("q1", 0, now), answer("q1", 1, first.due)]);
    expect(cards.get("q1")).toEqual(third);
  });

  it("rates partial credit by its score, so a mostly-right answer waits longer than a wrong one", () => {
    const [partial, wrong] = [reviewCardsFromAnswers([answer("q", 0.75, now)]).get("q"), reviewCardsFromAnswers([answer("q", 0, now)]).get("q")];
    expect(partial?.due.getTime()).toBeGreaterThan(wrong?.due.getTime() ?? Infinity);
    expect(partial).toEqual(scheduleAfterAnswer(newCard(now), 0.75, now));
  });

  it("keeps each question's card apart", () => {
    const cards = reviewCardsFromAnswers([answer("a", 0, now), answer("b", 0, later(DAY)), answer("a", 1, later(2 * DAY))]);
    expect(cards.get("b")).toEqual(scheduleAfterAnswer(newCard(later(DAY)), false, later(DAY)));
    expect(cards.get("a")?.reps).toBe(2);
  });

  it("replays answers given at the same instant in the order they are passed", () => {
    const rightThenWrong = reviewCardsFromAnswers([answer("q", 1, now), answer("q", 0, now)]).get("q");
    const wrongThenRight = reviewCardsFromAnswers([answer("q", 0, now), answer("q", 1, now)]).get("q");
    expect(rightThenWrong).toEqual(scheduleAfterAnswer(newCard(now), false, now));
    expect(wrongThenRight).toEqual(scheduleAfterAnswer(scheduleAfterAnswer(newCard(now), false, now), true, now));
  });

  it("leaves its input alone and returns nothing for no answers", () => {
    const answers = [answer("q", 0, later(DAY)), answer("q", 0, now)];
    reviewCardsFromAnswers(answers);
    expect(answers.map((a) => a.answeredAt)).toEqual([later(DAY), now]);
    expect(reviewCardsFromAnswers([]).size).toBe(0);
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
