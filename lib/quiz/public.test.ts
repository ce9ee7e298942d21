import { describe, expect, it } from "vitest";
import { getQuestionBank } from "./bank";
import { questionSeed, toPublicQuestion, toRevealedQuestion } from "./public";
import {
  ClassifySchema,
  CLASSIFY_CHOICES,
  MatchSchema,
  MultipleSelectSchema,
  OrderSchema,
  SingleChoiceSchema,
  TrueFalseSchema,
  type Question,
} from "./schema";

// Distinctive strings, so a leak is easy to spot in serialised output.
const EXPLANATION = "SECRET-EXPLANATION: the summit was at Brdo Castle near Kranj.";
const WRONG_EXPLANATION = "SECRET-WRONG: Moscow hosted a later meeting.";

const common = {
  difficulty: 2,
  explanation: EXPLANATION,
  paragraphIds: ["eye-p03", "eye-p04"],
  phaseIds: ["phase-rapport"],
  eventIds: ["slovenia-summit"],
  contextNoteIds: ["note-brdo"],
};

const single = SingleChoiceSchema.parse({
  ...common,
  type: "single",
  id: "q-single",
  prompt: "Where did Bush and Putin first meet?",
  options: [
    { id: "slovenia", text: "Slovenia" },
    { id: "moscow", text: "Moscow" },
    { id: "crawford", text: "Crawford" },
    { id: "genoa", text: "Genoa" },
  ],
  answer: "slovenia",
  wrongExplanations: { moscow: WRONG_EXPLANATION },
});

const multiple = MultipleSelectSchema.parse({
  ...common,
  type: "multiple",
  id: "q-multiple",
  prompt: "Which happened in 2001?",
  options: [
    { id: "slovenia", text: "Slovenia summit" },
    { id: "nine-eleven", text: "9/11" },
    { id: "iraq", text: "Invasion of Iraq" },
    { id: "lavrov", text: "Lavrov appointed" },
  ],
  answer: ["slovenia", "nine-eleven"],
  wrongExplanations: { iraq: WRONG_EXPLANATION },
});

const trueFalse = TrueFalseSchema.parse({
  ...common,
  type: "true-false",
  id: "q-true-false",
  prompt: "Putin called Bush after 9/11.",
  answer: true,
});

// Authored in answer order, as a teacher naturally would.
const order = OrderSchema.parse({
  ...common,
  type: "order",
  id: "q-order",
  prompt: "Earliest first.",
  items: [
    { id: "slovenia", text: "Slovenia summit" },
    { id: "nine-eleven", text: "9/11" },
    { id: "iraq", text: "Invasion of Iraq" },
  ],
  answer: ["slovenia", "nine-eleven", "iraq"],
});

// Both columns authored in key order and of equal length: the worst case for leaking.
const match = MatchSchema.parse({
  ...common,
  type: "match",
  id: "q-match",
  prompt: "Match each event to its year.",
  left: [
    { id: "slovenia", text: "Slovenia summit" },
    { id: "iraq", text: "Invasion of Iraq" },
    { id: "lavrov", text: "Lavrov appointed" },
  ],
  right: [
    { id: "y2001", text: "2001" },
    { id: "y2003", text: "2003" },
    { id: "y2004", text: "2004" },
  ],
  answer: { slovenia: "y2001", iraq: "y2003", lavrov: "y2004" },
});

const classify = ClassifySchema.parse({
  ...common,
  type: "classify",
  id: "q-classify",
  prompt: "What kind of statement is this?",
  statement: "Bush’s first impression of Putin was overconfident, even naive.",
  answer: "opinion",
});

const allQuestions: Question[] = [single, multiple, trueFalse, order, match, classify];
const seeds = Array.from({ length: 200 }, (_, i) => questionSeed(`attempt-${i}`, "q"));

const SECRET_KEYS = ["answer", "explanation", "wrongExplanations", "paragraphIds", "phaseIds", "eventIds", "contextNoteIds", "correct"];

function keysDeep(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysDeep);
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, inner]) => [key, ...keysDeep(inner)]);
  }
  return [];
}

const ids = (options: readonly { id: string }[]) => options.map((option) => option.id);

describe("questionSeed", () => {
  it("combines attempt and question", () => expect(questionSeed("att-1", "q-1")).toBe("att-1:q-1"));
});

