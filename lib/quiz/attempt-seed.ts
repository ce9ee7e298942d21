// The seed of one question in one attempt (lib/quiz/public.ts questionSeed), keyed with the
// server's secret so the browser can recompute neither the shuffle nor the option tokens
// (decision 0025). Apart from attempts.ts so that tests can use it without opening the database.
import { env } from "@/lib/env";
import { questionSeed } from "./public";

export function attemptQuestionSeed(attemptId: string, questionId: string): string {
  return questionSeed(env().authSecret, attemptId, questionId);
}
