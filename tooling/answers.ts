// Answering a question right or wrong, for every tool that plays a learner: responses built from a
// question's answer key (the right one; a fixed wrong one for every type, as the tests send; a
// randomly chosen wrong one, as the simulated students of the benchmarks send), and the same
// response in the option tokens a learner of one attempt sees (by text from the view the API
// showed, or, in-process, from the attempt's seed).
import { attemptQuestionSeed } from "../lib/quiz/attempt-seed";
import { getQuestion } from "../lib/quiz/bank";
import { responseToTokens } from "../lib/quiz/public";
import { CLASSIFY_CHOICES, type Option, type Question, type QuestionResponse } from "../lib/quiz/schema";

export function rightResponse(q: Question): QuestionResponse {
  switch (q.type) {
    case "single":
      return { type: "single", choice: q.answer };
    case "multiple":
      return { type: "multiple", choices: q.answer };
    case "true-false":
      return { type: "true-false", value: q.answer };
    case "order":
      return { type: "order", order: q.answer };
    case "match":
      return { type: "match", pairs: q.answer };
    case "classify":
      return { type: "classify", label: q.answer };
  }
}

export function wrongResponse(q: Question): QuestionResponse {
  switch (q.type) {
    case "single":
      return { type: "single", choice: q.options.find((o) => o.id !== q.answer)?.id ?? "" };
    case "multiple":
      return { type: "multiple", choices: q.options.filter((o) => !q.answer.includes(o.id)).map((o) => o.id) };
    case "true-false":
      return { type: "true-false", value: !q.answer };
    case "order":
      return { type: "order", order: [...q.answer].reverse() };
    case "match": {
      const rights = q.right.map((r) => r.id);
      return { type: "match", pairs: Object.fromEntries(Object.entries(q.answer).map(([left, right]) => [left, rights.find((r) => r !== right) ?? right])) };
    }
    case "classify":
      return { type: "classify", label: q.answer === "opinion" ? "reported-fact" : "opinion" };
  }
}

/**
 * The response as a learner of this view would send it: option ids are per-attempt tokens
 * (lib/quiz/public.ts), so each authored id is replaced by the id of the view's option with the
 * same text, as a person picks what they read. Texts are unique within a list (lib/quiz/bank.ts
 * checks), so the pick is unambiguous; an id the view lacks is sent as it is (for tests of a
 * rejected answer).
 */
export function asShown(question: Question, view: { type: string; options?: Option[]; items?: Option[]; left?: Option[]; right?: Option[] }, response: QuestionResponse): QuestionResponse {
  const byText = (authored: readonly Option[] | undefined, shown: readonly Option[] | undefined) => (id: string) => {
    const text = authored?.find((o) => o.id === id)?.text;
    return shown?.find((o) => o.text === text)?.id ?? id;
  };
  if (response.type === "single" && question.type === "single") return { type: "single", choice: byText(question.options, view.options)(response.choice) };
  if (response.type === "multiple" && question.type === "multiple") return { type: "multiple", choices: response.choices.map(byText(question.options, view.options)) };
  if (response.type === "order" && question.type === "order") return { type: "order", order: response.order.map(byText(question.items, view.items)) };
  if (response.type === "match" && question.type === "match") {
    const left = byText(question.left, view.left);
    const right = byText(question.right, view.right);
    return { type: "match", pairs: Object.fromEntries(Object.entries(response.pairs).map(([l, r]) => [left(l), right(r)])) };
  }
  return response;
}

/** A question as the API showed it: option ids are that attempt's tokens, matched by text. */
export type ShownQuestion = Parameters<typeof asShown>[1];

function pickOther<T>(values: readonly T[], not: T, random: () => number): T {
  const others = values.filter((v) => v !== not);
  return others[Math.floor(random() * others.length)] ?? not;
}

/** A wrong response picked at random (the benchmarks' students also exercise the review queue). */
export function randomWrongResponse(question: Question, random: () => number): QuestionResponse {
  switch (question.type) {
    case "single":
      return { type: "single", choice: pickOther(question.options.map((o) => o.id), question.answer, random) };
    case "multiple": {
      const extra = question.options.map((o) => o.id).find((id) => !question.answer.includes(id));
      const choices = extra ? [...question.answer, extra] : question.answer.slice(1);
      return { type: "multiple", choices };
    }
    case "true-false":
      return { type: "true-false", value: !question.answer };
    case "order":
      return { type: "order", order: [...question.answer].reverse() };
    case "match": {
      const entries = Object.entries(question.answer);
      const [first, second] = entries;
      if (first && second) {
        return { type: "match", pairs: { ...question.answer, [first[0]]: second[1], [second[0]]: first[1] } };
      }
      return { type: "match", pairs: {} };
    }
    case "classify":
      return { type: "classify", label: pickOther(CLASSIFY_CHOICES, question.answer, random) };
  }
}

/**
 * What a simulated student sends for a question id: the right answer from the bank's key, or,
 * with probability `wrongRate`, a randomly chosen wrong one. The response to send, in the tokens of the view the API showed (`shown`), and
 * the same response in the bank's ids, as the database stores it; null when the id is not in the
 * built-in bank.
 */
export function responseFor(questionId: string, wrongRate: number, random: () => number, shown: ShownQuestion): { sent: QuestionResponse; stored: QuestionResponse } | null {
  const question = getQuestion(questionId);
  if (!question) return null;
  const stored = random() < wrongRate ? randomWrongResponse(question, random) : rightResponse(question);
  return { sent: asShown(question, shown, stored), stored };
}

/**
 * For tests that call lib/quiz/attempts in-process: a response in the bank's ids as the learner of
 * an attempt sends it, in that attempt's option tokens (the same seed the server uses). Browser and
 * API callers pick by text from the view instead (asShown).
 */
export function sentIn(attemptId: string, question: Question, response: QuestionResponse): QuestionResponse {
  return responseToTokens(question, attemptQuestionSeed(attemptId, question.id), response);
}
