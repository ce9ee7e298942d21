import { describe, expect, it } from "vitest";
import { lessonAssignmentsForReader } from "./lesson-assignments";
import { nextSteps, pendingAssignments, type AssignmentForNextStep } from "./next-step";
import type { LessonProgressView } from "./reading";

const lessons = [
  { slug: "one", title: "One" },
  { slug: "two", title: "Two" },
  { slug: "three", title: "Three" },
];
const unread = (slug: string): LessonProgressView => ({ slug, percent: 0, read: false, lastParagraphId: null });
const fresh = lessons.map((l) => unread(l.slug));
const day = (n: number) => new Date(Date.UTC(2026, 11, n));
const assignment = (over: Partial<AssignmentForNextStep>): AssignmentForNextStep => ({
  id: "a1",
  title: "Read one",
  kind: "LESSON",
  scopeId: "one",
  className: "Y12",
  dueAt: day(10),
  status: "not-started",
  canStart: true,
  openAttemptId: null,
  ...over,
});
const base = { lessons, reading: fresh, assignments: [], reviewDue: 0, answeredAny: false };

describe("nextSteps", () => {
  it("gives a brand-new student exactly one first step: the first lesson", () => {
    expect(nextSteps(base)).toEqual([{ kind: "first-lesson", lesson: { slug: "one", title: "One", number: 1 }, href: "/lessons/one" }]);
  });

  it("asks for the reading of a lesson assignment before its quiz, where the student left off", () => {
    const reading = [{ slug: "one", percent: 40, read: false, lastParagraphId: "p4" }, unread("two"), unread("three")];
    const [first] = nextSteps({ ...base, reading, assignments: [assignment({})] });
    expect(first).toMatchObject({ kind: "read-for-assignment", href: "/lessons/one#p4", percent: 40 });
  });

  it("offers the assigned quiz once the lesson is read, or when an attempt is under way", () => {
    const reading = [{ slug: "one", percent: 100, read: true, lastParagraphId: "p9" }, unread("two"), unread("three")];
    expect(nextSteps({ ...base, reading, assignments: [assignment({})] })[0]).toMatchObject({ kind: "quiz-for-assignment", resume: false });
    expect(nextSteps({ ...base, assignments: [assignment({ openAttemptId: "t1", status: "in-progress" })] })[0]).toMatchObject({
      kind: "quiz-for-assignment",
      resume: true,
    });
  });

  it("puts the soonest due first and leaves out work that is done or cannot be started", () => {
    const steps = nextSteps({
      ...base,
      assignments: [
        assignment({ id: "later", kind: "MIXED", scopeId: null, dueAt: day(20) }),
        assignment({ id: "sooner", kind: "PHASE", scopeId: "p1", dueAt: day(5) }),
        assignment({ id: "done", status: "done" }),
        assignment({ id: "used-up", canStart: false }),
      ],
    });
    const ids = steps.flatMap((s) => ("assignment" in s ? [s.assignment.id] : []));
    expect(ids).toEqual(["sooner", "later"]);
  });

  it("continues reading under way, then reviews due, then the next unread lesson", () => {
    const reading = [
      { slug: "one", percent: 100, read: true, lastParagraphId: "p9" },
      { slug: "two", percent: 30, read: false, lastParagraphId: "q3" },
      unread("three"),
    ];
    expect(nextSteps({ ...base, reading, reviewDue: 3, answeredAny: true }).map((s) => s.kind)).toEqual(["continue-reading", "review", "next-lesson"]);
  });

  it("suggests a mixed review when everything is read and nothing is due", () => {
    const reading = lessons.map((l) => ({ slug: l.slug, percent: 100, read: true, lastParagraphId: null }));
    expect(nextSteps({ ...base, reading, answeredAny: true })).toEqual([{ kind: "mixed-review" }]);
  });
});

describe("pendingAssignments", () => {
  it("keeps missing work (still worth doing) and drops late or done work", () => {
    const list = [assignment({ id: "m", status: "missing" }), assignment({ id: "l", status: "late" }), assignment({ id: "d", status: "done" })];
    expect(pendingAssignments(list).map((a) => a.id)).toEqual(["m"]);
  });
});

describe("lessonAssignmentsForReader", () => {
  it("keeps open lesson assignments only, as JSON-ready values", () => {
    const common = {
      className: "Y12",
      dueAt: day(9),
      status: "not-started" as const,
      canStart: true,
      openAttemptId: null,
      bestScore: null,
      late: true,
      startNotice: "Late.",
    };
    const list = lessonAssignmentsForReader([
      { ...common, id: "open", title: "Read one", kind: "LESSON", scopeId: "one", isOpen: true },
      { ...common, id: "closed", title: "Later", kind: "LESSON", scopeId: "one", isOpen: false },
      { ...common, id: "phase", title: "Phase", kind: "PHASE", scopeId: "p1", isOpen: true },
    ]);
    expect(list).toEqual([
      {
        id: "open",
        title: "Read one",
        lessonSlug: "one",
        className: "Y12",
        dueAt: day(9).toISOString(),
        status: "not-started",
        canStart: true,
        resume: false,
        bestScore: null,
        late: true,
        startNotice: "Late.",
      },
    ]);
  });
});
