import { describe, expect, it } from "vitest";
import { getQuestionBank } from "./bank";
import { grade } from "./grading";
import {
  disguiseQuestion,
  optionToken,
  questionSeed,
  responseFromTokens,
  responseToTokens,
  toPublicQuestion,
  toRevealedQuestion,
  type PublicQuestion,
} from "./public";
import {
  ClassifySchema,
  CLASSIFY_CHOICES,
  MatchSchema,
  MultipleSelectSchema,
  OrderSchema,
  SingleChoiceSchema,
  TrueFalseSchema,
  type Question,
  type QuestionResponse,
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
const SECRET = "test-secret-test-secret-test-secret-0123";
const seeds = Array.from({ length: 200 }, (_, i) => questionSeed(SECRET, `attempt-${i}`, "q"));

const SECRET_KEYS = ["answer", "explanation", "wrongExplanations", "paragraphIds", "phaseIds", "eventIds", "contextNoteIds", "correct"];

function keysDeep(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysDeep);
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, inner]) => [key, ...keysDeep(inner)]);
  }
  return [];
}

const ids = (options: readonly { id: string }[]) => options.map((option) => option.id);

/** A view's option ids, translated back to authored ids (the tests know the seed). */
function authoredIds(question: Question, seed: string, list: "options" | "items" | "left" | "right", viewIds: string[]): string[] {
  const options =
    list === "options" && "options" in question
      ? question.options
      : list === "items" && "items" in question
        ? question.items
        : list === "left" && "left" in question
          ? question.left
          : list === "right" && "right" in question
            ? question.right
            : [];
  const byToken = new Map(options.map((o) => [optionToken(seed, list, o.id), o.id]));
  return viewIds.map((id) => byToken.get(id) ?? `unknown:${id}`);
}

describe("questionSeed", () => {
  it("is stable, differs per attempt, question and secret, and does not contain either id", () => {
    const seed = questionSeed(SECRET, "att-1", "q-1");
    expect(questionSeed(SECRET, "att-1", "q-1")).toBe(seed);
    expect(questionSeed(SECRET, "att-2", "q-1")).not.toBe(seed);
    expect(questionSeed(SECRET, "att-1", "q-2")).not.toBe(seed);
    expect(questionSeed(`${SECRET}x`, "att-1", "q-1")).not.toBe(seed);
    expect(seed).not.toContain("att-1");
    expect(seed).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });
});

