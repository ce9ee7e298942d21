// Where a learner stands with each practice quiz on the quiz list: not started, in progress, or
// done with a best score. Pure: the page passes the learner's practice attempts.
import type { QuizKind } from "./attempts";

export type PracticeAttempt = { kind: QuizKind; scopeId: string | null; finishedAt: Date | null; score: number | null };

export type PracticeStatus = { state: "not-started" } | { state: "in-progress"; best: number | null } | { state: "done"; best: number; finished: number };

export function practiceStatus(attempts: readonly PracticeAttempt[], kind: QuizKind, scopeId: string | null): PracticeStatus {
  const mine = attempts.filter((a) => a.kind === kind && a.scopeId === scopeId);
  const finished = mine.filter((a) => a.finishedAt !== null);
  const best = finished.length > 0 ? Math.max(...finished.map((a) => a.score ?? 0)) : null;
  if (mine.some((a) => a.finishedAt === null)) return { state: "in-progress", best };
  if (best !== null) return { state: "done", best, finished: finished.length };
  return { state: "not-started" };
}

/** The status in words, for the card: "Not started", "In progress", "Best 80 %". */
export function practiceStatusText(status: PracticeStatus): string {
  if (status.state === "not-started") return "Not started";
  if (status.state === "in-progress") return status.best === null ? "In progress" : `In progress · best so far ${Math.round(status.best * 100)}%`;
  return `Best ${Math.round(status.best * 100)}%`;
}
