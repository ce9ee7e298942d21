// What the learner sees after answering: their own choices kept in view and marked right or
// wrong next to the right ones, for every question type, in words as well as colour. Pure, so the
// quiz, the results page and the home page's sample question all mark answers the same way.
import { LABELS } from "@/lib/content/labels";
import type { CorrectAnswer, GradeFeedback } from "./grading";
import type { PublicQuestion } from "./public";
import type { QuestionResponse } from "./schema";

/**
 * - "right": chosen and right (or, for order, in the right place relative to the others);
 * - "wrong": chosen and wrong (or, for order, needs to move);
 * - "missed": right but not chosen (or, for match, left unmatched);
 * - null: not chosen and not right, or the answer is not revealed.
 */
export type Mark = "right" | "wrong" | "missed" | null;

export type ChoiceRow = { id: string; text: string; chosen: boolean; mark: Mark; note: string | null };
export type OrderRow = { id: string; text: string; position: number; rightPosition: number | null; mark: Mark; note: string | null };
export type MatchRow = { id: string; text: string; chosen: string | null; right: string | null; mark: Mark; note: string | null };

export type AnswerMarks = { kind: "choices"; multiple: boolean; rows: ChoiceRow[] } | { kind: "order"; rows: OrderRow[] } | { kind: "match"; rows: MatchRow[] };

/** The options a choice question offers, as shown: true/false and classify have fixed ones. */
function choiceOptions(question: PublicQuestion): { id: string; text: string }[] | null {
  if (question.type === "single" || question.type === "multiple") return question.options;
  if (question.type === "true-false")
    return [
      { id: "true", text: "True" },
      { id: "false", text: "False" },
    ];
  if (question.type === "classify") return question.choices.map((label) => ({ id: label, text: LABELS[label].name }));
  return null;
}

function chosenIds(response: QuestionResponse): string[] {
  if (response.type === "single") return [response.choice];
  if (response.type === "multiple") return response.choices;
  if (response.type === "true-false") return [String(response.value)];
  if (response.type === "classify") return [response.label];
  return [];
}

function keyIds(answer: CorrectAnswer): string[] {
  if (answer.type === "single") return [answer.optionId];
  if (answer.type === "multiple") return answer.optionIds;
  if (answer.type === "true-false") return [String(answer.value)];
  if (answer.type === "classify") return [answer.label];
  return [];
}

/** An item an earlier answer names that the question no longer has (it was changed since). */
const GONE = "(no longer in this question)";

const NOTES = {
  chosenRight: "✓ Your answer: right",
  chosenWrong: "✗ Your answer: wrong",
  chosen: "Your answer",
  keySingle: "✓ The right answer",
  keyMultiple: "✓ Also right: you did not choose it",
} as const;

/**
 * Marks for every option, item or pair of the question. `feedback` is null when the answer is
 * not revealed (an assignment holding results back): the learner's own answer is still shown.
 */
export function answerMarks(question: PublicQuestion, response: QuestionResponse, feedback: GradeFeedback | null): AnswerMarks {
  const answer = feedback?.correctAnswer ?? null;
  const options = choiceOptions(question);
  if (options) {
    const chosen = new Set(chosenIds(response));
    const key = answer ? new Set(keyIds(answer)) : null;
    const multiple = question.type === "multiple";
    return {
      kind: "choices",
      multiple,
      rows: options.map(({ id, text }) => {
        const isChosen = chosen.has(id);
        if (!key) return { id, text, chosen: isChosen, mark: null, note: isChosen ? NOTES.chosen : null };
        if (isChosen) return { id, text, chosen: true, mark: key.has(id) ? "right" : "wrong", note: key.has(id) ? NOTES.chosenRight : NOTES.chosenWrong };
        if (key.has(id)) return { id, text, chosen: false, mark: "missed", note: multiple ? NOTES.keyMultiple : NOTES.keySingle };
        return { id, text, chosen: false, mark: null, note: null };
      }),
    };
  }
  if (question.type === "order") {
    const order = response.type === "order" ? response.order : [];
    const rightOrder = answer?.type === "order" ? answer.itemIds : null;
    return {
      kind: "order",
      rows: order.map((id, index) => {
        const text = question.items.find((item) => item.id === id)?.text ?? GONE;
        const rank = rightOrder ? rightOrder.indexOf(id) : -1;
        if (!rightOrder || rank < 0) return { id, text, position: index + 1, rightPosition: null, mark: null, note: null };
        const rightPosition = rank + 1;
        const verdict = feedback?.perOption?.[id];
        const mark: Mark = verdict === "correct" ? "right" : "wrong";
        const note = mark === "right" ? "✓ In the right order" : `✗ Belongs at position ${rightPosition}`;
        return { id, text, position: index + 1, rightPosition, mark, note };
      }),
    };
  }
  if (question.type === "match") {
    const pairs = response.type === "match" ? response.pairs : {};
    const rightText = (id: string | undefined) => (id === undefined ? null : (question.right.find((r) => r.id === id)?.text ?? GONE));
    const keyPairs = answer?.type === "match" ? new Map(answer.pairs.map((p) => [p.leftId, p.rightId])) : null;
    return {
      kind: "match",
      rows: question.left.map(({ id, text }) => {
        const chosen = rightText(Object.hasOwn(pairs, id) ? pairs[id] : undefined);
        if (!keyPairs) return { id, text, chosen, right: null, mark: null, note: chosen ? NOTES.chosen : null };
        const right = rightText(keyPairs.get(id));
        const verdict = feedback?.perOption?.[id];
        if (verdict === "correct") return { id, text, chosen, right, mark: "right", note: "✓ Right match" };
        if (verdict === "missed" || chosen === null) return { id, text, chosen, right, mark: "missed", note: `Not matched: the answer is ${right}` };
        return { id, text, chosen, right, mark: "wrong", note: `✗ Wrong match: the answer is ${right}` };
      }),
    };
  }
  return { kind: "choices", multiple: false, rows: [] };
}

/** The learner's answer in words, for "You answered: …". */
export function responseText(question: PublicQuestion, response: QuestionResponse): string {
  const marks = answerMarks(question, response, null);
  if (marks.kind === "choices")
    return (
      marks.rows
        .filter((row) => row.chosen)
        .map((row) => row.text)
        .join("; ") || "nothing"
    );
  if (marks.kind === "order") return marks.rows.map((row) => row.text).join(" → ");
  return marks.rows.map((row) => `${row.text}: ${row.chosen ?? "not matched"}`).join("; ");
}