describe("toPublicQuestion", () => {
  it.each(allQuestions.map((q) => [q.type, q] as const))("shows no answer data for %s", (_, question) => {
    const json = JSON.stringify(toPublicQuestion(question, "attempt-1:q"));
    const keys = keysDeep(JSON.parse(json));
    for (const secret of SECRET_KEYS) expect(keys).not.toContain(secret);
    expect(json).not.toContain(EXPLANATION);
    expect(json).not.toContain(WRONG_EXPLANATION);
    expect(json).not.toContain("eye-p03");
    expect(json).not.toContain("note-brdo");
    expect(json).not.toContain("phase-rapport");
  });

  it("shows no answer data for any question in the real bank, nor an order item list in key order", () => {
    for (const question of getQuestionBank()) {
      const view = toPublicQuestion(question, questionSeed("attempt-1", question.id));
      const json = JSON.stringify(view);
      for (const secret of SECRET_KEYS) expect(keysDeep(JSON.parse(json)), question.id).not.toContain(secret);
      expect(json, question.id).not.toContain(question.explanation);
      if (view.type === "order" && question.type === "order") expect(ids(view.items), question.id).not.toEqual(question.answer);
    }
  });

  it("has exactly the fields the browser needs, per type", () => {
    const seed = "attempt-1:q";
    expect(Object.keys(toPublicQuestion(single, seed)).sort()).toEqual(["difficulty", "id", "options", "prompt", "type"]);
    expect(Object.keys(toPublicQuestion(multiple, seed)).sort()).toEqual(["difficulty", "id", "options", "prompt", "type"]);
    expect(toPublicQuestion(trueFalse, seed)).toEqual({
      id: "q-true-false",
      type: "true-false",
      prompt: "Putin called Bush after 9/11.",
      difficulty: 2,
    });
    expect(Object.keys(toPublicQuestion(order, seed)).sort()).toEqual(["difficulty", "id", "items", "prompt", "type"]);
    expect(Object.keys(toPublicQuestion(match, seed)).sort()).toEqual(["difficulty", "id", "left", "prompt", "right", "type"]);
    expect(toPublicQuestion(classify, seed)).toEqual({
      id: "q-classify",
      type: "classify",
      prompt: "What kind of statement is this?",
      difficulty: 2,
      statement: "Bush’s first impression of Putin was overconfident, even naive.",
      choices: [...CLASSIFY_CHOICES],
    });
  });

  it("looks the same whatever the key, for types whose layout does not depend on it", () => {
    const rekeyed: [Question, Question][] = [
      [single, { ...single, answer: "genoa", explanation: "Another reason." }],
      [multiple, { ...multiple, answer: ["iraq"], wrongExplanations: {} }],
      [trueFalse, { ...trueFalse, answer: false }],
      [classify, { ...classify, answer: "reported-fact" }],
    ];
    for (const [original, question] of rekeyed) {
      for (const seed of seeds.slice(0, 20)) {
        expect(toPublicQuestion(question, seed)).toEqual(toPublicQuestion(original, seed));
      }
    }
  });

  it("orders options deterministically per seed", () => {
    expect(toPublicQuestion(single, "attempt-7:q-single")).toEqual(toPublicQuestion(single, "attempt-7:q-single"));
  });

  it("orders options differently across seeds, always as a permutation", () => {
    const orders = new Set<string>();
    for (const seed of seeds) {
      const view = toPublicQuestion(single, seed);
      if (view.type !== "single") throw new Error("expected a single-choice view");
      expect([...ids(view.options)].sort()).toEqual([...ids(single.options)].sort());
      expect(view.options).toEqual(expect.arrayContaining(single.options));
      orders.add(ids(view.options).join());
    }
    expect(orders.size).toBe(24); // every order of 4 options turns up across 200 seeds
  });

  it("never presents order items in the answer order, but uses every other order", () => {
    const orders = new Set<string>();
    for (const seed of seeds) {
      const view = toPublicQuestion(order, seed);
      if (view.type !== "order") throw new Error("expected an order view");
      expect(ids(view.items)).not.toEqual(order.answer);
      expect([...ids(view.items)].sort()).toEqual([...order.answer].sort());
      orders.add(ids(view.items).join());
    }
    expect(orders.size).toBe(5); // 3! − the answer
  });

  it("never lines a match question's columns up with the key, and shuffles them independently", () => {
    let sameShape = 0;
    for (const seed of seeds) {
      const view = toPublicQuestion(match, seed);
      if (view.type !== "match") throw new Error("expected a match view");
      const lined = view.left.every((item, i) => match.answer[item.id] === view.right[i]?.id);
      expect(lined).toBe(false);
      expect([...ids(view.right)].sort()).toEqual(ids(match.right));
      const leftPositions = ids(view.left).map((id) => ids(match.left).indexOf(id));
      const rightPositions = ids(view.right).map((id) => ids(match.right).indexOf(id));
      if (leftPositions.join() === rightPositions.join()) sameShape++;
    }
    expect(sameShape).toBe(0);
  });

  it("does not share arrays or option objects with the bank", () => {
    const view = toPublicQuestion(single, "attempt-1:q");
    if (view.type !== "single") throw new Error("expected a single-choice view");
    for (const option of view.options) option.text = "changed";
    expect(single.options.map((o) => o.text)).not.toContain("changed");
  });
});

