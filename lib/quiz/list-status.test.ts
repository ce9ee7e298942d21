import { describe, expect, it } from "vitest";
import { practiceStatus, practiceStatusText, type PracticeAttempt } from "./list-status";

const day = (n: number) => new Date(Date.UTC(2026, 2, n));
const lesson = (slug: string, finishedAt: Date | null, score: number | null): PracticeAttempt => ({ kind: "LESSON", scopeId: slug, finishedAt, score });

describe("practiceStatus", () => {
  it("is not started without attempts at that quiz", () => {
    expect(practiceStatus([lesson("other", day(1), 1)], "LESSON", "potato")).toEqual({ state: "not-started" });
    expect(practiceStatusText({ state: "not-started" })).toBe("Not started");
  });

  it("is in progress with an open attempt, keeping the best finished score", () => {
    expect(practiceStatus([lesson("potato", null, null)], "LESSON", "potato")).toEqual({ state: "in-progress", best: null });
    const status = practiceStatus([lesson("potato", day(1), 0.6), lesson("potato", null, null)], "LESSON", "potato");
    expect(practiceStatusText(status)).toBe("In progress · best so far 60%");
  });

  it("is done with the best of the finished attempts", () => {
    const status = practiceStatus([lesson("potato", day(1), 0.6), lesson("potato", day(2), 0.8), lesson("potato", day(3), 0.5)], "LESSON", "potato");
    expect(status).toEqual({ state: "done", best: 0.8, finished: 3 });
    expect(practiceStatusText(status)).toBe("Best 80%");
  });

  it("tells kinds apart: a phase quiz is not a lesson quiz with the same id", () => {
    expect(practiceStatus([{ kind: "PHASE", scopeId: "x", finishedAt: day(1), score: 1 }], "LESSON", "x").state).toBe("not-started");
  });
});
