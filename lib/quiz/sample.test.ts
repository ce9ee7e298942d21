import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { getQuestion } from "./bank";
import { checkSampleAnswer, fixedWindowLimiter, SAMPLE_QUESTION_ID, sampleQuestion } from "./sample";

describe("the home page's sample question", () => {
  const question = getQuestion(SAMPLE_QUESTION_ID);

  it("is in the bank and its public view carries no key", () => {
    expect(question).toBeDefined();
    const view = sampleQuestion();
    expect(JSON.stringify(view)).not.toMatch(/"answer"|explanation|paragraphIds/);
    expect(JSON.stringify(view)).not.toContain(question!.explanation);
  });

  it("grades on the server and hands back the explanation and the paragraph, with its text", () => {
    if (question?.type !== "classify") throw new Error("the sample is a classify question");
    const right = checkSampleAnswer({ type: "classify", label: question.answer });
    expect(right).toMatchObject({ result: { correct: true }, explanation: question.explanation });
    expect(right.links[0]).toMatchObject({ id: question.paragraphIds[0], place: expect.stringMatching(/^Lesson \d+, paragraph \d+$/) });
    expect(right.links[0]?.text.length).toBeGreaterThan(0);
    const wrong = checkSampleAnswer({ type: "classify", label: question.answer === "opinion" ? "reported-fact" : "opinion" });
    expect(wrong).toMatchObject({ result: { correct: false, score: 0 } });
  });

  it("refuses an answer of another type or an unknown label as invalid input, which the action shows as its message", () => {
    expect(() => checkSampleAnswer({ type: "single", choice: "a" })).toThrow(new DomainError("invalid_input", "That answer does not fit this question."));
    expect(() => checkSampleAnswer({ type: "classify", label: "gossip" })).toThrow(DomainError);
  });
});

describe("fixedWindowLimiter", () => {
  it("allows `limit` calls per key and window, then refuses until the window ends", () => {
    const take = fixedWindowLimiter({ limit: 2, windowMs: 1000 });
    expect([take("a", 0), take("a", 10), take("a", 20), take("b", 20)]).toEqual([true, true, false, true]);
    expect(take("a", 1000)).toBe(true);
  });

  it("never holds more than maxKeys keys", () => {
    const take = fixedWindowLimiter({ limit: 1, windowMs: 1000, maxKeys: 2 });
    take("a", 0);
    take("b", 0);
    expect(take("c", 0)).toBe(true);
    // The map was cleared for c: a starts again.
    expect(take("a", 1)).toBe(true);
  });
});