describe("toRevealedQuestion", () => {
  it("adds the key, explanations, paragraphs and context notes", () => {
    expect(toRevealedQuestion(single)).toEqual({
      id: "q-single",
      type: "single",
      prompt: "Where did Bush and Putin first meet?",
      difficulty: 2,
      options: single.options,
      answer: "slovenia",
      explanation: EXPLANATION,
      wrongExplanations: { moscow: WRONG_EXPLANATION },
      paragraphIds: ["eye-p03", "eye-p04"],
      contextNoteIds: ["note-brdo"],
    });
  });

  it("gives every type its own kind of answer and empty wrongExplanations where there are no options", () => {
    expect(toRevealedQuestion(multiple).answer).toEqual(["slovenia", "nine-eleven"]);
    expect(toRevealedQuestion(trueFalse)).toMatchObject({ answer: true, wrongExplanations: {} });
    expect(toRevealedQuestion(order).answer).toEqual(["slovenia", "nine-eleven", "iraq"]);
    expect(toRevealedQuestion(match).answer).toEqual({ slovenia: "y2001", iraq: "y2003", lavrov: "y2004" });
    expect(toRevealedQuestion(classify)).toMatchObject({ answer: "opinion", wrongExplanations: {}, choices: [...CLASSIFY_CHOICES] });
  });

  it("keeps the public layout when given the same seed", () => {
    for (const question of allQuestions) {
      for (const seed of seeds.slice(0, 10)) {
        expect(toRevealedQuestion(question, seed)).toMatchObject(toPublicQuestion(question, seed));
      }
    }
  });

  it("uses the bank's order without a seed", () => {
    const view = toRevealedQuestion(order);
    if (view.type !== "order") throw new Error("expected an order view");
    expect(ids(view.items)).toEqual(ids(order.items));
  });

  it("does not share the key's arrays with the bank", () => {
    const view = toRevealedQuestion(multiple);
    if (view.type !== "multiple") throw new Error("expected a multiple view");
    view.answer.push("iraq");
    view.paragraphIds.push("elsewhere");
    expect(multiple.answer).toEqual(["slovenia", "nine-eleven"]);
    expect(multiple.paragraphIds).toEqual(["eye-p03", "eye-p04"]);
  });
});

describe("reviewer-only fields", () => {
  it("never sends a question's waivers or glossary tags to the browser, before or after answering", () => {
    const WAIVER = "SECRET-WAIVER: the key is long because the detail is the point.";
    const reviewed = SingleChoiceSchema.parse({ ...single, waivers: { "longest-key": WAIVER }, glossaryTermIds: ["sochi"] });
    for (const view of [toPublicQuestion(reviewed, "attempt-1:q"), toRevealedQuestion(reviewed), toRevealedQuestion(reviewed, "attempt-1:q")]) {
      const json = JSON.stringify(view);
      expect(json).not.toContain(WAIVER);
      expect(keysDeep(JSON.parse(json))).not.toContain("waivers");
      expect(keysDeep(JSON.parse(json))).not.toContain("glossaryTermIds");
    }
  });
});
