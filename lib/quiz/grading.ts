// Grading: compares a learner's response with a question's answer key. Pure: the server calls it
// with a question from the bank and a response that has already passed ResponseSchema.
//
// A response that does not fit the question (another type, unknown ids, an order with repeats
// or gaps…) throws InvalidResponseError instead of being graded as wrong: such a response is a
// bug or a tampered request, and recording it as a mistake would put noise into the learner's
// mastery and review queue.
//
// Scores run from 0 to 1 and `correct` means a score of exactly 1. Partial credit:
// - multiple: max(0, (right picks − wrong picks) / number of right options), so ticking every
//   box scores nothing and a guess costs as much as a right pick earns;
// - order: the share of item pairs the learner put in the right relative order (normalised
//   Kendall tau distance, see gradeOrder);
// - match: the share of left items matched to their right item;
// - single, true-false, classify: 0 or 1.
import { LABELS } from "@/lib/content/labels";
import { CLASSIFY_CHOICES, type Option, type Question, type QuestionOf, type QuestionResponse, type QuestionType } from "./schema";

export type ResponseOf<T extends QuestionType> = Extract<QuestionResponse, { type: T }>;
export type ClassifyChoice = (typeof CLASSIFY_CHOICES)[number];

/**
 * How one option (single, multiple), item (order) or left item (match) fared:
 * - "correct": chosen and right / in the right place relative to the others / matched right;
 * - "wrong": chosen but wrong / needs to move / matched to the wrong item;
 * - "missed": a right option the learner did not choose / a left item left unmatched.
 */
export type OptionVerdict = "correct" | "wrong" | "missed";

/** The answer key, structured for the UI and with a plain-text rendering (`text`). */
export type CorrectAnswer =
  | { type: "single"; optionId: string; text: string }
  | { type: "multiple"; optionIds: string[]; text: string }
  | { type: "true-false"; value: boolean; text: string }
  | { type: "order"; itemIds: string[]; text: string }
  | { type: "match"; pairs: { leftId: string; rightId: string }[]; text: string }
  | { type: "classify"; label: ClassifyChoice; text: string };

export type GradeFeedback = {
  correctAnswer: CorrectAnswer;
  /** By option / item / left id, in the question's authored order. Absent for true-false and classify. */
  perOption?: Record<string, OptionVerdict>;
};

export type GradeResult = {
  /** True only for a perfect answer (score 1). */
  correct: boolean;
  /** 0..1, with partial credit for multiple, order and match. */
  score: number;
  feedback: GradeFeedback;
};

export type InvalidResponseReason = "wrong-type" | "unknown-id" | "duplicate" | "incomplete" | "empty";

/** The response does not fit the question; the caller should reject the request (400), not record it. */
export class InvalidResponseError extends Error {
  override name = "InvalidResponseError";
  constructor(
    readonly questionId: string,
    readonly reason: InvalidResponseReason,
    message: string,
  ) {
    super(`Question “${questionId}”: ${message}`);
  }
}

/** Grades any question; throws InvalidResponseError when the response is of another type or malformed. */
export function grade(question: Question, response: QuestionResponse): GradeResult {
  switch (question.type) {
    case "single":
      return gradeSingle(question, responseFor(question, response));
    case "multiple":
      return gradeMultiple(question, responseFor(question, response));
    case "true-false":
      return gradeTrueFalse(question, responseFor(question, response));
    case "order":
      return gradeOrder(question, responseFor(question, response));
    case "match":
      return gradeMatch(question, responseFor(question, response));
    case "classify":
      return gradeClassify(question, responseFor(question, response));
  }
}

export function gradeSingle(question: QuestionOf<"single">, response: ResponseOf<"single">): GradeResult {
  assertKnown(question.id, [response.choice], question.options, "option");
  const score = response.choice === question.answer ? 1 : 0;
  const perOption: Record<string, OptionVerdict> = {};
  for (const option of question.options) {
    if (option.id === response.choice) perOption[option.id] = score === 1 ? "correct" : "wrong";
    else if (option.id === question.answer) perOption[option.id] = "missed";
  }
  return result(score, {
    correctAnswer: { type: "single", optionId: question.answer, text: textOf(question.options, question.answer) },
    perOption,
  });
}

