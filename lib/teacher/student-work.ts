// One student's work on one assignment, as their teacher reads it from a gradebook cell: every
// attempt with each question, the student's answer, right or wrong, the answer and why, and how
// long it took; for a lesson, how far they read. Teachers always see the key: the reveal policy
// governs what students see. Another teacher's class, an assignment of another class, or a
// student who is not in the class: not found, in the same words as one that does not exist.
import { db } from "@/lib/db";
import { describeLessons } from "@/lib/articles/lessons";
import { grade } from "@/lib/quiz/grading";
import { paragraphLinks, type ParagraphLink } from "@/lib/quiz/links";
import { findQuestions } from "@/lib/quiz/questions";
import { ResponseSchema } from "@/lib/quiz/schema";
import { scopeTitle } from "./assignments";
import { requireTeaching } from "./classes";
import { notFound } from "./errors";
import { attemptLabel, attemptMarks, countingRule, gradeOf } from "./lateness";
import { assignmentStatus, effectiveDueAt, type AssignmentStatus } from "./status";
import { describeResponse, formatDuration, readingState, type ReadingState } from "./student-work-math";

export type ReviewedItem = {
  position: number;
  questionId: string;
  prompt: string;
  /** A classify question's statement, which is what it asks about. */
  statement: string | null;
  answered: { studentAnswer: string; correctAnswer: string; correct: boolean; score: number; explanation: string; links: ParagraphLink[] } | null;
};

export type ReviewedAttempt = {
  id: string;
  number: number;
  startedAt: Date;
  finishedAt: Date | null;
  duration: string | null;
  /** Started after her due date (decision 0036). */
  late: boolean;
  /** Counts toward her grade. */
  counted: boolean;
  /** "Late", "Late · not counted", "Not counted", or null. */
  label: string | null;
  score: number | null;
  answeredCount: number;
  items: ReviewedItem[];
};

export type StudentWork = {
  student: { id: string; name: string };
  assignment: { id: string; title: string; scope: string; kind: string; dueAt: Date; extended: boolean; attemptsAllowed: number };
  status: AssignmentStatus;
  /** The grade: best score of the counted finished attempts. */
  bestScore: number | null;
  /** Best score of the finished attempts that do not count; null when none. */
  notCountedScore: number | null;
  /** What counts on this assignment, in words. */
  countingRule: string;
  reading: ReadingState | null;
  attempts: ReviewedAttempt[];
};

