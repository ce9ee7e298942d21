import { describe, expect, it } from "vitest";
import { getQuestionBank } from "./bank";
import {
  grade,
  gradeClassify,
  gradeMatch,
  gradeMultiple,
  gradeOrder,
  gradeSingle,
  gradeTrueFalse,
  InvalidResponseError,
  longestIncreasingRun,
  pairwiseOrderAgreement,
  type InvalidResponseReason,
} from "./grading";
import {
  ClassifySchema,
  MatchSchema,
  MultipleSelectSchema,
  OrderSchema,
  SingleChoiceSchema,
  TrueFalseSchema,
  type Question,
  type QuestionResponse,
} from "./schema";

// Parsed through the bank's own schemas, so the fixtures cannot drift from what the bank allows.
const common = {
  difficulty: 1,
  explanation: "Because the article says so.",
  paragraphIds: ["eye-p03"],
  phaseIds: ["phase-rapport"],
  eventIds: ["slovenia-summit"],
} as const;

const single = SingleChoiceSchema.parse({
  ...common,
  id: "q-single",
  type: "single",
  prompt: "Where did Bush and Putin first meet?",
  options: [
    { id: "ljubljana", text: "Ljubljana" },
    { id: "moscow", text: "Moscow" },
    { id: "crawford", text: "Crawford" },
  ],
  answer: "ljubljana",
});

const multiple = MultipleSelectSchema.parse({
  ...common,
  id: "q-multiple",
  type: "multiple",
  prompt: "Which of these happened in 2001?",
  options: [
    { id: "slovenia", text: "Slovenia summit" },
    { id: "nine-eleven", text: "9/11" },
    { id: "afghanistan", text: "War in Afghanistan" },
    { id: "iraq", text: "Invasion of Iraq" },
    { id: "lavrov", text: "Lavrov becomes foreign minister" },
  ],
  answer: ["slovenia", "nine-eleven", "afghanistan"],
});

const trueFalse = TrueFalseSchema.parse({
  ...common,
  id: "q-true-false",
  type: "true-false",
  prompt: "Putin called Bush after 9/11.",
  answer: true,
});

const order = OrderSchema.parse({
  ...common,
  id: "q-order",
  type: "order",
  prompt: "Put these in order, earliest first.",
  items: [
    { id: "a", text: "Slovenia summit" },
    { id: "b", text: "9/11" },
    { id: "c", text: "Invasion of Iraq" },
    { id: "d", text: "Lavrov appointed" },
  ],
  answer: ["a", "b", "c", "d"],
});

const match = MatchSchema.parse({
  ...common,
  id: "q-match",
  type: "match",
  prompt: "Match each event to its year.",
  left: [
    { id: "slovenia", text: "Slovenia summit" },
    { id: "nine-eleven", text: "9/11" },
    { id: "iraq", text: "Invasion of Iraq" },
    { id: "lavrov", text: "Lavrov appointed" },
  ],
  right: [
    { id: "y2001", text: "2001" },
    { id: "y2003", text: "2003" },
    { id: "y2004", text: "2004" },
    { id: "y2008", text: "2008" },
  ],
  // Two left items share a year: a right item may be the answer more than once.
  answer: { slovenia: "y2001", "nine-eleven": "y2001", iraq: "y2003", lavrov: "y2004" },
});

const classify = ClassifySchema.parse({
  ...common,
  id: "q-classify",
  type: "classify",
  prompt: "What kind of statement is this?",
  statement: "Bush’s first impression of Putin was overconfident, even naive.",
  answer: "opinion",
});

function expectInvalid(run: () => unknown, reason: InvalidResponseReason, message?: RegExp) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidResponseError);
    if (error instanceof InvalidResponseError) {
      expect(error.reason).toBe(reason);
      expect(error.name).toBe("InvalidResponseError");
      if (message) expect(error.message).toMatch(message);
    }
    return;
  }
  expect.fail(`expected InvalidResponseError (${reason})`);
}

