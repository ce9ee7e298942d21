// The lesson assignments a reader sees at the end of a lesson: open ones only, as plain JSON.
import type { AssignmentStatus } from "@/lib/teacher/status";

export type ReaderLessonAssignment = {
  id: string;
  title: string;
  lessonSlug: string;
  className: string;
  dueAt: string;
  status: AssignmentStatus;
  canStart: boolean;
  resume: boolean;
  bestScore: number | null;
  late: boolean;
  /** Said before a new attempt: marked late, and whether it counts (decision 0036). */
  startNotice: string | null;
};

type Source = {
  id: string;
  title: string;
  kind: string;
  scopeId: string | null;
  className: string;
  dueAt: Date;
  isOpen: boolean;
  status: AssignmentStatus;
  canStart: boolean;
  openAttemptId: string | null;
  bestScore: number | null;
  late: boolean;
  startNotice: string | null;
};

export function lessonAssignmentsForReader(assignments: readonly Source[]): ReaderLessonAssignment[] {
  return assignments.flatMap((a) =>
    a.kind === "LESSON" && a.scopeId && a.isOpen
      ? [
          {
            id: a.id,
            title: a.title,
            lessonSlug: a.scopeId,
            className: a.className,
            dueAt: a.dueAt.toISOString(),
            status: a.status,
            canStart: a.canStart,
            resume: a.openAttemptId !== null,
            bestScore: a.bestScore,
            late: a.late,
            startNotice: a.startNotice,
          },
        ]
      : [],
  );
}
