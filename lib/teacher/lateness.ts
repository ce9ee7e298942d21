// Late work and what counts toward a grade (decision 0036), pure: the gradebook, the CSV, the
// student's work page, the API and the student's own list all ask these functions, so "late" and
// "counted" mean one thing everywhere. Unit-tested on tables in lateness.test.ts.
//
// - An attempt is *late* when it started after the student's own due date (her extension when she
//   has one). At the due instant itself it is on time.
// - An attempt started *after the answers were revealed* began at or after the moment the app
//   released this assignment's answers to her (lib/quiz/reveal.ts): her own due date under
//   AFTER_DUE, never under NEVER. Under IMMEDIATELY every attempt sees its own results, and
//   retaking is the loop the teacher chose with the number of attempts: the setting does not apply.
// - It *counts* unless it is late and late work does not count, or it started after the reveal
//   and such attempts do not count. A grade is the best score among counted finished attempts;
//   the others stay, marked, never deleted.
import { released } from "@/lib/quiz/reveal";
import type { RevealPolicy } from "@/lib/enums";

/** The teacher's choices on an assignment that decide what counts. */
export type LatePolicy = { reveal: RevealPolicy; lateWorkCounts: boolean; afterRevealCounts: boolean };

/** Nothing chosen: late work counts (marked), attempts after the answers were shown do not. */
export const DEFAULT_LATE_POLICY = { lateWorkCounts: true, afterRevealCounts: false } as const;

export type AttemptMarks = {
  /** Started after her due date. */
  late: boolean;
  /** Started once the answers were shown to her (AFTER_DUE only). */
  afterReveal: boolean;
  /** Counts toward her grade. */
  counted: boolean;
};

export function isLate(startedAt: Date, dueAt: Date): boolean {
  return startedAt.getTime() > dueAt.getTime();
}

export function startedAfterReveal(startedAt: Date, reveal: RevealPolicy, dueAt: Date): boolean {
  return reveal !== "IMMEDIATELY" && released({ reveal, dueAt }, startedAt);
}

/** How an attempt started at `startedAt` stands, for a student whose due date is `dueAt` (extension included). */
export function attemptMarks(startedAt: Date, dueAt: Date, policy: LatePolicy): AttemptMarks {
  const late = isLate(startedAt, dueAt);
  const afterReveal = startedAfterReveal(startedAt, policy.reveal, dueAt);
  const counted = (!late || policy.lateWorkCounts) && (!afterReveal || policy.afterRevealCounts);
  return { late, afterReveal, counted };
}

export type ScoredAttempt = { startedAt: Date; finishedAt: Date | null; score: number | null };

/** The best score of the finished attempts, 0..1; null before any is finished. */
export function bestScore(attempts: readonly Pick<ScoredAttempt, "finishedAt" | "score">[]): number | null {
  let best: number | null = null;
  for (const attempt of attempts) {
    if (attempt.finishedAt === null || attempt.score === null) continue;
    if (best === null || attempt.score > best) best = attempt.score;
  }
  return best;
}

export type Grade = {
  /** Best score among counted finished attempts: the grade. */
  counted: number | null;
  /** Best score among finished attempts that do not count; null when there are none. */
  notCounted: number | null;
  /** Whether any attempt (finished or not) started late. */
  anyLate: boolean;
  /** Whether any finished attempt does not count. */
  anyNotCounted: boolean;
};

/** A student's grade on one assignment from her attempts, under the assignment's policy and her due date. */
export function gradeOf(attempts: readonly ScoredAttempt[], dueAt: Date, policy: LatePolicy): Grade {
  const marked = attempts.map((a) => ({ ...a, ...attemptMarks(a.startedAt, dueAt, policy) }));
  const finishedNotCounted = marked.filter((a) => !a.counted && a.finishedAt !== null);
  return {
    counted: bestScore(marked.filter((a) => a.counted)),
    notCounted: bestScore(finishedNotCounted),
    anyLate: marked.some((a) => a.late),
    anyNotCounted: finishedNotCounted.length > 0,
  };
}

/** The marker an attempt carries in lists: "Late", "Late · not counted", "Not counted", or none. */
export function attemptLabel(marks: Pick<AttemptMarks, "late" | "counted">): string | null {
  if (marks.late) return marks.counted ? "Late" : "Late · not counted";
  return marks.counted ? null : "Not counted";
}

/**
 * What a student is told before she starts an attempt now: null when it would be on time and
 * count; otherwise that it is marked late and whether (and why not) it counts toward her grade.
 */
export function startNotice(now: Date, dueAt: Date, policy: LatePolicy): string | null {
  const marks = attemptMarks(now, dueAt, policy);
  if (!marks.late && marks.counted) return null;
  const opening = marks.late ? "Your due date has passed. An attempt you start now is marked late" : "An attempt you start now";
  if (marks.counted) return `${opening} and still counts toward your grade.`;
  const why = marks.late && !policy.lateWorkCounts ? "your teacher does not count late work" : "the answers have been shown since your due date";
  return `${opening} ${marks.late ? "and does not count" : "does not count"} toward your grade: ${why}.`;
}

/** What counts on an assignment, in one sentence, as its choices work out under its reveal policy. */
export function countingRule(policy: LatePolicy): string {
  if (policy.reveal === "AFTER_DUE") {
    // Answers are shown from each student's due date, so a late attempt is also one after the reveal.
    if (!policy.lateWorkCounts) return "Attempts started after the due date do not count: late work does not count.";
    if (!policy.afterRevealCounts) return "Attempts started after the due date do not count: the answers are shown from then on.";
    return "Attempts started after the due date count, marked late.";
  }
  return policy.lateWorkCounts ? "Late work counts, marked late." : "Late work does not count.";
}