describe("gradeSingle", () => {
  it("scores the keyed option 1", () => {
    expect(gradeSingle(single, { type: "single", choice: "ljubljana" })).toEqual({
      correct: true,
      score: 1,
      feedback: {
        correctAnswer: { type: "single", optionId: "ljubljana", text: "Ljubljana" },
        perOption: { ljubljana: "correct" },
      },
    });
  });
  it("scores another option 0 and marks the chosen and the missed option", () => {
    const result = gradeSingle(single, { type: "single", choice: "moscow" });
    expect(result.correct).toBe(false);
    expect(result.score).toBe(0);
    expect(result.feedback.perOption).toEqual({ ljubljana: "missed", moscow: "wrong" });
  });
  it("rejects an option the question does not have", () => {
    expectInvalid(() => gradeSingle(single, { type: "single", choice: "paris" }), "unknown-id", /“paris”/);
  });
});

describe("gradeMultiple", () => {
  const pick = (...choices: string[]) => gradeMultiple(multiple, { type: "multiple", choices });

  it("gives full credit for exactly the key, in any order", () => {
    const result = pick("afghanistan", "slovenia", "nine-eleven");
    expect(result).toMatchObject({ correct: true, score: 1 });
    expect(result.feedback.correctAnswer).toEqual({
      type: "multiple",
      optionIds: ["slovenia", "nine-eleven", "afghanistan"],
      text: "Slovenia summit; 9/11; War in Afghanistan",
    });
  });
  it("gives a share for some right picks", () => {
    const result = pick("slovenia", "nine-eleven");
    expect(result.correct).toBe(false);
    expect(result.score).toBeCloseTo(2 / 3);
    expect(result.feedback.perOption).toEqual({ slovenia: "correct", "nine-eleven": "correct", afghanistan: "missed" });
  });
  it("subtracts a wrong pick from the right ones", () => {
    const result = pick("slovenia", "nine-eleven", "afghanistan", "iraq");
    expect(result.correct).toBe(false);
    expect(result.score).toBeCloseTo(2 / 3);
    expect(result.feedback.perOption?.iraq).toBe("wrong");
  });
  it("never goes below 0", () => {
    expect(pick("slovenia", "iraq", "lavrov").score).toBe(0);
    expect(pick("iraq").score).toBe(0);
  });
  it("gives a blanket answer (every box ticked) little credit", () => {
    // 3 right − 2 wrong, over 3.
    expect(pick("slovenia", "nine-eleven", "afghanistan", "iraq", "lavrov").score).toBeCloseTo(1 / 3);
  });
  it("rejects an empty selection, duplicates and unknown ids", () => {
    expectInvalid(() => pick(), "empty");
    expectInvalid(() => pick("slovenia", "slovenia"), "duplicate", /“slovenia”/);
    expectInvalid(() => pick("slovenia", "moon-landing"), "unknown-id", /“moon-landing”/);
  });
});

describe("gradeTrueFalse", () => {
  it("scores the right value 1 and the other 0", () => {
    expect(gradeTrueFalse(trueFalse, { type: "true-false", value: true })).toEqual({
      correct: true,
      score: 1,
      feedback: { correctAnswer: { type: "true-false", value: true, text: "True" } },
    });
    expect(gradeTrueFalse(trueFalse, { type: "true-false", value: false })).toMatchObject({ correct: false, score: 0 });
  });
  it("describes a false key as False", () => {
    const falseKey = { ...trueFalse, answer: false };
    expect(gradeTrueFalse(falseKey, { type: "true-false", value: false }).feedback.correctAnswer.text).toBe("False");
  });
});

