import { describe, expect, it } from "vitest";
import { attemptTerms, heldQuestionIds, isPractice, mayReveal, released, shownOf } from "./reveal";

const due = new Date("2026-05-01T12:00:00Z");
const before = new Date("2026-05-01T11:00:00Z");
const after = new Date("2026-05-02T12:00:00Z");

describe("mayReveal", () => {
  it("reveals at once outside assignments and for IMMEDIATELY", () => {
    expect(mayReveal(null, before)).toBe(true);
    expect(mayReveal({ reveal: "IMMEDIATELY", dueAt: due }, before)).toBe(true);
  });
  it("holds AFTER_DUE results back until the due date", () => {
    expect(mayReveal({ reveal: "AFTER_DUE", dueAt: due }, before)).toBe(false);
    expect(mayReveal({ reveal: "AFTER_DUE", dueAt: due }, after)).toBe(true);
  });
  it("uses the learner's extended due date", () => {
    const extended = { reveal: "AFTER_DUE" as const, dueAt: due, overrides: [{ dueAt: new Date("2026-05-03T12:00:00Z") }] };
    expect(mayReveal(extended, after)).toBe(false);
    expect(mayReveal(extended, new Date("2026-05-04T00:00:00Z"))).toBe(true);
  });
  it("never reveals for NEVER", () => expect(mayReveal({ reveal: "NEVER", dueAt: due }, after)).toBe(false));
});

describe("released", () => {
  it("releases practice (no terms) and IMMEDIATELY at once", () => {
    expect(released(null, before)).toBe(true);
    expect(released({ reveal: "IMMEDIATELY", dueAt: due }, before)).toBe(true);
  });
  it("releases AFTER_DUE at the due date itself, not a millisecond before", () => {
    expect(released({ reveal: "AFTER_DUE", dueAt: due }, new Date(due.getTime() - 1))).toBe(false);
    expect(released({ reveal: "AFTER_DUE", dueAt: due }, due)).toBe(true);
  });
  it("never releases NEVER", () => expect(released({ reveal: "NEVER", dueAt: due }, new Date("2100-01-01T00:00:00Z"))).toBe(false));
});

describe("heldQuestionIds", () => {
  const never = { reveal: "NEVER" as const, dueAt: due, questionIds: ["q1", "q2"] };
  const afterDue = { reveal: "AFTER_DUE" as const, dueAt: due, questionIds: ["q2", "q3"] };
  const immediately = { reveal: "IMMEDIATELY" as const, dueAt: due, questionIds: ["q4"] };
  it("holds every question of every source not released yet, and none of a released one", () => {
    expect([...heldQuestionIds([never, afterDue, immediately], before)].sort()).toEqual(["q1", "q2", "q3"]);
  });
  it("a question stays held while any source holds it, even after another releases it", () => {
    expect([...heldQuestionIds([never, afterDue], after)].sort()).toEqual(["q1", "q2"]);
  });
  it("holds nothing without sources", () => expect(heldQuestionIds([], before).size).toBe(0));
});

describe("attemptTerms, isPractice and shownOf", () => {
  const practice = { assignmentId: null, assignment: null, revealPolicy: null, revealDueAt: null };
  it("practice is under no terms and shows every question no assignment holds", () => {
    expect(attemptTerms(practice)).toBeNull();
    expect(isPractice(practice)).toBe(true);
    expect([...shownOf(attemptTerms(practice), new Set(["held"]), ["held", "free"], before)]).toEqual(["free"]);
  });
  it("an assignment's attempt is under its rule, with the student's extension", () => {
    const attempt = { ...practice, assignmentId: "a1", assignment: { reveal: "AFTER_DUE" as const, dueAt: due, overrides: [{ dueAt: after }] } };
    expect(attemptTerms(attempt)).toEqual({ reveal: "AFTER_DUE", dueAt: after });
    expect(isPractice(attempt)).toBe(false);
    expect(shownOf(attemptTerms(attempt), new Set(), ["q1"], new Date("2026-05-01T13:00:00Z")).size).toBe(0);
  });
  it("an attempt whose assignment is gone but not yet recorded as deleted reads as NEVER, not as practice", () => {
    expect(attemptTerms({ ...practice, assignmentId: "gone" })).toMatchObject({ reveal: "NEVER" });
  });
  it("a deleted assignment's attempt keeps the terms it left, and is not practice", () => {
    const kept = { ...practice, revealPolicy: "AFTER_DUE" as const, revealDueAt: due };
    expect(attemptTerms(kept)).toEqual({ reveal: "AFTER_DUE", dueAt: due });
    expect(isPractice(kept)).toBe(false);
    expect(shownOf(attemptTerms(kept), new Set(), ["q1"], before).size).toBe(0);
    expect([...shownOf(attemptTerms(kept), new Set(), ["q1"], after)]).toEqual(["q1"]);
    expect(attemptTerms({ ...practice, revealPolicy: "AFTER_DUE", revealDueAt: null })).toMatchObject({ reveal: "AFTER_DUE" });
    expect(released(attemptTerms({ ...practice, revealPolicy: "AFTER_DUE", revealDueAt: null }), new Date("2100-01-01T00:00:00Z"))).toBe(false);
  });
});