export function gradeMultiple(question: QuestionOf<"multiple">, response: ResponseOf<"multiple">): GradeResult {
  // An empty submission is a UI bug (the submit button needs a choice), not a considered answer.
  if (response.choices.length === 0) throw new InvalidResponseError(question.id, "empty", "choose at least one option.");
  assertUnique(question.id, response.choices, "option");
  assertKnown(question.id, response.choices, question.options, "option");

  const key = new Set(question.answer);
  const chosen = new Set(response.choices);
  const rightPicks = response.choices.filter((id) => key.has(id)).length;
  const wrongPicks = chosen.size - rightPicks;
  const score = Math.max(0, (rightPicks - wrongPicks) / key.size);

  const perOption: Record<string, OptionVerdict> = {};
  for (const { id } of question.options) {
    if (chosen.has(id)) perOption[id] = key.has(id) ? "correct" : "wrong";
    else if (key.has(id)) perOption[id] = "missed";
  }
  const keyOptions = question.options.filter((option) => key.has(option.id));
  return result(score, {
    correctAnswer: {
      type: "multiple",
      optionIds: keyOptions.map((option) => option.id),
      text: keyOptions.map((option) => option.text).join("; "),
    },
    perOption,
  });
}

export function gradeTrueFalse(question: QuestionOf<"true-false">, response: ResponseOf<"true-false">): GradeResult {
  return result(response.value === question.answer ? 1 : 0, {
    correctAnswer: { type: "true-false", value: question.answer, text: question.answer ? "True" : "False" },
  });
}

/**
 * Order questions score the share of item pairs in the right relative order (1 − normalised
 * Kendall tau distance). Scoring exact positions instead would be harsh: moving the first event
 * to the end leaves every item "out of place" and scores 0, although the learner knew the order
 * of all the others. Pairwise agreement gives that answer (n−2)/n and a reversed order 0.
 *
 * Per-item feedback marks the fewest items to move: those outside a longest run that is already
 * in the right relative order are "wrong".
 */
export function gradeOrder(question: QuestionOf<"order">, response: ResponseOf<"order">): GradeResult {
  assertUnique(question.id, response.order, "item");
  assertKnown(question.id, response.order, question.items, "item");
  const missing = question.items.filter((item) => !response.order.includes(item.id));
  if (missing.length > 0) {
    throw new InvalidResponseError(question.id, "incomplete", `every item must be placed; missing ${missing.map((item) => quote(item.id)).join(", ")}.`);
  }

  const rankOf = new Map(question.answer.map((id, rank) => [id, rank]));
  const ranks = response.order.map((id) => rankOf.get(id) ?? -1);
  const score = pairwiseOrderAgreement(ranks);

  const inPlace = new Set(longestIncreasingRun(ranks).map((index) => response.order[index]));
  const perOption: Record<string, OptionVerdict> = {};
  for (const { id } of question.items) perOption[id] = inPlace.has(id) ? "correct" : "wrong";

  return result(score, {
    correctAnswer: {
      type: "order",
      itemIds: [...question.answer],
      text: question.answer.map((id) => textOf(question.items, id)).join(" → "),
    },
    perOption,
  });
}

/**
 * Match questions score the share of left items matched to their right item. Unmatched left items
 * count as not known ("missed"); a right item may be used for several left items, because the key
 * itself may do so (two events in the same year).
 */
export function gradeMatch(question: QuestionOf<"match">, response: ResponseOf<"match">): GradeResult {
  const pairs = Object.entries(response.pairs);
  if (pairs.length === 0) throw new InvalidResponseError(question.id, "empty", "match at least one item.");
  assertKnown(
    question.id,
    pairs.map(([leftId]) => leftId),
    question.left,
    "left item",
  );
  assertKnown(
    question.id,
    pairs.map(([, rightId]) => rightId),
    question.right,
    "right item",
  );

  const chosen = new Map(pairs);
  const perOption: Record<string, OptionVerdict> = {};
  let matched = 0;
  for (const { id } of question.left) {
    const choice = chosen.get(id);
    if (choice === undefined) perOption[id] = "missed";
    else if (choice === keyedRight(question, id)) {
      perOption[id] = "correct";
      matched++;
    } else perOption[id] = "wrong";
  }

  const keyPairs = question.left.flatMap(({ id }) => {
    const rightId = keyedRight(question, id);
    return rightId === undefined ? [] : [{ leftId: id, rightId }];
  });
  return result(matched / question.left.length, {
    correctAnswer: {
      type: "match",
      pairs: keyPairs,
      text: keyPairs.map(({ leftId, rightId }) => `${textOf(question.left, leftId)}: ${textOf(question.right, rightId)}`).join("; "),
    },
    perOption,
  });
}