describe("gradeOrder", () => {
  const place = (...ids: string[]) => gradeOrder(order, { type: "order", order: ids });

  it("gives full credit for the key order", () => {
    const result = place("a", "b", "c", "d");
    expect(result).toMatchObject({ correct: true, score: 1 });
    expect(result.feedback.correctAnswer).toEqual({
      type: "order",
      itemIds: ["a", "b", "c", "d"],
      text: "Slovenia summit → 9/11 → Invasion of Iraq → Lavrov appointed",
    });
    expect(result.feedback.perOption).toEqual({ a: "correct", b: "correct", c: "correct", d: "correct" });
  });
  it("scores the reversed order 0", () => {
    expect(place("d", "c", "b", "a").score).toBe(0);
  });
  it("gives half credit when the first item is moved to the end", () => {
    // Positional scoring would give 0 here; only the 3 pairs involving "a" are wrong.
    const result = place("b", "c", "d", "a");
    expect(result.score).toBeCloseTo(3 / 6);
    expect(result.feedback.perOption).toEqual({ a: "wrong", b: "correct", c: "correct", d: "correct" });
  });
  it("scores one swap of neighbours 5 of 6 pairs", () => {
    const result = place("a", "c", "b", "d");
    expect(result.score).toBeCloseTo(5 / 6);
    expect(result.correct).toBe(false);
    // One of the two swapped items has to move; the earlier run is kept.
    expect(result.feedback.perOption).toEqual({ a: "correct", b: "wrong", c: "correct", d: "correct" });
  });
  it("rejects repeats, unknown ids and missing items", () => {
    expectInvalid(() => place("a", "a", "b", "c"), "duplicate", /“a”/);
    expectInvalid(() => place("a", "b", "c", "z"), "unknown-id", /“z”/);
    expectInvalid(() => place("a", "b", "c"), "incomplete", /“d”/);
    expectInvalid(() => place(), "incomplete");
  });
});

describe("pairwiseOrderAgreement", () => {
  it("is 1 for ascending and 0 for descending ranks", () => {
    expect(pairwiseOrderAgreement([0, 1, 2, 3, 4])).toBe(1);
    expect(pairwiseOrderAgreement([4, 3, 2, 1, 0])).toBe(0);
  });
  it("counts concordant pairs", () => expect(pairwiseOrderAgreement([1, 0, 2])).toBeCloseTo(2 / 3));
  it("treats fewer than two items as in order", () => {
    expect(pairwiseOrderAgreement([])).toBe(1);
    expect(pairwiseOrderAgreement([0])).toBe(1);
  });
});

describe("longestIncreasingRun", () => {
  it("finds the items already in relative order", () => {
    expect(longestIncreasingRun([1, 2, 3, 0])).toEqual([0, 1, 2]);
    expect(longestIncreasingRun([3, 0, 1, 2])).toEqual([1, 2, 3]);
  });
  it("keeps the earliest run on ties", () => expect(longestIncreasingRun([1, 0])).toEqual([0]));
  it("handles empty input", () => expect(longestIncreasingRun([])).toEqual([]));
});

describe("gradeMatch", () => {
  const pair = (pairs: Record<string, string>) => gradeMatch(match, { type: "match", pairs });
  const key = { slovenia: "y2001", "nine-eleven": "y2001", iraq: "y2003", lavrov: "y2004" };

  it("gives full credit for every pair right, reusing a right item as the key does", () => {
    const result = pair(key);
    expect(result).toMatchObject({ correct: true, score: 1 });
    expect(result.feedback.correctAnswer).toEqual({
      type: "match",
      pairs: [
        { leftId: "slovenia", rightId: "y2001" },
        { leftId: "nine-eleven", rightId: "y2001" },
        { leftId: "iraq", rightId: "y2003" },
        { leftId: "lavrov", rightId: "y2004" },
      ],
      text: "Slovenia summit: 2001; 9/11: 2001; Invasion of Iraq: 2003; Lavrov appointed: 2004",
    });
  });
  it("gives the share of right pairs", () => {
    const result = pair({ ...key, iraq: "y2008", lavrov: "y2003" });
    expect(result.score).toBe(0.5);
    expect(result.feedback.perOption).toEqual({ slovenia: "correct", "nine-eleven": "correct", iraq: "wrong", lavrov: "wrong" });
  });
  it("counts an unmatched left item as missed", () => {
    const result = pair({ slovenia: "y2001", iraq: "y2003", lavrov: "y2004" });
    expect(result.score).toBe(0.75);
    expect(result.feedback.perOption?.["nine-eleven"]).toBe("missed");
  });
  it("rejects no pairs and unknown left or right ids", () => {
    expectInvalid(() => pair({}), "empty");
    expectInvalid(() => pair({ ...key, yalta: "y2001" }), "unknown-id", /left item.*“yalta”/);
    expectInvalid(() => pair({ ...key, iraq: "y1999" }), "unknown-id", /right item.*“y1999”/);
  });
  it("does not read keys from Object.prototype", () => {
    expectInvalid(() => pair({ constructor: "y2001" }), "unknown-id", /“constructor”/);
  });
});

