import { describe, expect, it } from "vitest";
import type { LatePolicy } from "./lateness";
import { assignmentStatus, effectiveDueAt, isSubmitted, ASSIGNMENT_STATUSES, type AttemptTimes, type AssignmentStatus } from "./status";

const opensAt = new Date("2026-03-01T09:00:00Z");
const dueAt = new Date("2026-03-08T17:00:00Z");
const extended = new Date("2026-03-10T17:00:00Z");
const t = (iso: string) => new Date(iso);
const before = t("2026-03-05T10:00:00Z");
const after = t("2026-03-09T10:00:00Z");
const afterExtension = t("2026-03-11T10:00:00Z");

/** Today's behaviour: late work counts (marked), answers shown after each answer. */
const counts: LatePolicy = { reveal: "IMMEDIATELY", lateWorkCounts: true, afterRevealCounts: false };
const lateNotCounted: LatePolicy = { ...counts, lateWorkCounts: false };
const afterDue: LatePolicy = { reveal: "AFTER_DUE", lateWorkCounts: true, afterRevealCounts: false };

type Case = [string, { attempts: AttemptTimes[]; now: Date; overrideDueAt?: Date | null; policy?: LatePolicy }, AssignmentStatus];

const cases: Case[] = [
  ["nothing yet, before the due date", { attempts: [], now: before }, "not-started"],
  ["nothing yet, before the assignment opens", { attempts: [], now: t("2026-02-20T10:00:00Z") }, "not-started"],
  ["started, not finished, before the due date", { attempts: [{ startedAt: before, finishedAt: null }], now: before }, "in-progress"],
  ["finished before the due date", { attempts: [{ startedAt: before, finishedAt: t("2026-03-05T10:20:00Z") }], now: after }, "done"],
  ["finished exactly at the due date", { attempts: [{ startedAt: before, finishedAt: dueAt }], now: after }, "done"],
  ["started exactly at the due date: on time", { attempts: [{ startedAt: dueAt, finishedAt: after }], now: after }, "done"],
  ["started one second after the due date: late", { attempts: [{ startedAt: t("2026-03-08T17:00:01Z"), finishedAt: after }], now: after }, "late"],
  ["nothing, due date passed", { attempts: [], now: after }, "missing"],
  ["nothing, at the due instant itself", { attempts: [], now: dueAt }, "not-started"],
  ["started but never finished, due date passed", { attempts: [{ startedAt: before, finishedAt: null }], now: after }, "missing"],
  ["started before, finished after the due date: on time (lateness is by start)", { attempts: [{ startedAt: before, finishedAt: after }], now: after }, "done"],
  [
    "one on-time and one late attempt: on time wins",
    {
      attempts: [
        { startedAt: before, finishedAt: before },
        { startedAt: after, finishedAt: after },
      ],
      now: after,
    },
    "done",
  ],
  [
    "a finished late attempt and an open one",
    {
      attempts: [
        { startedAt: after, finishedAt: after },
        { startedAt: after, finishedAt: null },
      ],
      now: after,
    },
    "late",
  ],
  [
    "late work does not count: a late attempt is not counted",
    { attempts: [{ startedAt: after, finishedAt: after }], now: after, policy: lateNotCounted },
    "not-counted",
  ],
  [
    "late work does not count, but an on-time attempt is there: done",
    {
      attempts: [
        { startedAt: before, finishedAt: before },
        { startedAt: after, finishedAt: after },
      ],
      now: after,
      policy: lateNotCounted,
    },
    "done",
  ],
  [
    "after due: a late attempt started after the answers were shown does not count",
    { attempts: [{ startedAt: after, finishedAt: after }], now: after, policy: afterDue },
    "not-counted",
  ],
  [
    "after due, counting attempts after the reveal: done late",
    { attempts: [{ startedAt: after, finishedAt: after }], now: after, policy: { ...afterDue, afterRevealCounts: true } },
    "late",
  ],
  [
    "late work does not count, only an open late attempt: missing",
    { attempts: [{ startedAt: after, finishedAt: null }], now: after, policy: lateNotCounted },
    "missing",
  ],
  ["extension: nothing yet, past the original due date only", { attempts: [], now: after, overrideDueAt: extended }, "not-started"],
  [
    "extension: working on it after the original due date",
    { attempts: [{ startedAt: after, finishedAt: null }], now: after, overrideDueAt: extended },
    "in-progress",
  ],
  ["extension: finished within the extension", { attempts: [{ startedAt: after, finishedAt: after }], now: afterExtension, overrideDueAt: extended }, "done"],
  [
    "extension: within it, late work not counted and answers after due: still done",
    { attempts: [{ startedAt: after, finishedAt: after }], now: afterExtension, overrideDueAt: extended, policy: { ...afterDue, lateWorkCounts: false } },
    "done",
  ],
  [
    "extension: started after the extension too",
    { attempts: [{ startedAt: afterExtension, finishedAt: afterExtension }], now: afterExtension, overrideDueAt: extended },
    "late",
  ],
  ["extension passed with nothing", { attempts: [], now: afterExtension, overrideDueAt: extended }, "missing"],
  ["a null override is no extension", { attempts: [], now: after, overrideDueAt: null }, "missing"],
];

describe("assignmentStatus", () => {
  it.each(cases)("%s", (_, { policy = counts, ...input }, expected) => {
    expect(assignmentStatus({ opensAt, dueAt, policy, ...input })).toBe(expected);
  });

  it("uses the extension as the effective due date", () => {
    expect(effectiveDueAt(dueAt, extended)).toBe(extended);
    expect(effectiveDueAt(dueAt, null)).toBe(dueAt);
    expect(effectiveDueAt(dueAt, undefined)).toBe(dueAt);
  });

  it("counts done, done late and late work that does not count as handed in", () => {
    expect(ASSIGNMENT_STATUSES.filter((s) => isSubmitted(s))).toEqual(["done", "late", "not-counted"]);
  });
});
