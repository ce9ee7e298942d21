// What the browser may see of a question. Before the learner answers it gets a public view with
// no answer key, no explanations and no links to the paragraphs the answer rests on; once the
// answer is recorded it gets the revealed view. Both are built field by field (never by copying
// the question and deleting keys), so a field added to the schema later stays server-side
// until someone decides it may be shown.
import { CLASSIFY_CHOICES, type Option, type Question, type QuestionOf, type QuestionType } from "./schema";
import { rotate, seededShuffle } from "./shuffle";

type PublicCommon<T extends QuestionType> = { id: string; type: T; prompt: string; difficulty: Question["difficulty"] };

export type PublicQuestion =
  | (PublicCommon<"single"> & { options: Option[] })
  | (PublicCommon<"multiple"> & { options: Option[] })
  | PublicCommon<"true-false">
  | (PublicCommon<"order"> & { items: Option[] })
  | (PublicCommon<"match"> & { left: Option[]; right: Option[] })
  | (PublicCommon<"classify"> & { statement: string; choices: readonly (typeof CLASSIFY_CHOICES)[number][] });
export type PublicQuestionOf<T extends QuestionType> = Extract<PublicQuestion, { type: T }>;

type Reveal<T extends QuestionType> = {
  answer: QuestionOf<T>["answer"];
  explanation: string;
  /** By option id; empty for question types without options. */
  wrongExplanations: Record<string, string>;
  paragraphIds: string[];
  contextNoteIds: string[];
};

export type RevealedQuestion = { [T in QuestionType]: PublicQuestionOf<T> & Reveal<T> }[QuestionType];
export type RevealedQuestionOf<T extends QuestionType> = Extract<RevealedQuestion, { type: T }>;

/** The shuffle seed for one question in one attempt: stable across reloads, different per attempt. */
export function questionSeed(attemptId: string, questionId: string): string {
  return `${attemptId}:${questionId}`;
}

/**
 * The question as the learner sees it before answering, with options, items, and both match
 * columns in a seed-determined order (see questionSeed).
 */
export function toPublicQuestion(question: Question, seed: string): PublicQuestion {
  return present(question, seededArrangement(seed));
}

/**
 * The question after answering: the public view plus the key, explanations and the paragraphs to
 * show in the text. Pass the same seed as toPublicQuestion to keep the options where the learner
 * saw them; without a seed they are in the bank's order.
 */
export function toRevealedQuestion(question: Question, seed?: string): RevealedQuestion {
  const arrangement = seed === undefined ? authoredArrangement : seededArrangement(seed);
  const reveal = {
    explanation: question.explanation,
    wrongExplanations: "wrongExplanations" in question ? { ...question.wrongExplanations } : {},
    paragraphIds: [...question.paragraphIds],
    contextNoteIds: [...question.contextNoteIds],
  };
  // One case per type so the compiler pairs each view with its own kind of answer.
  switch (question.type) {
    case "single":
      return { ...presentSingle(question, arrangement), ...reveal, answer: question.answer };
    case "multiple":
      return { ...presentMultiple(question, arrangement), ...reveal, answer: [...question.answer] };
    case "true-false":
      return { ...presentTrueFalse(question), ...reveal, answer: question.answer };
    case "order":
      return { ...presentOrder(question, arrangement), ...reveal, answer: [...question.answer] };
    case "match":
      return { ...presentMatch(question, arrangement), ...reveal, answer: { ...question.answer } };
    case "classify":
      return { ...presentClassify(question), ...reveal, answer: question.answer };
  }
}

/** How lists are put in display order. */
type Arrangement = {
  /** `list` names the list, so each list of a question gets its own order. */
  arrange: (options: readonly Option[], list: string) => Option[];
  /** Whether a layout that gives the answer away (see presentOrder, presentMatch) must be avoided. */
  hideKey: boolean;
};

function seededArrangement(seed: string): Arrangement {
  // Independent orders per list matter for match questions: with one shared seed, two columns
  // of equal length would get the same permutation and a column authored in key order would
  // stay lined up with its partners.
  return { arrange: (options, list) => seededShuffle(options, `${seed}:${list}`), hideKey: true };
}

/** The bank's order, for a revealed question: the key is on screen anyway. */
const authoredArrangement: Arrangement = { arrange: (options) => [...options], hideKey: false };

function present(question: Question, arrangement: Arrangement): PublicQuestion {
  switch (question.type) {
    case "single":
      return presentSingle(question, arrangement);
    case "multiple":
      return presentMultiple(question, arrangement);
    case "true-false":
      return presentTrueFalse(question);
    case "order":
      return presentOrder(question, arrangement);
    case "match":
      return presentMatch(question, arrangement);
    case "classify":
      return presentClassify(question);
  }
}

function common<T extends QuestionType>(question: QuestionOf<T>): PublicCommon<T> {
  return { id: question.id, type: question.type, prompt: question.prompt, difficulty: question.difficulty };
}

function presentSingle(question: QuestionOf<"single">, { arrange }: Arrangement): PublicQuestionOf<"single"> {
  return { ...common(question), options: arrange(question.options, "options").map(copyOption) };
}

function presentMultiple(question: QuestionOf<"multiple">, { arrange }: Arrangement): PublicQuestionOf<"multiple"> {
  return { ...common(question), options: arrange(question.options, "options").map(copyOption) };
}

function presentTrueFalse(question: QuestionOf<"true-false">): PublicQuestionOf<"true-false"> {
  return common(question);
}

/** Unanswered, items never start in the answer order: that would hand the learner the answer. */
function presentOrder(question: QuestionOf<"order">, { arrange, hideKey }: Arrangement): PublicQuestionOf<"order"> {
  const arranged = arrange(question.items, "items");
  const items = hideKey && sameIds(arranged, question.answer) ? rotate(arranged) : arranged;
  return { ...common(question), items: items.map(copyOption) };
}

/**
 * Unanswered, the columns are never lined up with the key (every left item beside its right item), for the
 * same reason. Rotating the right column by one breaks that, because right ids are distinct.
 */
function presentMatch(question: QuestionOf<"match">, { arrange, hideKey }: Arrangement): PublicQuestionOf<"match"> {
  const left = arrange(question.left, "left");
  const arrangedRight = arrange(question.right, "right");
  const lined = hideKey && left.every((item, i) => Object.hasOwn(question.answer, item.id) && question.answer[item.id] === arrangedRight[i]?.id);
  const right = lined ? rotate(arrangedRight) : arrangedRight;
  return { ...common(question), left: left.map(copyOption), right: right.map(copyOption) };
}

/** The classify choices are always the same four, in the legend's order, whatever the answer. */
function presentClassify(question: QuestionOf<"classify">): PublicQuestionOf<"classify"> {
  return { ...common(question), statement: question.statement, choices: [...CLASSIFY_CHOICES] };
}

function sameIds(options: readonly Option[], ids: readonly string[]): boolean {
  return options.length === ids.length && options.every((option, i) => option.id === ids[i]);
}

// Only id and text, so nothing else an option might carry in future leaks with it.
function copyOption({ id, text }: Option): Option {
  return { id, text };
}
