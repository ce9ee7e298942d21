// When an attempt may show correctness and explanations: an assignment can hold them back.
import type { RevealPolicy } from "@/lib/enums";

/** Whether this attempt may show correctness and explanations now. */
export function mayReveal(assignment: { reveal: RevealPolicy; dueAt: Date; overrides?: { dueAt: Date | null }[] } | null, now: Date): boolean {
  if (!assignment) return true;
  if (assignment.reveal === "IMMEDIATELY") return true;
  if (assignment.reveal === "AFTER_DUE") {
    const due = assignment.overrides?.[0]?.dueAt ?? assignment.dueAt;
    return now.getTime() >= due.getTime();
  }
  return false;
}
