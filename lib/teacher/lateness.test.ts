import { describe, expect, it } from "vitest";
import { RevealPolicy } from "@/lib/enums";
import { attemptLabel, attemptMarks, countingRule, gradeOf, isLate, startedAfterReveal, startNotice, type LatePolicy } from "./lateness";

const dueAt = new Date("2026-03-08T17:00:00Z");
const extended = new Date("2026-03-10T17:00:00Z");
const beforeDue = new Date("2026-03-05T10:00:00Z");
const afterDue = new Date("2026-03-09T10:00:00Z");
const afterExtension = new Date("2026-03-11T10:00:00Z");

describe("isLate", () => {
  it("is late only when started strictly after the due date", () => {
    expect(isLate(beforeDue, dueAt)).toBe(false);
    expect(isLate(dueAt, dueAt)).toBe(false);
    expect(isLate(new Date(dueAt.getTime() + 1), dueAt)).toBe(true);
  });

  it("uses her own due date when she has an extension", () => {
    // The caller passes the effective date: past the class's date, inside hers.
    expect(isLate(afterDue, extended)).toBe(false);
    expect(isLate(afterExtension, extended)).toBe(true);
  });
});

describe("startedAfterReveal", () => {
  it("after due: from her own due date on, the instant included (that is when answers are released)", () => {
    expect(startedAfterReveal(beforeDue, "AFTER_DUE", dueAt)).toBe(false);
    expect(startedAfterReveal(dueAt, "AFTER_DUE", dueAt)).toBe(true);
    expect(startedAfterReveal(afterDue, "AFTER_DUE", dueAt)).toBe(true);
    expect(startedAfterReveal(afterDue, "AFTER_DUE", extended)).toBe(false);
  });

  it("never reveals, and immediately is the retake loop the teacher chose: neither is ever 'after the reveal'", () => {
    for (const at of [beforeDue, dueAt, afterDue]) {
      expect(startedAfterReveal(at, "NEVER", dueAt)).toBe(false);
      expect(startedAfterReveal(at, "IMMEDIATELY", dueAt)).toBe(false);
    }
  });
});

describe("attemptMarks: counted under each combination of the two choices and the three reveal policies", () => {
  // [reveal, lateWorkCounts, afterRevealCounts] → counted for an attempt started [before, at, after] the due date.
  type Row = [LatePolicy["reveal"], boolean, boolean, [boolean, boolean, boolean]];
  const rows: Row[] = [
    ["IMMEDIATELY", true, false, [true, true, true]],
    ["IMMEDIATELY", true, true, [true, true, true]],
    ["IMMEDIATELY", false, false, [true, true, false]],
    ["IMMEDIATELY", false, true, [true, true, false]],
    ["AFTER_DUE", true, false, [true, false, false]],
    ["AFTER_DUE", true, true, [true, true, true]],
    ["AFTER_DUE", false, false, [true, false, false]],
    ["AFTER_DUE", false, true, [true, true, false]],
    ["NEVER", true, false, [true, true, true]],
    ["NEVER", true, true, [true, true, true]],
    ["NEVER", false, false, [true, true, false]],
    ["NEVER", false, true, [true, true, false]],
  ];
  it("covers every combination", () => {
    expect(new Set(rows.map(([reveal, late, reveal2]) => `${reveal}${late}${reveal2}`)).size).toBe(Object.values(RevealPolicy).length * 4);
  });
  it.each(rows)("%s, late counts %s, after reveal counts %s", (reveal, lateWorkCounts, afterRevealCounts, expected) => {
    const policy = { reveal, lateWorkCounts, afterRevealCounts };
    expect([beforeDue, dueAt, afterDue].map((at) => attemptMarks(at, dueAt, policy).counted)).toEqual(expected);
    expect([beforeDue, dueAt, afterDue].map((at) => attemptMarks(at, dueAt, policy).late)).toEqual([false, false, true]);
  });

  it("an extension moves both lines: inside it, nothing is late or after the reveal", () => {
    const strict: LatePolicy = { reveal: "AFTER_DUE", lateWorkCounts: false, afterRevealCounts: false };
    expect(attemptMarks(afterDue, extended, strict)).toEqual({ late: false, afterReveal: false, counted: true });
    expect(attemptMarks(afterExtension, extended, strict)).toEqual({ late: true, afterReveal: true, counted: false });
  });
});

