// How a question is laid out for a learner before answering (no key, no explanations), and for
// a teacher after: pure and free of server modules, so the question editor's preview
// (components/quiz/question-preview.tsx) lays out a draft exactly as the quiz does. The tokens
// that hide option ids in an attempt are lib/quiz/public.ts's business.
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

/** How lists are put in display order. */
export type Arrangement = {
  /** `list` names the list, so each list of a question gets its own order. */
  arrange: (options: readonly Option[], list: string) => Option[];
  /** Whether a layout that gives the answer away (see presentOrder, presentMatch) must be avoided. */
  hideKey: boolean;
};

export function seededArrangement(seed: string): Arrangement {
  // Independent orders per list matter for match questions: with one shared seed, two columns
  // of equal length would get the same permutation and a column authored in key order would
  // stay lined up with its partners.
  return { arrange: (options, list) => seededShuffle(options, `${seed}:${list}`), hideKey: true };
}

/** The bank's order, for a revealed question: the key is on screen anyway. */
export const authoredArrangement: Arrangement = { arrange: (options) => [...options], hideKey: false };

export function present(question: Question, arrangement: Arrangement): PublicQuestion {
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

export function presentSingle(question: QuestionOf<"single">, { arrange }: Arrangement): PublicQuestionOf<"single"> {
  return { ...common(question), options: arrange(question.options, "options").map(copyOption) };
}

export function presentMultiple(question: QuestionOf<"multiple">, { arrange }: Arrangement): PublicQuestionOf<"multiple"> {
  return { ...common(question), options: arrange(question.options, "options").map(copyOption) };
}

export function presentTrueFalse(question: QuestionOf<"true-false">): PublicQuestionOf<"true-false"> {
  return common(question);
}

/** Unanswered, items never start in the answer order: that would hand the learner the answer. */
export function presentOrder(question: QuestionOf<"order">, { arrange, hideKey }: Arrangement): PublicQuestionOf<"order"> {
  const arranged = arrange(question.items, "items");
  const items = hideKey && sameIds(arranged, question.answer) ? rotate(arranged) : arranged;
  return { ...common(question), items: items.map(copyOption) };
}

/**
 * Unanswered, the columns are never lined up with the key (every left item beside its right item), for the
 * same reason. Rotating the right column by one breaks that, because right ids are distinct.
 */
export function presentMatch(question: QuestionOf<"match">, { arrange, hideKey }: Arrangement): PublicQuestionOf<"match"> {
  const left = arrange(question.left, "left");
  const arrangedRight = arrange(question.right, "right");
  const lined = hideKey && left.every((item, i) => Object.hasOwn(question.answer, item.id) && question.answer[item.id] === arrangedRight[i]?.id);
  const right = lined ? rotate(arrangedRight) : arrangedRight;
  return { ...common(question), left: left.map(copyOption), right: right.map(copyOption) };
}

/** The classify choices are always the same four, in the legend's order, whatever the answer. */
export function presentClassify(question: QuestionOf<"classify">): PublicQuestionOf<"classify"> {
  return { ...common(question), statement: question.statement, choices: [...CLASSIFY_CHOICES] };
}

function sameIds(options: readonly Option[], ids: readonly string[]): boolean {
  return options.length === ids.length && options.every((option, i) => option.id === ids[i]);
}

// Only id and text, so nothing else an option might carry in future leaks with it.
function copyOption({ id, text }: Option): Option {
  return { id, text };
}