describe("option tokens", () => {
  const optionIds = (view: PublicQuestion): string[] =>
    view.type === "single" || view.type === "multiple"
      ? ids(view.options)
      : view.type === "order"
        ? ids(view.items)
        : view.type === "match"
          ? [...ids(view.left), ...ids(view.right)]
          : [];

  it("replaces every authored id with an opaque token of 16 base64url characters", () => {
    for (const question of [single, multiple, order, match]) {
      const view = toPublicQuestion(question, seeds[0]!);
      const json = JSON.stringify(view);
      for (const id of ["slovenia", "moscow", "crawford", "genoa", "nine-eleven", "iraq", "lavrov", "y2001", "y2003", "y2004"])
        expect(json, question.type).not.toContain(`"${id}"`);
      for (const token of optionIds(view)) expect(token).toMatch(/^[A-Za-z0-9_-]{16}$/);
    }
  });

  it("differ per attempt and stay the same for one attempt", () => {
    const first = toPublicQuestion(single, questionSeed(SECRET, "att-1", single.id));
    const again = toPublicQuestion(single, questionSeed(SECRET, "att-1", single.id));
    const other = toPublicQuestion(single, questionSeed(SECRET, "att-2", single.id));
    expect(again).toEqual(first);
    const otherTokens = new Set(optionIds(other));
    for (const token of optionIds(first)) expect(otherTokens.has(token)).toBe(false);
  });

  it("keep a match question's columns apart, even where a left and a right id are the same", () => {
    const seed = seeds[0]!;
    expect(optionToken(seed, "left", "a")).not.toBe(optionToken(seed, "right", "a"));
  });

  it("carry no order: the key's token is the smallest of its question's about as often as any other option's", () => {
    // Four options, so a fair token is the smallest in about a quarter of the attempts.
    let keySmallest = 0;
    for (const seed of seeds) {
      const view = toPublicQuestion(single, seed);
      if (view.type !== "single") throw new Error("expected a single-choice view");
      const smallest = [...ids(view.options)].sort()[0];
      if (smallest === optionToken(seed, "options", single.answer)) keySmallest++;
    }
    expect(keySmallest / seeds.length).toBeGreaterThan(0.15);
    expect(keySmallest / seeds.length).toBeLessThan(0.35);
  });

  it("do not sort in the authored order", () => {
    let authoredOrder = 0;
    for (const seed of seeds) {
      const view = toPublicQuestion(order, seed);
      if (view.type !== "order") throw new Error("expected an order view");
      if (authoredIds(order, seed, "items", [...ids(view.items)].sort()).join() === order.answer.join()) authoredOrder++;
    }
    // One in 3! by chance.
    expect(authoredOrder / seeds.length).toBeLessThan(0.3);
  });

  it("translate a response both ways, for every type", () => {
    const responses: [Question, QuestionResponse][] = [
      [single, { type: "single", choice: "moscow" }],
      [multiple, { type: "multiple", choices: ["slovenia", "iraq"] }],
      [trueFalse, { type: "true-false", value: false }],
      [order, { type: "order", order: ["iraq", "slovenia", "nine-eleven"] }],
      [match, { type: "match", pairs: { slovenia: "y2003", iraq: "y2001" } }],
      [classify, { type: "classify", label: "opinion" }],
    ];
    for (const [question, authored] of responses) {
      const seed = seeds[3]!;
      const tokens = responseToTokens(question, seed, authored);
      if (question.type !== "true-false" && question.type !== "classify") expect(tokens, question.type).not.toEqual(authored);
      expect(responseFromTokens(question, seed, tokens), question.type).toEqual(authored);
      // Grading in tokens scores exactly as grading the authored answer.
      expect(grade(disguiseQuestion(question, seed), tokens).score, question.type).toBe(grade(question, authored).score);
    }
  });

  it("reject a token that is not one of the question's, or one of another attempt", () => {
    const seed = seeds[0]!;
    expect(responseFromTokens(single, seed, { type: "single", choice: "slovenia" })).toBeNull();
    expect(responseFromTokens(single, seed, { type: "single", choice: optionToken(seeds[1]!, "options", "slovenia") })).toBeNull();
    expect(responseFromTokens(multiple, seed, { type: "multiple", choices: [optionToken(seed, "options", "iraq"), "nope"] })).toBeNull();
    expect(responseFromTokens(order, seed, { type: "order", order: ["constructor"] })).toBeNull();
    // A right token as a left key is not accepted: the columns are separate lists.
    expect(
      responseFromTokens(match, seed, { type: "match", pairs: { [optionToken(seed, "right", "y2001")]: optionToken(seed, "right", "y2001") } }),
    ).toBeNull();
    // Another type is passed through for grading to reject.
    expect(responseFromTokens(single, seed, { type: "true-false", value: true })).toEqual({ type: "true-false", value: true });
  });

  it("name the key, the wrong explanations and the feedback in the tokens the learner saw", () => {
    const seed = seeds[5]!;
    const view = toRevealedQuestion(single, seed);
    if (view.type !== "single") throw new Error("expected a single-choice view");
    expect(view.answer).toBe(optionToken(seed, "options", "slovenia"));
    expect(ids(view.options)).toContain(view.answer);
    expect(view.wrongExplanations).toEqual({ [optionToken(seed, "options", "moscow")]: WRONG_EXPLANATION });
    const matched = toRevealedQuestion(match, seed);
    if (matched.type !== "match") throw new Error("expected a match view");
    for (const [left, right] of Object.entries(matched.answer)) {
      expect(ids(matched.left)).toContain(left);
      expect(ids(matched.right)).toContain(right);
    }
    const feedback = grade(disguiseQuestion(single, seed), { type: "single", choice: optionToken(seed, "options", "moscow") }).feedback;
    expect(feedback.correctAnswer).toMatchObject({ optionId: view.answer });
    expect(Object.keys(feedback.perOption ?? {}).every((id) => ids(view.options).includes(id))).toBe(true);
  });
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
      const seed = questionSeed(SECRET, "attempt-1", question.id);
      const view = toPublicQuestion(question, seed);
      const json = JSON.stringify(view);
      for (const secret of SECRET_KEYS) expect(keysDeep(JSON.parse(json)), question.id).not.toContain(secret);
      expect(json, question.id).not.toContain(question.explanation);
      if (view.type === "order" && question.type === "order")
        expect(authoredIds(question, seed, "items", ids(view.items)), question.id).not.toEqual(question.answer);
      const authored =
        "options" in question ? question.options : "items" in question ? question.items : "left" in question ? [...question.left, ...question.right] : [];
      // As an id: an option whose id is also its text ("quagmire") is shown by its text, of course.
      for (const option of authored) expect(json, question.id).not.toContain(`"id":"${option.id}"`);
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
      const shown = authoredIds(single, seed, "options", ids(view.options));
      expect([...shown].sort()).toEqual([...ids(single.options)].sort());
      expect(view.options.map((o) => o.text).sort()).toEqual(single.options.map((o) => o.text).sort());
      orders.add(shown.join());
    }
    expect(orders.size).toBe(24); // every order of 4 options turns up across 200 seeds
  });

  it("never presents order items in the answer order, but uses every other order", () => {
    const orders = new Set<string>();
    for (const seed of seeds) {
      const view = toPublicQuestion(order, seed);
      if (view.type !== "order") throw new Error("expected an order view");
      const shown = authoredIds(order, seed, "items", ids(view.items));
      expect(shown).not.toEqual(order.answer);
      expect([...shown].sort()).toEqual([...order.answer].sort());
      orders.add(shown.join());
    }
    expect(orders.size).toBe(5); // 3! − the answer
  });

  it("never lines a match question's columns up with the key, and shuffles them independently", () => {
    let sameShape = 0;
    for (const seed of seeds) {
      const view = toPublicQuestion(match, seed);
      if (view.type !== "match") throw new Error("expected a match view");
      const left = authoredIds(match, seed, "left", ids(view.left));
      const right = authoredIds(match, seed, "right", ids(view.right));
      const lined = left.every((id, i) => match.answer[id] === right[i]);
      expect(lined).toBe(false);
      expect([...right].sort()).toEqual(ids(match.right));
      const leftPositions = left.map((id) => ids(match.left).indexOf(id));
      const rightPositions = right.map((id) => ids(match.right).indexOf(id));
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
  it("never sends a question's waivers, glossary tags or enemies to the browser, before or after answering", () => {
    const WAIVER = "SECRET-WAIVER: the key is long because the detail is the point.";
    const reviewed = SingleChoiceSchema.parse({ ...single, waivers: { "longest-key": WAIVER }, glossaryTermIds: ["sochi"], notWith: ["q-gives-it-away"] });
    for (const view of [toPublicQuestion(reviewed, "attempt-1:q"), toRevealedQuestion(reviewed), toRevealedQuestion(reviewed, "attempt-1:q")]) {
      const json = JSON.stringify(view);
      expect(json).not.toContain(WAIVER);
      expect(keysDeep(JSON.parse(json))).not.toContain("waivers");
      expect(keysDeep(JSON.parse(json))).not.toContain("glossaryTermIds");
      expect(json).not.toContain("q-gives-it-away");
    }
  });
});
