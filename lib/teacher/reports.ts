// A class's reports, loaded in a fixed number of queries whatever the number of students,
// assignments and answers (never a query per row), then computed by the pure functions in
// report-math.ts.
//
// Queries: the access check; then, together, the roster, the assignments (with their targets and
// extensions) and the attempts at them. The gradebook page adds the members' graded answers and
// the teacher-written questions among them (built-in ones are in memory); the questions page
// reads the answers given in the class's assignments instead of the attempts.
import { db } from "@/lib/db";
import { getBlocks, getPhases } from "@/lib/content";
import type { Label } from "@/lib/content/schema";
import { lessonPageHref } from "@/lib/articles/lessons";
import { viewOfVersion } from "@/lib/articles/store";
import { toRenderBlock } from "@/lib/articles/view";
import { getQuestion, getQuestionBank } from "@/lib/quiz/bank";
import type { GradedAnswer } from "@/lib/quiz/mastery";
import { QuestionSchema, type Question } from "@/lib/quiz/schema";
import { toCsv } from "./csv";
import { readingForClass } from "./student-work";
import type { ReadingState } from "./student-work-math";
import type { AssignmentKind } from "./validation";
import { notFound } from "./errors";
import {
  analyseItems,
  buildArticleHeatmap,
  buildGradebook,
  buildMasteryHeatmap,
  gradebookCsvRows,
  moodleGradebookRows,
  canvasGradebookRows,
  type GradebookLayout,
  type AnswerFacts,
  type Gradebook,
  type ItemStats,
  type MasteryHeatmap,
  type ParagraphErrors,
  type RosterStudent,
} from "./report-math";

type ClassFacts = {
  classroom: { id: string; name: string };
  students: RosterStudent[];
  assignments: (Parameters<typeof buildGradebook>[0]["assignments"][number] & { kind: AssignmentKind; scopeId: string | null })[];
  attempts: Parameters<typeof buildGradebook>[0]["attempts"][number][];
};

async function loadClassFacts(teacherId: string, classId: string): Promise<ClassFacts> {
  const classroom = await db.classroom.findFirst({ where: { id: classId, teachers: { some: { userId: teacherId } } }, select: { id: true, name: true } });
  if (!classroom) throw notFound("class");
  const [members, assignments, attempts] = await Promise.all([
    db.classMember.findMany({ where: { classId }, select: { user: { select: { id: true, name: true, email: true } } } }),
    db.assignment.findMany({
      where: { classId },
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
        targets: { select: { userId: true } },
        overrides: { select: { userId: true, dueAt: true, extraAttempts: true } },
      },
    }),
    db.attempt.findMany({
      where: { assignment: { classId } },
      select: { userId: true, assignmentId: true, startedAt: true, finishedAt: true, score: true },
    }),
  ]);
  return {
    classroom,
    students: members.map((m) => m.user),
    assignments: assignments.map(({ targets, ...a }) => ({ ...a, targetIds: targets.map((t) => t.userId) })),
    attempts,
  };
}

/** Students × assignments: best score and status. 4 queries. */
export async function gradebookForClass(teacherId: string, classId: string, now = new Date()): Promise<{ className: string; gradebook: Gradebook }> {
  const facts = await loadClassFacts(teacherId, classId);
  return { className: facts.classroom.name, gradebook: buildGradebook({ ...facts, now }) };
}

/** The gradebook as a CSV file's text (see csv.ts for what makes it safe to open). */
export async function gradebookCsv(
  teacherId: string,
  classId: string,
  now = new Date(),
  layout: GradebookLayout | null = null,
): Promise<{ className: string; csv: string }> {
  const { className, gradebook } = await gradebookForClass(teacherId, classId, now);
  const rows = layout === "moodle" ? moodleGradebookRows(gradebook) : layout === "canvas" ? canvasGradebookRows(gradebook) : gradebookCsvRows(gradebook);
  return { className, csv: toCsv(rows) };
}

