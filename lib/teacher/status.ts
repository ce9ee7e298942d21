// Where a student stands with one assignment. Pure, so the rule is tested on a table of cases
// (status.test.ts) and the gradebook, the CSV and the student's list all agree.
//
// The effective due date is the student's extension (overrideDueAt) when there is one, else the
// assignment's. Each attempt is late or not, counted or not (lateness.ts, decision 0036). Then,
// in this order:
//   done         a counted finished attempt that started on time;
//   late         counted finished attempts, all started late ("Done late");
//   not-counted  finished attempts, none of which counts ("Late, not counted");
//   missing      the due date has passed with no finished attempt (an unfinished one included);
//   in-progress  an attempt started and not finished, due date not yet passed;
//   not-started  otherwise (also before the assignment opens).
// "Passed" means strictly after: at the due instant itself the work still counts as on time.
import { attemptMarks, type LatePolicy } from "./lateness";

export const ASSIGNMENT_STATUSES = ["not-started", "in-progress", "done", "late", "not-counted", "missing"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const STATUS_LABELS: Readonly<Record<AssignmentStatus, string>> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  done: "Done",
  late: "Done late",
  "not-counted": "Late, not counted",
  missing: "Missing",
};

export type AttemptTimes = { startedAt: Date; finishedAt: Date | null };

export type StatusInput = {
  opensAt: Date;
  dueAt: Date;
  overrideDueAt?: Date | null;
  /** What counts (the reveal policy and the two late-work choices). */
  policy: LatePolicy;
  attempts: readonly AttemptTimes[];
  now: Date;
};

export function effectiveDueAt(dueAt: Date, overrideDueAt: Date | null | undefined): Date {
  return overrideDueAt ?? dueAt;
}

export function assignmentStatus({ dueAt, overrideDueAt, policy, attempts, now }: StatusInput): AssignmentStatus {
  const due = effectiveDueAt(dueAt, overrideDueAt);
  const finished = attempts.flatMap((a) => (a.finishedAt ? [attemptMarks(a.startedAt, due, policy)] : []));
  const counted = finished.filter((m) => m.counted);
  if (counted.some((m) => !m.late)) return "done";
  if (counted.length > 0) return "late";
  if (finished.length > 0) return "not-counted";
  if (now.getTime() > due.getTime()) return "missing";
  if (attempts.length > 0) return "in-progress";
  return "not-started";
}

/** Whether a status counts as work handed in (for summaries), whether or not it counts toward the grade. */
export function isSubmitted(status: AssignmentStatus): boolean {
  return status === "done" || status === "late" || status === "not-counted";
}
