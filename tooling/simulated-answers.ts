// What a simulated student sends (the benchmarks, the reliability tests, the demo class): the right
// answer from the bank's key or, with a given probability, a randomly chosen wrong one (which also
// exercises the review queue), in the tokens of the view the API showed.
import { getQuestion } from "../lib/quiz/bank";
import { CLASSIFY_CHOICES, type Question, type QuestionResponse } from "../lib/quiz/schema";
import { asShown, rightResponse } from "./answers";

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
      return {
        type: "single",
        choice: pickOther(
          question.options.map((o) => o.id),
          question.answer,
          random,
        ),
      };
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
export function responseFor(
  questionId: string,
  wrongRate: number,
  random: () => number,
  shown: ShownQuestion,
): { sent: QuestionResponse; stored: QuestionResponse } | null {
  const question = getQuestion(questionId);
  if (!question) return null;
  const stored = random() < wrongRate ? randomWrongResponse(question, random) : rightResponse(question);
  return { sent: asShown(question, shown, stored), stored };
}
