// What a student should do next, in the order a teacher would want it done: work that is set
// (reading before its quiz, soonest due first), then reading already under way, then reviews
// that are due, then the next lesson. Pure, so the home page and its tests agree on the order.
import type { AssignmentKind } from "@/lib/enums";
import type { AssignmentStatus } from "@/lib/teacher/status";
import type { LessonProgressView } from "./reading";

export type AssignmentForNextStep = {
  id: string;
  title: string;
  kind: AssignmentKind;
  scopeId: string | null;
  className: string;
  dueAt: Date;
  status: AssignmentStatus;
  canStart: boolean;
  openAttemptId: string | null;
};

export type LessonRef = { slug: string; title: string; number: number };

export type NextStep =
  | { kind: "read-for-assignment"; assignment: AssignmentForNextStep; lesson: LessonRef; href: string; percent: number }
  | { kind: "quiz-for-assignment"; assignment: AssignmentForNextStep; resume: boolean }
  | { kind: "continue-reading"; lesson: LessonRef; href: string; percent: number }
  | { kind: "review"; due: number }
  | { kind: "first-lesson"; lesson: LessonRef; href: string }
  | { kind: "next-lesson"; lesson: LessonRef; href: string }
  | { kind: "mixed-review" };

export type NextStepInput = {
  lessons: readonly { slug: string; title: string }[];
  reading: readonly LessonProgressView[];
  assignments: readonly AssignmentForNextStep[];
  reviewDue: number;
  answeredAny: boolean;
};

/** Where to pick a lesson up: the paragraph the learner reached, or its top. */
/** The lesson's page (`/lessons/<slug>` or an imported article's lesson page), at the reader's place when she has one. */
export function lessonHref(page: string, progress: LessonProgressView | undefined): string {
  return progress?.lastParagraphId && !progress.read ? `${page}#${progress.lastParagraphId}` : page;
}

/** Assignments still to do, soonest due first (late ones are still worth doing: they come first). */
export function pendingAssignments<T extends AssignmentForNextStep>(assignments: readonly T[]): T[] {
  return assignments
    .filter((a) => a.canStart && (a.status === "not-started" || a.status === "in-progress" || a.status === "missing"))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

export function nextSteps({ lessons, reading, assignments, reviewDue, answeredAny }: NextStepInput): NextStep[] {
  const refs = new Map(lessons.map((l, i) => [l.slug, { slug: l.slug, title: l.title, number: i + 1 }]));
  const progressOf = (slug: string) => reading.find((r) => r.slug === slug);
  const steps: NextStep[] = [];

  for (const assignment of pendingAssignments(assignments)) {
    const lesson = assignment.kind === "LESSON" && assignment.scopeId ? refs.get(assignment.scopeId) : undefined;
    const progress = lesson ? progressOf(lesson.slug) : undefined;
    // A lesson assignment is read-then-quiz; an attempt already under way goes straight to the quiz.
    if (lesson && !progress?.read && !assignment.openAttemptId) {
      steps.push({ kind: "read-for-assignment", assignment, lesson, href: lessonHref(`/lessons/${lesson.slug}`, progress), percent: progress?.percent ?? 0 });
    } else {
      steps.push({ kind: "quiz-for-assignment", assignment, resume: assignment.openAttemptId !== null });
    }
  }

  const assignedLessons = new Set(steps.flatMap((s) => (s.kind === "read-for-assignment" ? [s.lesson.slug] : [])));
  for (const progress of reading) {
    const lesson = refs.get(progress.slug);
    if (lesson && progress.lastParagraphId && !progress.read && !assignedLessons.has(lesson.slug)) {
      steps.push({ kind: "continue-reading", lesson, href: lessonHref(`/lessons/${lesson.slug}`, progress), percent: progress.percent });
    }
  }

  if (reviewDue > 0) steps.push({ kind: "review", due: reviewDue });

  const started = answeredAny || reading.some((r) => r.read || r.lastParagraphId !== null);
  const unread = lessons.find((l) => !progressOf(l.slug)?.read && !assignedLessons.has(l.slug) && !progressOf(l.slug)?.lastParagraphId);
  const first = refs.get(lessons[0]?.slug ?? "");
  if (!started && steps.length === 0 && first) steps.push({ kind: "first-lesson", lesson: first, href: `/lessons/${first.slug}` });
  else if (unread) {
    const lesson = refs.get(unread.slug);
    if (lesson) steps.push({ kind: "next-lesson", lesson, href: `/lessons/${lesson.slug}` });
  } else if (steps.length === 0) steps.push({ kind: "mixed-review" });
  return steps;
}