describe("gradeOf", () => {
  const attempts = [
    { startedAt: beforeDue, finishedAt: beforeDue, score: 0.4 },
    { startedAt: afterDue, finishedAt: afterDue, score: 1 },
    { startedAt: afterDue, finishedAt: null, score: null },
  ];

  it("F3: after due, a second attempt after the deadline scores 100 % but the grade stays the on-time best", () => {
    expect(gradeOf(attempts, dueAt, { reveal: "AFTER_DUE", lateWorkCounts: true, afterRevealCounts: false })).toEqual({
      counted: 0.4,
      notCounted: 1,
      anyLate: true,
      anyNotCounted: true,
    });
  });

  it("late work that counts raises the grade, marked late", () => {
    expect(gradeOf(attempts, dueAt, { reveal: "IMMEDIATELY", lateWorkCounts: true, afterRevealCounts: false })).toEqual({
      counted: 1,
      notCounted: null,
      anyLate: true,
      anyNotCounted: false,
    });
  });

  it("nothing counted: no grade, the uncounted score kept", () => {
    expect(gradeOf(attempts.slice(1), dueAt, { reveal: "NEVER", lateWorkCounts: false, afterRevealCounts: true })).toMatchObject({
      counted: null,
      notCounted: 1,
    });
  });

  it("no attempts: no grade, nothing late", () => {
    expect(gradeOf([], dueAt, { reveal: "NEVER", lateWorkCounts: true, afterRevealCounts: false })).toEqual({
      counted: null,
      notCounted: null,
      anyLate: false,
      anyNotCounted: false,
    });
  });
});

describe("countingRule", () => {
  it("says what counts as the choices work out under the reveal policy", () => {
    expect(countingRule({ reveal: "IMMEDIATELY", lateWorkCounts: true, afterRevealCounts: false })).toBe("Late work counts, marked late.");
    expect(countingRule({ reveal: "NEVER", lateWorkCounts: false, afterRevealCounts: true })).toBe("Late work does not count.");
    expect(countingRule({ reveal: "AFTER_DUE", lateWorkCounts: true, afterRevealCounts: false })).toBe(
      "Attempts started after the due date do not count: the answers are shown from then on.",
    );
    expect(countingRule({ reveal: "AFTER_DUE", lateWorkCounts: false, afterRevealCounts: true })).toBe(
      "Attempts started after the due date do not count: late work does not count.",
    );
    expect(countingRule({ reveal: "AFTER_DUE", lateWorkCounts: true, afterRevealCounts: true })).toBe(
      "Attempts started after the due date count, marked late.",
    );
  });
});

describe("labels and the notice before starting", () => {
  it("labels each attempt calmly", () => {
    expect(attemptLabel({ late: false, counted: true })).toBeNull();
    expect(attemptLabel({ late: true, counted: true })).toBe("Late");
    expect(attemptLabel({ late: true, counted: false })).toBe("Late · not counted");
    expect(attemptLabel({ late: false, counted: false })).toBe("Not counted");
  });

  it("says nothing on time, and says late and whether it counts after the due date", () => {
    const counts: LatePolicy = { reveal: "IMMEDIATELY", lateWorkCounts: true, afterRevealCounts: false };
    expect(startNotice(beforeDue, dueAt, counts)).toBeNull();
    expect(startNotice(dueAt, dueAt, counts)).toBeNull();
    expect(startNotice(afterDue, dueAt, counts)).toBe("Your due date has passed. An attempt you start now is marked late and still counts toward your grade.");
    expect(startNotice(afterDue, dueAt, { ...counts, lateWorkCounts: false })).toBe(
      "Your due date has passed. An attempt you start now is marked late and does not count toward your grade: your teacher does not count late work.",
    );
    expect(startNotice(afterDue, dueAt, { ...counts, reveal: "AFTER_DUE" })).toBe(
      "Your due date has passed. An attempt you start now is marked late and does not count toward your grade: the answers have been shown since your due date.",
    );
    expect(startNotice(dueAt, dueAt, { ...counts, reveal: "AFTER_DUE" })).toBe(
      "An attempt you start now does not count toward your grade: the answers have been shown since your due date.",
    );
    expect(startNotice(afterDue, extended, { ...counts, reveal: "AFTER_DUE", lateWorkCounts: false })).toBeNull();
  });
});
