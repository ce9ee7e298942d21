import { describe, expect, it } from "vitest";
import { signInError, signInNotice, signInReason } from "./reason";

describe("signInReason", () => {
  it("says why quizzes ask to sign in", () => {
    expect(signInReason("/quiz")).toBe("Sign in to take quizzes and keep your score.");
    expect(signInReason("/quiz/attempt/abc?x=1")).toBe("Sign in to take quizzes and keep your score.");
  });
  it("names the other protected areas", () => {
    expect(signInReason("/dashboard")).toMatch(/progress/);
    expect(signInReason("/teacher/classes/1")).toMatch(/teacher/);
    expect(signInReason("/classes")).toBe("Sign in to see your classes and assignments.");
  });
  it("tells someone who followed a join link that they can create an account", () => {
    expect(signInReason("/classes/join?code=ABCD2345")).toBe("Sign in, or create an account, to join your class.");
  });
  it("gives no reason for a plain visit or an unrelated path", () => {
    expect(signInReason(null)).toBeNull();
    expect(signInReason("/quizzical")).toBeNull();
    expect(signInReason("/lessons")).toBeNull();
  });
});

describe("signInNotice", () => {
  it("says what happened after a session was ended on purpose", () => {
    expect(signInNotice("signed-out-everywhere")).toBe("You have been signed out on every device.");
    expect(signInNotice("password-reset")).toMatch(/new password/);
  });
  it("ignores anything else", () => {
    expect(signInNotice(undefined)).toBeNull();
    expect(signInNotice("toString")).toBeNull();
    expect(signInNotice("<script>")).toBeNull();
  });
});

describe("signInError", () => {
  it("says in words why a school sign-in came back, and never shows the raw code", () => {
    expect(signInError("OAuthCallbackError")).toMatch(/cancelled or refused at your school's sign-in page/);
    expect(signInError("SchoolEmailMissing")).toMatch(/did not share an email address/);
    expect(signInError("SchoolEmailUnverified")).toMatch(/not verified/);
    expect(signInError("Configuration")).toMatch(/did not work.*tell your teacher/);
    expect(signInError("<script>")).not.toContain("<script>");
    expect(signInError("toString")).toMatch(/did not work/);
  });
  it("has nothing to say without an error", () => {
    expect(signInError(undefined)).toBeNull();
    expect(signInError("")).toBeNull();
    expect(signInError(["OAuthCallbackError"])).toBeNull();
  });
});
