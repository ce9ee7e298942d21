// Responses a learner could send, built from a question's answer key: the right one, and a wrong
// one for every type. Shared by the integration and browser tests.
import type { Question, QuestionResponse } from "../../lib/quiz/schema";

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