describe("gradeClassify", () => {
  it("scores the right label 1, with the label's name as the answer text", () => {
    expect(gradeClassify(classify, { type: "classify", label: "opinion" })).toEqual({
      correct: true,
      score: 1,
      feedback: { correctAnswer: { type: "classify", label: "opinion", text: "Author’s opinion" } },
    });
  });
  it("scores another label 0", () => {
    expect(gradeClassify(classify, { type: "classify", label: "reported-fact" })).toMatchObject({ correct: false, score: 0 });
  });
  it("rejects labels that are not a classify choice", () => {
    expectInvalid(() => gradeClassify(classify, { type: "classify", label: "editorial-note" }), "unknown-id");
    expectInvalid(() => gradeClassify(classify, { type: "classify", label: "rumour" }), "unknown-id", /“rumour”/);
  });
});

describe("grade", () => {
  const cases: [Parameters<typeof grade>[0], QuestionResponse][] = [
    [single, { type: "single", choice: "ljubljana" }],
    [multiple, { type: "multiple", choices: ["slovenia", "nine-eleven", "afghanistan"] }],
    [trueFalse, { type: "true-false", value: true }],
    [order, { type: "order", order: ["a", "b", "c", "d"] }],
    [match, { type: "match", pairs: { slovenia: "y2001", "nine-eleven": "y2001", iraq: "y2003", lavrov: "y2004" } }],
    [classify, { type: "classify", label: "opinion" }],
  ];

  it.each(cases)("dispatches %# by question type", (question, response) => {
    expect(grade(question, response)).toMatchObject({ correct: true, score: 1 });
  });

  it("rejects a response of another type, naming both types and the question", () => {
    expectInvalid(() => grade(single, { type: "multiple", choices: ["ljubljana"] }), "wrong-type", /q-single.*“single”.*“multiple”/);
    expectInvalid(() => grade(trueFalse, { type: "classify", label: "opinion" }), "wrong-type");
  });

  it("keeps every order score within 0..1, with 1 only for the key", () => {
    for (const permutation of permutations(["a", "b", "c", "d"])) {
      const { score, correct } = grade(order, { type: "order", order: permutation });
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
      expect(correct).toBe(permutation.join("") === "abcd");
    }
  });

  it("keeps every multiple-select score within 0..1, with 1 only for the key", () => {
    const ids = multiple.options.map((option) => option.id);
    for (let mask = 1; mask < 2 ** ids.length; mask++) {
      const choices = ids.filter((_, i) => mask & (1 << i));
      const { score, correct } = grade(multiple, { type: "multiple", choices });
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
      expect(correct).toBe(choices.join() === "slovenia,nine-eleven,afghanistan");
    }
  });
});

describe("the real question bank", () => {
  it("grades every question's own key as correct", () => {
    for (const question of getQuestionBank()) {
      expect(grade(question, keyResponse(question)), question.id).toMatchObject({ correct: true, score: 1 });
    }
  });
});

function keyResponse(question: Question): QuestionResponse {
  switch (question.type) {
    case "single":
      return { type: "single", choice: question.answer };
    case "multiple":
      return { type: "multiple", choices: question.answer };
    case "true-false":
      return { type: "true-false", value: question.answer };
    case "order":
      return { type: "order", order: question.answer };
    case "match":
      return { type: "match", pairs: question.answer };
    case "classify":
      return { type: "classify", label: question.answer };
  }
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}
