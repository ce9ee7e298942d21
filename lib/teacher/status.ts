// Where a student stands with one assignment. Pure, so the rule is tested on a table of cases
// (status.test.ts) and the gradebook, the CSV and the student's list all agree.
//
// The effective due date is the student's extension (overrideDueAt) when there is one, else the
// assignment's. Then, in this order:
//   done         a finished attempt at or before the effective due date;
//   late         finished attempts, all after the effective due date;
//   missing      the due date has passed with no finished attempt (an unfinished one included);
//   in-progress  an attempt started and not finished, due date not yet passed;
//   not-started  otherwise (also before the assignment opens).
// "Passed" means strictly after: at the due instant itself the work still counts as on time.

export const ASSIGNMENT_STATUSES = ["not-started", "in-progress", "done", "late", "missing"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const STATUS_LABELS: Readonly<Record<AssignmentStatus, string>> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  done: "Done",
  late: "Late",
  missing: "Missing",
};

export type AttemptTimes = { startedAt: Date; finishedAt: Date | null };

export type StatusInput = {
  opensAt: Date;
  dueAt: Date;
  overrideDueAt?: Date | null;
  attempts: readonly AttemptTimes[];
  now: Date;
};

export function effectiveDueAt(dueAt: Date, overrideDueAt: Date | null | undefined): Date {
  return overrideDueAt ?? dueAt;
}

export function assignmentStatus({ dueAt, overrideDueAt, attempts, now }: StatusInput): AssignmentStatus {
  const due = effectiveDueAt(dueAt, overrideDueAt).getTime();
  const finished = attempts.flatMap((a) => (a.finishedAt ? [a.finishedAt.getTime()] : []));
  if (finished.some((at) => at <= due)) return "done";
  if (finished.length > 0) return "late";
  if (now.getTime() > due) return "missing";
  if (attempts.length > 0) return "in-progress";
  return "not-started";
}

/** Whether a status counts as work handed in (for summaries). */
export function isSubmitted(status: AssignmentStatus): boolean {
  return status === "done" || status === "late";
}
