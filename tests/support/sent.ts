// For tests that call lib/quiz/attempts in-process: a response in the bank's ids as the learner of
// an attempt sends it, in that attempt's option tokens (the same seed the server uses). Browser and
// API tests pick by text from the view instead (asShown in tooling/answers.ts).
import { attemptQuestionSeed } from "../../lib/quiz/attempt-seed";
import { responseToTokens } from "../../lib/quiz/public";
import type { Question, QuestionResponse } from "../../lib/quiz/schema";

export function sentIn(attemptId: string, question: Question, response: QuestionResponse): QuestionResponse {
  return responseToTokens(question, attemptQuestionSeed(attemptId, question.id), response);
}
