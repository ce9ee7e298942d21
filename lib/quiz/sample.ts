// The one question an anonymous visitor can try on the home page. Graded on the server like any
// other (the page carries only the public view, never the key), and nothing is written: there is
// no one to write it for. A cheap in-memory limit per address keeps a flood from costing anything;
// it is per server process, which is enough for a sample that stores nothing.
import { DomainError } from "@/lib/errors";
import { getQuestion } from "./bank";
import { grade, InvalidResponseError, type GradeResult } from "./grading";
import { paragraphLinks, type ParagraphLink } from "./links";
import { toPublicQuestion, type PublicQuestion } from "./public";
import type { QuestionResponse } from "./schema";

/** A short opinion sentence: the app's first lesson is telling the author's view from a fact. */
export const SAMPLE_QUESTION_ID = "q-cl-weird-awkward";

export function sampleQuestion(): PublicQuestion {
  const question = getQuestion(SAMPLE_QUESTION_ID);
  if (!question) throw new Error(`The sample question ${SAMPLE_QUESTION_ID} is not in the bank.`);
  // A fixed seed: the home page is prerendered once, and every visitor sees the same order.
  return toPublicQuestion(question, "home-sample");
}

export type SampleOutcome = { result: Pick<GradeResult, "correct" | "score" | "feedback">; explanation: string; links: ParagraphLink[] };

export function checkSampleAnswer(response: QuestionResponse): SampleOutcome {
  const question = getQuestion(SAMPLE_QUESTION_ID);
  if (!question) throw new DomainError("not_found", "The sample question is not available.");
  try {
    const { correct, score, feedback } = grade(question, response);
    return { result: { correct, score, feedback }, explanation: question.explanation, links: paragraphLinks(question.paragraphIds) };
  } catch (error) {
    if (error instanceof InvalidResponseError) throw new DomainError("invalid_input", "That answer does not fit this question.");
    throw error;
  }
}

/** At most `limit` calls per key in each window; forgets everything when it holds too many keys. */
export function fixedWindowLimiter({ limit, windowMs, maxKeys = 10_000 }: { limit: number; windowMs: number; maxKeys?: number }) {
  const windows = new Map<string, { start: number; count: number }>();
  return (key: string, now = Date.now()): boolean => {
    let window = windows.get(key);
    if (!window || now - window.start >= windowMs) {
      if (windows.size >= maxKeys) windows.clear();
      window = { start: now, count: 0 };
      windows.set(key, window);
    }
    window.count++;
    return window.count <= limit;
  };
}