/** What the reports need to know about a question: built-in ones are in memory, teacher-written ones are read (one query). */
async function questionFacts(questionIds: string[]) {
  const teacherQuestionIds = [...new Set(questionIds.filter((id) => !getQuestion(id)))];
  const teacherRows =
    teacherQuestionIds.length === 0
      ? []
      : await db.question.findMany({
          where: { id: { in: teacherQuestionIds } },
          select: {
            id: true,
            difficulty: true,
            body: true,
            paragraphIds: true,
            articleId: true,
            phases: { select: { phaseId: true } },
            events: { select: { eventId: true } },
          },
        });

  const questions = new Map<string, Question>();
  const meta = new Map<string, { difficulty: 1 | 2 | 3; phaseIds: string[]; eventIds: string[]; paragraphIds: string[] }>();
  for (const q of getQuestionBank()) questions.set(q.id, q);
  for (const row of teacherRows) {
    const parsed = QuestionSchema.safeParse(row.body);
    if (parsed.success) questions.set(row.id, { ...parsed.data, id: row.id });
    meta.set(row.id, {
      difficulty: row.difficulty >= 3 ? 3 : row.difficulty <= 1 ? 1 : 2,
      phaseIds: row.phases.map((p) => p.phaseId),
      eventIds: row.events.map((e) => e.eventId),
      paragraphIds: Array.isArray(row.paragraphIds) ? row.paragraphIds.filter((id): id is string => typeof id === "string") : [],
    });
  }
  const metaOf = (id: string) => {
    const builtIn = getQuestion(id);
    return builtIn
      ? { difficulty: builtIn.difficulty, phaseIds: builtIn.phaseIds, eventIds: builtIn.eventIds, paragraphIds: builtIn.paragraphIds }
      : meta.get(id);
  };
  const articleOf = new Map(teacherRows.flatMap((row) => (row.articleId ? [[row.id, row.articleId] as const] : [])));
  return { questions, metaOf, articleOf };
}

export type GradebookReport = {
  className: string;
  gradebook: Gradebook;
  mastery: MasteryHeatmap;
  /** For lesson assignments: how far each student has read, keyed by `${studentId}:${assignmentId}`. */
  reading: Map<string, ReadingState>;
};

/**
 * The gradebook page: students × assignments, and mastery by phase. At most 6 queries.
 * Mastery uses every graded answer of the class's students: mastery belongs to the learner and is
 * what their own dashboard shows.
 */
export async function gradebookReport(teacherId: string, classId: string, now = new Date()): Promise<GradebookReport> {
  const facts = await loadClassFacts(teacherId, classId);
  const studentIds = facts.students.map((s) => s.id);
  const lessons = facts.assignments.flatMap((a) => (a.kind === "LESSON" && a.scopeId ? [{ id: a.id, slug: a.scopeId }] : []));
  const [answers, readingBySlug] = await Promise.all([
    db.attemptAnswer.findMany({
      where: { attempt: { userId: { in: studentIds } } },
      orderBy: { answeredAt: "asc" },
      select: { questionId: true, score: true, answeredAt: true, attempt: { select: { userId: true } } },
    }),
    readingForClass(
      studentIds,
      lessons.map((l) => l.slug),
    ),
  ]);
  const reading = new Map<string, ReadingState>();
  for (const studentId of studentIds) {
    for (const lesson of lessons) {
      const state = readingBySlug.get(`${studentId}:${lesson.slug}`);
      if (state) reading.set(`${studentId}:${lesson.id}`, state);
    }
  }
  const { metaOf } = await questionFacts(answers.map((a) => a.questionId));

  const answersByStudent = new Map<string, GradedAnswer[]>();
  for (const a of answers) {
    const m = metaOf(a.questionId);
    if (!m) continue;
    const list = answersByStudent.get(a.attempt.userId) ?? [];
    list.push({ questionId: a.questionId, score: a.score, answeredAt: a.answeredAt, difficulty: m.difficulty, phaseIds: m.phaseIds, eventIds: m.eventIds });
    answersByStudent.set(a.attempt.userId, list);
  }
  return {
    className: facts.classroom.name,
    gradebook: buildGradebook({ ...facts, now }),
    mastery: buildMasteryHeatmap({ students: facts.students, answersByStudent, phases: getPhases(), bank: getQuestionBank() }),
    reading,
  };
}

