// The reveal rule (decision 0032), pure: when an assignment's answers are shown to a student, and
// which questions are "held" from them at a moment. A held question's key, explanations and marks
// reach that student on no path; lib/quiz/reveal-rule.ts reads the facts and every path asks it.
import type { RevealPolicy } from "@/lib/enums";

/** A reveal rule as one student is under it: the policy and *their* due date (extension included). */
export type RevealTerms = { reveal: RevealPolicy; dueAt: Date };

/** Whether answers under these terms are shown now; null terms (practice) always are. */
export function released(terms: RevealTerms | null, now: Date): boolean {
  if (!terms) return true;
  if (terms.reveal === "IMMEDIATELY") return true;
  if (terms.reveal === "AFTER_DUE") return now.getTime() >= terms.dueAt.getTime();
  return false;
}

/** Whether this attempt may show correctness and explanations now (the learner's extension in `overrides`). */
export function mayReveal(assignment: { reveal: RevealPolicy; dueAt: Date; overrides?: { dueAt: Date | null }[] } | null, now: Date): boolean {
  if (!assignment) return true;
  return released({ reveal: assignment.reveal, dueAt: assignment.overrides?.[0]?.dueAt ?? assignment.dueAt }, now);
}

/** Something that holds questions back from a student: an assignment set for them, or an attempt of a deleted one. */
export type HoldingSource = RevealTerms & { questionIds: readonly string[] };

/** The question ids held from the student now: those of every source whose answers are not released yet. */
export function heldQuestionIds(sources: readonly HoldingSource[], now: Date): Set<string> {
  const held = new Set<string>();
  for (const source of sources) if (!released(source, now)) for (const id of source.questionIds) held.add(id);
  return held;
}

/** The terms a deleted assignment left on its attempt, if any. */
export function snapshotTerms(attempt: { revealPolicy: RevealPolicy | null; revealDueAt: Date | null }): RevealTerms | null {
  if (attempt.revealPolicy === null) return null;
  // Written together; a missing date is read as "not yet" rather than as released.
  return { reveal: attempt.revealPolicy, dueAt: attempt.revealDueAt ?? new Date(8.64e15) };
}

/**
 * The terms one attempt is under: its assignment's (with the student's extension), or those its
 * deleted assignment left on it, or none for practice. An assignment id whose assignment is gone
 * (deleted between two reads) is read as NEVER, never as practice.
 */
export function attemptTerms(attempt: {
  assignmentId: string | null;
  assignment: { reveal: RevealPolicy; dueAt: Date; overrides: { dueAt: Date | null }[] } | null;
  revealPolicy: RevealPolicy | null;
  revealDueAt: Date | null;
}): RevealTerms | null {
  if (attempt.assignment) return { reveal: attempt.assignment.reveal, dueAt: attempt.assignment.overrides[0]?.dueAt ?? attempt.assignment.dueAt };
  if (attempt.assignmentId !== null) return { reveal: "NEVER", dueAt: new Date(8.64e15) };
  return snapshotTerms(attempt);
}

/** Whether an attempt counts as practice (freely retried): never one that was set as an assignment. */
export function isPractice(attempt: { assignmentId: string | null; revealPolicy: RevealPolicy | null }): boolean {
  return attempt.assignmentId === null && attempt.revealPolicy === null;
}

/** revealedIn with the held set already read (for many attempts at once, as the account export does). */
export function shownOf(terms: RevealTerms | null, held: ReadonlySet<string>, questionIds: readonly string[], now: Date): Set<string> {
  if (!released(terms, now)) return new Set();
  return new Set(questionIds.filter((id) => !held.has(id)));
}
