import { describe, expect, it } from "vitest";
import { assignmentStatus, effectiveDueAt, isSubmitted, type AssignmentStatus, type AttemptTimes } from "./status";

const opensAt = new Date("2026-03-01T09:00:00Z");
const dueAt = new Date("2026-03-08T17:00:00Z");
const extended = new Date("2026-03-10T17:00:00Z");
const t = (iso: string) => new Date(iso);
const before = t("2026-03-05T10:00:00Z");
const after = t("2026-03-09T10:00:00Z");
const afterExtension = t("2026-03-11T10:00:00Z");

type Case = [string, { attempts: AttemptTimes[]; now: Date; overrideDueAt?: Date | null }, AssignmentStatus];

const cases: Case[] = [
  ["nothing yet, before the due date", { attempts: [], now: before }, "not-started"],
  ["nothing yet, before the assignment opens", { attempts: [], now: t("2026-02-20T10:00:00Z") }, "not-started"],
  ["started, not finished, before the due date", { attempts: [{ startedAt: before, finishedAt: null }], now: before }, "in-progress"],
  ["finished before the due date", { attempts: [{ startedAt: before, finishedAt: t("2026-03-05T10:20:00Z") }], now: after }, "done"],
  ["finished exactly at the due date", { attempts: [{ startedAt: before, finishedAt: dueAt }], now: after }, "done"],
  ["finished one second after the due date", { attempts: [{ startedAt: before, finishedAt: t("2026-03-08T17:00:01Z") }], now: after }, "late"],
  ["nothing, due date passed", { attempts: [], now: after }, "missing"],
  ["nothing, at the due instant itself", { attempts: [], now: dueAt }, "not-started"],
  ["started but never finished, due date passed", { attempts: [{ startedAt: before, finishedAt: null }], now: after }, "missing"],
  ["started before, finished after the due date", { attempts: [{ startedAt: before, finishedAt: after }], now: after }, "late"],
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
        { startedAt: before, finishedAt: after },
        { startedAt: after, finishedAt: null },
      ],
      now: after,
    },
    "late",
  ],
  ["extension: nothing yet, past the original due date only", { attempts: [], now: after, overrideDueAt: extended }, "not-started"],
  [
    "extension: working on it after the original due date",
    { attempts: [{ startedAt: after, finishedAt: null }], now: after, overrideDueAt: extended },
    "in-progress",
  ],
  ["extension: finished within the extension", { attempts: [{ startedAt: after, finishedAt: after }], now: afterExtension, overrideDueAt: extended }, "done"],
  [
    "extension: finished after the extension too",
    { attempts: [{ startedAt: after, finishedAt: afterExtension }], now: afterExtension, overrideDueAt: extended },
    "late",
  ],
  ["extension passed with nothing", { attempts: [], now: afterExtension, overrideDueAt: extended }, "missing"],
  ["a null override is no extension", { attempts: [], now: after, overrideDueAt: null }, "missing"],
];

describe("assignmentStatus", () => {
  it.each(cases)("%s", (_, input, expected) => {
    expect(assignmentStatus({ opensAt, dueAt, ...input })).toBe(expected);
  });

  it("uses the extension as the effective due date", () => {
    expect(effectiveDueAt(dueAt, extended)).toBe(extended);
    expect(effectiveDueAt(dueAt, null)).toBe(dueAt);
    expect(effectiveDueAt(dueAt, undefined)).toBe(dueAt);
  });

  it("counts done and late as handed in", () => {
    expect(["not-started", "in-progress", "done", "late", "missing"].filter((s) => isSubmitted(s as AssignmentStatus))).toEqual(["done", "late"]);
  });
});
