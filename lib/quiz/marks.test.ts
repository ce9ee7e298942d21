import { describe, expect, it } from "vitest";
import { getQuestionBank } from "./bank";
import { grade } from "./grading";
import { responseText } from "./marks";
import { answerMarks as marksOf, type AnswerMarks } from "./marks";
import { disguiseQuestion, optionToken, responseToTokens, toPublicQuestion, type OptionList } from "./public";
import type { Question, QuestionOf, QuestionResponse, QuestionType } from "./schema";

function first<T extends QuestionType>(type: T): QuestionOf<T> {
  const found = getQuestionBank().find((q): q is QuestionOf<T> => q.type === type);
  if (!found) throw new Error(`no ${type} question in the bank`);
  return found;
}

const SEED = "seed";

/**
 * Marks as the quiz computes them: the view, the response and the feedback all in the attempt's
 * tokens. Row ids are turned back into authored ids so the tests can name options.
 */
function marks(question: Question, response: QuestionResponse, reveal = true): AnswerMarks {
  const view = toPublicQuestion(question, SEED);
  const tokens = responseToTokens(question, SEED, response);
  const result = marksOf(view, tokens, reveal ? grade(disguiseQuestion(question, SEED), tokens).feedback : null);
  const list: OptionList = question.type === "order" ? "items" : question.type === "match" ? "left" : "options";
  const authored = "options" in question ? question.options : "items" in question ? question.items : "left" in question ? question.left : [];
  const back = new Map(authored.map((o) => [optionToken(SEED, list, o.id), o.id]));
  const untoken = <R extends { id: string }>(row: R): R => ({ ...row, id: back.get(row.id) ?? row.id });
  if (result.kind === "choices") return { ...result, rows: result.rows.map(untoken) };
  if (result.kind === "order") return { ...result, rows: result.rows.map(untoken) };
  return { ...result, rows: result.rows.map(untoken) };
}

describe("answerMarks", () => {
  it("single: marks the learner's wrong choice and the right one, in words", () => {
    const q = first("single");
    const wrong = q.options.find((o) => o.id !== q.answer)!;
    const result = marks(q, { type: "single", choice: wrong.id });
    expect(result.kind).toBe("choices");
    if (result.kind !== "choices") return;
    expect(result.rows.find((r) => r.id === wrong.id)).toMatchObject({ chosen: true, mark: "wrong", note: "✗ Your answer: wrong" });
    expect(result.rows.find((r) => r.id === q.answer)).toMatchObject({ chosen: false, mark: "missed", note: "✓ The right answer" });
    expect(result.rows.filter((r) => r.mark === null)).toHaveLength(q.options.length - 2);
  });

  it("single, right: one row, marked right", () => {
    const q = first("single");
    const result = marks(q, { type: "single", choice: q.answer });
    if (result.kind !== "choices") throw new Error();
    expect(result.rows.filter((r) => r.mark !== null)).toEqual([expect.objectContaining({ id: q.answer, mark: "right", note: "✓ Your answer: right" })]);
  });

  it("multiple: right picks, wrong picks and right options left out", () => {
    const q = first("multiple");
    const wrong = q.options.find((o) => !q.answer.includes(o.id))!;
    const result = marks(q, { type: "multiple", choices: [q.answer[0]!, wrong.id] });
    if (result.kind !== "choices") throw new Error();
    expect(result.multiple).toBe(true);
    expect(result.rows.find((r) => r.id === q.answer[0])?.mark).toBe("right");
    expect(result.rows.find((r) => r.id === wrong.id)?.mark).toBe("wrong");
    for (const id of q.answer.slice(1))
      expect(result.rows.find((r) => r.id === id)).toMatchObject({ mark: "missed", note: "✓ Also right: you did not choose it" });
  });

  it("true-false and classify mark the fixed options", () => {
    const tf = first("true-false");
    const tfResult = marks(tf, { type: "true-false", value: !tf.answer });
    if (tfResult.kind !== "choices") throw new Error();
    expect(tfResult.rows.map((r) => r.mark)).toEqual(tf.answer ? ["missed", "wrong"] : ["wrong", "missed"]);
    const cl = first("classify");
    const other = (["reported-fact", "opinion"] as const).find((l) => l !== cl.answer)!;
    const clResult = marks(cl, { type: "classify", label: other });
    if (clResult.kind !== "choices") throw new Error();
    expect(clResult.rows.find((r) => r.id === other)?.mark).toBe("wrong");
    expect(clResult.rows.find((r) => r.id === cl.answer)?.mark).toBe("missed");
  });

  it("order: the learner's order, each item marked, with its right position", () => {
    const q = first("order");
    const reversed = [...q.answer].reverse();
    const result = marks(q, { type: "order", order: reversed });
    if (result.kind !== "order") throw new Error();
    expect(result.rows.map((r) => r.id)).toEqual(reversed);
    expect(result.rows[0]).toMatchObject({ position: 1, rightPosition: q.answer.length });
    expect(result.rows.filter((r) => r.mark === "wrong").length).toBe(q.answer.length - 1);
    expect(result.rows.find((r) => r.mark === "wrong")?.note).toMatch(/^✗ Belongs at position \d$/);
  });

  it("match: each left item with the learner's match and the right one", () => {
    const q = first("match");
    const [a, b] = q.left;
    const wrongRight = q.right.find((r) => r.id !== q.answer[a!.id])!;
    const result = marks(q, { type: "match", pairs: { [a!.id]: wrongRight.id, [b!.id]: q.answer[b!.id]! } });
    if (result.kind !== "match") throw new Error();
    expect(result.rows.find((r) => r.id === a!.id)).toMatchObject({ mark: "wrong", chosen: wrongRight.text });
    expect(result.rows.find((r) => r.id === b!.id)).toMatchObject({ mark: "right" });
  });

  it("without a revealed answer, shows the learner's own answer and no verdict", () => {
    const q = first("single");
    const result = marks(q, { type: "single", choice: q.answer }, false);
    if (result.kind !== "choices") throw new Error();
    expect(result.rows.find((r) => r.chosen)).toMatchObject({ mark: null, note: "Your answer" });
    expect(result.rows.every((r) => r.mark === null)).toBe(true);
  });

  it("an earlier answer naming an item the question no longer has: no marks, and words instead of an id", () => {
    const q = first("order");
    const result = marks(q, { type: "order", order: [...q.answer.slice(1), "removed-since"] }, false);
    if (result.kind !== "order") throw new Error();
    expect(result.rows.at(-1)).toMatchObject({ text: "(no longer in this question)", mark: null, rightPosition: null });
  });
});

describe("responseText", () => {
  it("says what the learner answered, for every type", () => {
    const single = first("single");
    const shown = (q: Question, response: QuestionResponse) => responseText(toPublicQuestion(q, "s"), responseToTokens(q, "s", response));
    expect(shown(single, { type: "single", choice: single.answer })).toBe(single.options.find((o) => o.id === single.answer)?.text);
    expect(shown(first("true-false"), { type: "true-false", value: false })).toBe("False");
    const order = first("order");
    expect(shown(order, { type: "order", order: order.answer })).toBe(order.answer.map((id) => order.items.find((i) => i.id === id)?.text).join(" → "));
  });
});