export function gradeClassify(question: QuestionOf<"classify">, response: ResponseOf<"classify">): GradeResult {
  if (!isClassifyChoice(response.label)) {
    throw new InvalidResponseError(question.id, "unknown-id", `“${response.label}” is not one of ${CLASSIFY_CHOICES.join(", ")}.`);
  }
  return result(response.label === question.answer ? 1 : 0, {
    correctAnswer: { type: "classify", label: question.answer, text: LABELS[question.answer].name },
  });
}

/**
 * Share of pairs (i < j) whose ranks are in increasing order: 1 for the right order, 0 for the
 * reverse. `ranks` holds, for each position of the response, the item's rank in the key.
 */
export function pairwiseOrderAgreement(ranks: readonly number[]): number {
  const pairs = (ranks.length * (ranks.length - 1)) / 2;
  if (pairs === 0) return 1;
  let concordant = 0;
  ranks.forEach((rank, i) => {
    for (const later of ranks.slice(i + 1)) if (rank < later) concordant++;
  });
  return concordant / pairs;
}

/**
 * Indices of a longest strictly increasing subsequence of `ranks` (the earliest one on ties).
 * Quadratic, which is plenty for the six items an order question may have.
 */
export function longestIncreasingRun(ranks: readonly number[]): number[] {
  // For each position, the longest increasing run that ends there.
  const runs: { lastRank: number; indices: number[] }[] = [];
  ranks.forEach((rank, i) => {
    const extendable = runs.filter((run) => run.lastRank < rank).map((run) => run.indices);
    runs.push({ lastRank: rank, indices: [...longest(extendable), i] });
  });
  return longest(runs.map((run) => run.indices));
}

function longest(lists: readonly number[][]): number[] {
  return lists.reduce<number[]>((best, list) => (list.length > best.length ? list : best), []);
}

function result(score: number, feedback: GradeFeedback): GradeResult {
  return { correct: score === 1, score, feedback };
}

function responseFor<T extends QuestionType>(question: { id: string; type: T }, response: QuestionResponse): ResponseOf<T> {
  if (!isResponseOf(response, question.type)) {
    throw new InvalidResponseError(question.id, "wrong-type", `expected a “${question.type}” response, got “${response.type}”.`);
  }
  return response;
}

function isResponseOf<T extends QuestionType>(response: QuestionResponse, type: T): response is ResponseOf<T> {
  return response.type === type;
}

function isClassifyChoice(label: string): label is ClassifyChoice {
  return CLASSIFY_CHOICES.some((choice) => choice === label);
}

function assertKnown(questionId: string, ids: readonly string[], known: readonly Option[], what: string): void {
  const knownIds = new Set(known.map((option) => option.id));
  const unknown = ids.filter((id) => !knownIds.has(id));
  if (unknown.length > 0) {
    throw new InvalidResponseError(questionId, "unknown-id", `unknown ${what} id(s): ${unknown.map(quote).join(", ")}.`);
  }
}

function assertUnique(questionId: string, ids: readonly string[], what: string): void {
  const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (repeated.length > 0) {
    throw new InvalidResponseError(questionId, "duplicate", `${what} id(s) given more than once: ${[...new Set(repeated)].map(quote).join(", ")}.`);
  }
}

function keyedRight(question: QuestionOf<"match">, leftId: string): string | undefined {
  // Own properties only: a left id such as "constructor" must not reach Object.prototype.
  return Object.hasOwn(question.answer, leftId) ? question.answer[leftId] : undefined;
}

function textOf(options: readonly Option[], id: string): string {
  // A key id missing from the options is an error in the bank, not the learner's: show the id
  // rather than fail the grading.
  return options.find((option) => option.id === id)?.text ?? id;
}

function quote(id: string): string {
  return `“${id}”`;
}
