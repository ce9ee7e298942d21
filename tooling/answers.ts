// Answering a question right or wrong, for every tool that plays a learner (tests, browser tests,
// the demo class, the benchmarks' students): responses built from a question's answer key (the
// right one, and a wrong one for every type), and the same response as the learner of one view
// sends it. Type imports only: the Playwright loader reads this file too, and must not load the bank
// (JSON) or zod; the simulated students' random answers are in ./simulated-answers.ts.
import type { Option, Question, QuestionResponse } from "../lib/quiz/schema";

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
export function asShown(
  question: Question,
  view: { type: string; options?: Option[]; items?: Option[]; left?: Option[]; right?: Option[] },
  response: QuestionResponse,
): QuestionResponse {
  const byText = (authored: readonly Option[] | undefined, shown: readonly Option[] | undefined) => (id: string) => {
    const text = authored?.find((o) => o.id === id)?.text;
    return shown?.find((o) => o.text === text)?.id ?? id;
  };
  if (response.type === "single" && question.type === "single") return { type: "single", choice: byText(question.options, view.options)(response.choice) };
  if (response.type === "multiple" && question.type === "multiple")
    return { type: "multiple", choices: response.choices.map(byText(question.options, view.options)) };
  if (response.type === "order" && question.type === "order") return { type: "order", order: response.order.map(byText(question.items, view.items)) };
  if (response.type === "match" && question.type === "match") {
    const left = byText(question.left, view.left);
    const right = byText(question.right, view.right);
    return { type: "match", pairs: Object.fromEntries(Object.entries(response.pairs).map(([l, r]) => [left(l), right(r)])) };
  }
  return response;
}
