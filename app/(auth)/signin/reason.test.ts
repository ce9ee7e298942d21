import { describe, expect, it } from "vitest";
import { signInReason } from "./reason";

describe("signInReason", () => {
  it("says why quizzes ask to sign in", () => {
    expect(signInReason("/quiz")).toBe("Sign in to take quizzes and keep your score.");
    expect(signInReason("/quiz/attempt/abc?x=1")).toBe("Sign in to take quizzes and keep your score.");
  });
  it("names the other protected areas", () => {
    expect(signInReason("/dashboard")).toMatch(/progress/);
    expect(signInReason("/teacher/classes/1")).toMatch(/teacher/);
  });
  it("gives no reason for a plain visit or an unrelated path", () => {
    expect(signInReason(null)).toBeNull();
    expect(signInReason("/quizzical")).toBeNull();
    expect(signInReason("/lessons")).toBeNull();
  });
});