/** A paragraph of an imported article on the heatmap, with what the page shows of it. */
export type ImportedParagraphErrors = ParagraphErrors & { excerpt: string; label: Label; href: string | null };
export type QuestionReport = {
  className: string;
  items: ItemStats[];
  /** The built-in article's paragraphs. */
  paragraphs: ParagraphErrors[];
  /** Each imported article the class answered questions on, with its own heatmap in its own order. */
  articles: { id: string; title: string; paragraphs: ImportedParagraphErrors[] }[];
};

/**
 * The question analysis page: item analysis and where in the article mistakes happen. At most 4 queries.
 * Only answers the class's current students gave in this class's assignments count.
 */
export async function questionReport(teacherId: string, classId: string): Promise<QuestionReport> {
  const classroom = await db.classroom.findFirst({ where: { id: classId, teachers: { some: { userId: teacherId } } }, select: { name: true } });
  if (!classroom) throw notFound("class");
  const members = await db.classMember.findMany({ where: { classId }, select: { userId: true } });
  const answers = await db.attemptAnswer.findMany({
    where: { attempt: { userId: { in: members.map((m) => m.userId) }, assignment: { classId } } },
    orderBy: { answeredAt: "asc" },
    select: { questionId: true, response: true, score: true, correct: true, answeredAt: true, attempt: { select: { userId: true } } },
  });
  const { questions, metaOf, articleOf } = await questionFacts(answers.map((a) => a.questionId));

  const classAnswers: AnswerFacts[] = answers
    .filter((a) => metaOf(a.questionId))
    .map((a) => ({ userId: a.attempt.userId, questionId: a.questionId, response: a.response, score: a.score, correct: a.correct, answeredAt: a.answeredAt }));
  const paragraphsOf = new Map(classAnswers.map((a) => [a.questionId, metaOf(a.questionId)?.paragraphIds ?? []]));
  return {
    className: classroom.name,
    items: analyseItems(classAnswers, questions),
    paragraphs: buildArticleHeatmap(
      classAnswers.filter((a) => !articleOf.has(a.questionId)),
      paragraphsOf,
      getBlocks().map((b) => b.id),
    ),
    articles: await importedHeatmaps(classAnswers, paragraphsOf, articleOf),
  };
}

/** The heatmap of each imported article, over the version published now (one read for the articles). */
async function importedHeatmaps(
  answers: readonly AnswerFacts[],
  paragraphsOf: ReadonlyMap<string, readonly string[]>,
  articleOf: ReadonlyMap<string, string>,
): Promise<QuestionReport["articles"]> {
  const ids = [...new Set(articleOf.values())];
  if (ids.length === 0) return [];
  const articles = await db.article.findMany({
    where: { id: { in: ids } },
    select: { id: true, slug: true, title: true, publishedVersionId: true },
    orderBy: { title: "asc" },
  });
  const out: QuestionReport["articles"] = [];
  for (const article of articles) {
    if (!article.publishedVersionId) continue;
    const versionId = article.publishedVersionId;
    const view = await viewOfVersion(versionId);
    const heatmap = buildArticleHeatmap(
      answers.filter((a) => articleOf.get(a.questionId) === article.id),
      paragraphsOf,
      view.doc.blocks.map((b) => b.id),
    );
    out.push({
      id: article.id,
      title: article.title,
      paragraphs: heatmap.map((p) => {
        const block = view.block(p.paragraphId);
        const shown = block ? toRenderBlock(block) : undefined;
        const lesson = view.lessonOf(p.paragraphId);
        return {
          ...p,
          excerpt: shown ? (shown.text.length > 160 ? `${shown.text.slice(0, 157)}…` : shown.text) : p.paragraphId,
          label: shown?.label ?? "editorial-note",
          href: lesson ? `${lessonPageHref(versionId, lesson.id)}#${p.paragraphId}` : null,
        };
      }),
    });
  }
  return out;
}