export async function studentWorkForTeacher(
  teacherId: string,
  classId: string,
  assignmentId: string,
  studentId: string,
  now = new Date(),
): Promise<StudentWork> {
  await requireTeaching(teacherId, classId);
  const [assignment, member] = await Promise.all([
    db.assignment.findFirst({
      where: { id: assignmentId, classId },
      select: {
        id: true,
        title: true,
        kind: true,
        scopeId: true,
        opensAt: true,
        dueAt: true,
        maxAttempts: true,
        reveal: true,
        lateWorkCounts: true,
        afterRevealCounts: true,
        overrides: { where: { userId: studentId }, select: { dueAt: true, extraAttempts: true } },
      },
    }),
    db.classMember.findUnique({ where: { classId_userId: { classId, userId: studentId } }, select: { user: { select: { id: true, name: true } } } }),
  ]);
  if (!assignment) throw notFound("assignment");
  if (!member) throw notFound("student");

  const [attempts, progress] = await Promise.all([
    db.attempt.findMany({
      where: { assignmentId, userId: studentId },
      orderBy: { startedAt: "asc" },
      select: {
        id: true,
        startedAt: true,
        finishedAt: true,
        score: true,
        questionIds: true,
        answers: { select: { questionId: true, response: true, correct: true, score: true } },
      },
    }),
    assignment.kind === "LESSON" && assignment.scopeId
      ? db.lessonProgress.findUnique({
          where: { userId_lessonSlug: { userId: studentId, lessonSlug: assignment.scopeId } },
          select: { readAt: true, lastParagraphId: true },
        })
      : Promise.resolve(null),
  ]);
  const questionIds = attempts.flatMap((a) => (Array.isArray(a.questionIds) ? a.questionIds.filter((id): id is string => typeof id === "string") : []));
  const questions = await findQuestions([...new Set(questionIds)]);

  const override = assignment.overrides[0] ?? null;
  const dueAt = effectiveDueAt(assignment.dueAt, override?.dueAt ?? null);
  const graded = gradeOf(attempts, dueAt, assignment);
  const reviewed = attempts.map((attempt, index): ReviewedAttempt => {
    const ids = Array.isArray(attempt.questionIds) ? attempt.questionIds.filter((id): id is string => typeof id === "string") : [];
    const items = ids.flatMap((questionId, position): ReviewedItem[] => {
      const question = questions.get(questionId);
      if (!question) return [];
      const answer = attempt.answers.find((a) => a.questionId === questionId);
      const response = answer ? ResponseSchema.safeParse(answer.response) : null;
      let answered: ReviewedItem["answered"] = null;
      if (answer && response?.success) {
        let correctAnswer: string;
        try {
          correctAnswer = grade(question, response.data).feedback.correctAnswer.text;
        } catch {
          // A response that no longer fits an edited question: show what is stored, not a crash.
          correctAnswer = "(the question has changed since)";
        }
        answered = {
          studentAnswer: describeResponse(question, response.data),
          correctAnswer,
          correct: answer.correct,
          score: answer.score,
          explanation: question.explanation,
          links: paragraphLinks(question.paragraphIds),
        };
      }
      return [{ position, questionId, prompt: question.prompt, statement: question.type === "classify" ? question.statement : null, answered }];
    });
    const marks = attemptMarks(attempt.startedAt, dueAt, assignment);
    return {
      id: attempt.id,
      number: index + 1,
      startedAt: attempt.startedAt,
      finishedAt: attempt.finishedAt,
      duration: formatDuration(attempt.startedAt, attempt.finishedAt),
      late: marks.late,
      counted: marks.counted,
      label: attemptLabel(marks),
      score: attempt.score,
      answeredCount: attempt.answers.length,
      items,
    };
  });

  const lessonBlocks =
    assignment.kind === "LESSON" && assignment.scopeId ? ((await describeLessons([assignment.scopeId])).get(assignment.scopeId)?.blockIds ?? []) : null;
  return {
    student: member.user,
    assignment: {
      id: assignment.id,
      title: assignment.title,
      scope: scopeTitle(assignment.kind, assignment.scopeId),
      kind: assignment.kind,
      dueAt,
      extended: Boolean(override?.dueAt),
      attemptsAllowed: assignment.maxAttempts + (override?.extraAttempts ?? 0),
    },
    status: assignmentStatus({
      opensAt: assignment.opensAt,
      dueAt: assignment.dueAt,
      overrideDueAt: override?.dueAt ?? null,
      policy: assignment,
      attempts,
      now,
    }),
    bestScore: graded.counted,
    notCountedScore: graded.notCounted,
    countingRule: countingRule(assignment),
    reading: lessonBlocks ? readingState(lessonBlocks, progress ?? undefined) : null,
    attempts: reviewed,
  };
}

/**
 * Reading status of the class's students for the lesson assignments: one query for the whole
 * class. Keyed by `${studentId}:${lessonSlug}`.
 */
export async function readingForClass(studentIds: readonly string[], lessonSlugs: readonly string[]): Promise<Map<string, ReadingState>> {
  const result = new Map<string, ReadingState>();
  if (studentIds.length === 0 || lessonSlugs.length === 0) return result;
  const rows = await db.lessonProgress.findMany({
    where: { userId: { in: [...studentIds] }, lessonSlug: { in: [...new Set(lessonSlugs)] } },
    select: { userId: true, lessonSlug: true, readAt: true, lastParagraphId: true },
  });
  const lessons = await describeLessons(lessonSlugs);
  const bySlug = new Map(lessonSlugs.map((slug) => [slug, lessons.get(slug)?.blockIds ?? []]));
  const rowByKey = new Map(rows.map((r) => [`${r.userId}:${r.lessonSlug}`, r]));
  for (const studentId of studentIds) {
    for (const [slug, blockIds] of bySlug) {
      result.set(`${studentId}:${slug}`, readingState(blockIds, rowByKey.get(`${studentId}:${slug}`)));
    }
  }
  return result;
}
