import { describe, expect, it } from "vitest";
import { nameList, previewAssignmentEdit, previewKey, type EditableAssignment, type StudentFacts } from "./assignment-edit";

const t = (iso: string) => new Date(iso);
const now = t("2026-03-05T12:00:00Z");
const base: EditableAssignment = {
  opensAt: t("2026-03-01T09:00:00Z"),
  dueAt: t("2026-03-08T17:00:00Z"),
  reveal: "IMMEDIATELY",
  maxAttempts: 2,
  lateWorkCounts: true,
  afterRevealCounts: false,
  targetIds: [],
};
/** An attempt of twenty minutes (lateness is by when it started). */
const finished = (iso: string) => ({ startedAt: new Date(t(iso).getTime() - 20 * 60_000), finishedAt: t(iso) });
const student = (id: string, name: string, attempts: StudentFacts["attempts"] = [], extra: Partial<StudentFacts> = {}): StudentFacts => ({
  id,
  name,
  overrideDueAt: null,
  extraAttempts: 0,
  attempts,
  ...extra,
});

const amira = student("a", "Amira", [finished("2026-03-04T10:20:00Z")]);
const leo = student("l", "Leo", [finished("2026-03-06T09:00:00Z")]);
const sam = student("s", "Sam");
const messages = (after: Partial<EditableAssignment>, students: StudentFacts[] = [amira, leo, sam], at = now) =>
  previewAssignmentEdit(base, { ...base, ...after }, students, at).consequences.map((c) => c.message);

describe("previewAssignmentEdit", () => {
  it("says nothing when nothing that matters changes, and lists who started", () => {
    const preview = previewAssignmentEdit(base, { ...base }, [amira, leo, sam], now);
    expect(preview.consequences).toEqual([]);
    expect(preview.started.map((s) => s.name)).toEqual(["Amira", "Leo"]);
  });

  it("names the students that fewer attempts leave with none", () => {
    expect(messages({ maxAttempts: 1 })).toEqual(["Allowing 1 attempt leaves Amira and Leo with no attempt left."]);
  });

  it("counts a student's extra attempts", () => {
    const withExtra = student("a", "Amira", amira.attempts, { extraAttempts: 1 });
    expect(messages({ maxAttempts: 1 }, [withExtra])).toEqual([]);
  });

  it("lets a student with an open attempt finish it, and says so", () => {
    const open = student("o", "Omar", [{ startedAt: t("2026-03-05T11:00:00Z"), finishedAt: null }]);
    expect(messages({ maxAttempts: 1 }, [open])).toEqual(["Allowing 1 attempt: Omar can finish the attempt already open, but not start another."]);
  });

  it("says whose attempt a due date moved earlier makes late", () => {
    const result = messages({ dueAt: t("2026-03-05T18:00:00Z") });
    expect(result).toContain("Moving the due date earlier makes Leo’s attempt late.");
    expect(result.join(" ")).not.toContain("Amira");
  });

  it("says whose work becomes missing when the due date moves into the past", () => {
    expect(messages({ dueAt: t("2026-03-04T11:00:00Z") })).toEqual([
      "Moving the due date earlier makes Leo’s attempt late.",
      "Sam has not finished: the work becomes missing.",
    ]);
  });

  it("says whose late attempt counts as on time after a later due date", () => {
    const late = previewAssignmentEdit(
      { ...base, dueAt: t("2026-03-05T10:00:00Z") },
      { ...base, dueAt: t("2026-03-08T17:00:00Z") },
      [leo],
      t("2026-03-07T10:00:00Z"),
    );
    expect(late.consequences.map((c) => c.message)).toEqual(["Leo’s late attempt will count as on time."]);
  });

  it("says whose late work stops counting, or starts to, when the teacher changes the choice (decision 0036)", () => {
    const lateBase = { ...base, dueAt: t("2026-03-05T10:00:00Z") };
    const at = t("2026-03-07T10:00:00Z");
    const stops = previewAssignmentEdit(lateBase, { ...lateBase, lateWorkCounts: false }, [amira, leo, sam], at).consequences.map((c) => c.message);
    expect(stops).toEqual(["Leo’s late attempt will no longer count toward the grade (kept, marked)."]);
    const starts = previewAssignmentEdit({ ...lateBase, lateWorkCounts: false }, lateBase, [leo], at).consequences.map((c) => c.message);
    expect(starts).toContain("Leo’s late attempt will count toward the grade, marked late.");
  });

  it("after due: counting attempts after the answers were shown re-grades the late ones, whose status stays", () => {
    const afterDue = { ...base, reveal: "AFTER_DUE" as const, dueAt: t("2026-03-05T10:00:00Z") };
    const twice = student("a", "Amira", [finished("2026-03-04T10:20:00Z"), finished("2026-03-06T09:00:00Z")]);
    const result = previewAssignmentEdit(afterDue, { ...afterDue, afterRevealCounts: true }, [twice, sam], t("2026-03-07T10:00:00Z"));
    expect(result.consequences.map((c) => c.message)).toEqual([
      "Which of Amira’s attempts count toward the grade changes; grades are worked out again and no attempt is deleted.",
    ]);
  });

  it("ends an extension the new due date overtakes, and keeps its student's status", () => {
    const extended = student("l", "Leo", leo.attempts, { overrideDueAt: t("2026-03-09T17:00:00Z"), extraAttempts: 1 });
    expect(messages({ dueAt: t("2026-03-10T17:00:00Z") }, [extended])).toEqual([
      "Leo’s extension ends: the new due date is as late or later. Extra attempts stay.",
    ]);
  });

  it("warns that taking a student who started off the list hides it from them, and keeps quiet about others", () => {
    const result = messages({ targetIds: ["s"] });
    expect(result).toEqual([
      "Amira and Leo have already started and will no longer see this assignment. Their attempts are kept and come back if you set it for them again.",
    ]);
  });

  it("names students added to a list", () => {
    const narrowed = previewAssignmentEdit({ ...base, targetIds: ["a"] }, { ...base, targetIds: ["a", "s"] }, [amira, sam], now);
    expect(narrowed.consequences.map((c) => c.message)).toEqual(["Now also set for Sam."]);
  });

  it("says a new reveal policy applies to attempts already made", () => {
    expect(messages({ reveal: "NEVER" })).toEqual([
      "Answers and explanations: “Never (scores only)” from now on, also for the attempts Amira and Leo already made.",
    ]);
  });

  it("warns when the opening date moves into the future after students started", () => {
    expect(messages({ opensAt: t("2026-03-06T09:00:00Z") })).toEqual([
      "Amira and Leo started while it was open: their attempts stay, and nobody can start a new one until it opens again.",
    ]);
  });

  it("gives the same key for the same preview and another for another", () => {
    const one = previewAssignmentEdit(base, { ...base, maxAttempts: 1 }, [amira], now);
    const same = previewAssignmentEdit(base, { ...base, maxAttempts: 1 }, [amira], now);
    const other = previewAssignmentEdit(base, { ...base, reveal: "NEVER" }, [amira], now);
    expect(previewKey(one)).toBe(previewKey(same));
    expect(previewKey(one)).not.toBe(previewKey(other));
  });
});

describe("nameList", () => {
  it.each([
    [[], ""],
    [["Amira"], "Amira"],
    [["Amira", "Leo"], "Amira and Leo"],
    [["Amira", "Leo", "Sam"], "Amira, Leo and Sam"],
  ])("%j → %s", (names, text) => expect(nameList(names)).toBe(text));
});
