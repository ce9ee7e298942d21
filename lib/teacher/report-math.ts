// The computations behind the teacher's reports. Pure: lib/teacher/reports.ts loads a class's
// rows in a fixed number of queries and hands them here, so every rule is unit-tested
// (report-math.test.ts) without a database.
import { LABELS } from "@/lib/content/labels";
import { masteryByPhase, MASTERY_LEVELS, type BankQuestion, type GradedAnswer, type MasteryLevel } from "@/lib/quiz/mastery";
import { ResponseSchema, type Question } from "@/lib/quiz/schema";
import { gradeOf, type LatePolicy } from "./lateness";
import { assignmentStatus, effectiveDueAt, isSubmitted, STATUS_LABELS, type AssignmentStatus } from "./status";

export { bestScore } from "./lateness";

// ---------------------------------------------------------------------------------------------
// Gradebook

export type RosterStudent = { id: string; name: string; email: string };

export type AssignmentFacts = {
  id: string;
  title: string;
  opensAt: Date;
  dueAt: Date;
  maxAttempts: number;
  /** Empty: the whole class. */
  targetIds: readonly string[];
  overrides: readonly { userId: string; dueAt: Date | null; extraAttempts: number }[];
} & LatePolicy;

export type AttemptFacts = { userId: string; assignmentId: string | null; startedAt: Date; finishedAt: Date | null; score: number | null };

export type GradebookCell =
  | { assigned: false }
  | {
      assigned: true;
      status: AssignmentStatus;
      /** The grade: the best score of the counted finished attempts, 0..1; null before one is finished. */
      bestScore: number | null;
      /** The best score of finished attempts that do not count (kept, shown apart); null when none. */
      notCountedScore: number | null;
      /** Whether any attempt started after her due date. */
      late: boolean;
      /** Whether any finished attempt does not count. */
      anyNotCounted: boolean;
      attemptsUsed: number;
      attemptsAllowed: number;
      dueAt: Date;
      extended: boolean;
    };

export type GradebookColumn = {
  id: string;
  title: string;
  dueAt: Date;
  assigned: number;
  submitted: number;
  /** Mean of the grades (counted best scores) of those who have one; null when nobody has. */
  averageScore: number | null;
};

export type Gradebook = {
  columns: GradebookColumn[];
  rows: { student: RosterStudent; cells: GradebookCell[] }[];
};

export function isAssignedTo(assignment: Pick<AssignmentFacts, "targetIds">, userId: string): boolean {
  return assignment.targetIds.length === 0 || assignment.targetIds.includes(userId);
}

/** Students by name, assignments by due date; one cell per student and assignment. */
export function buildGradebook(input: {
  students: readonly RosterStudent[];
  assignments: readonly AssignmentFacts[];
  attempts: readonly AttemptFacts[];
  now: Date;
}): Gradebook {
  const students = [...input.students].sort(byName);
  const assignments = [...input.assignments].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.title.localeCompare(b.title));
  const attemptsByKey = groupBy(input.attempts, (a) => `${a.userId}\u0000${a.assignmentId}`);

  const rows = students.map((student) => ({
    student,
    cells: assignments.map((assignment): GradebookCell => {
      if (!isAssignedTo(assignment, student.id)) return { assigned: false };
      const override = assignment.overrides.find((o) => o.userId === student.id);
      const attempts = attemptsByKey.get(`${student.id}\u0000${assignment.id}`) ?? [];
      const status = assignmentStatus({
        opensAt: assignment.opensAt,
        dueAt: assignment.dueAt,
        overrideDueAt: override?.dueAt ?? null,
        policy: assignment,
        attempts,
        now: input.now,
      });
      const grade = gradeOf(attempts, effectiveDueAt(assignment.dueAt, override?.dueAt ?? null), assignment);
      return {
        assigned: true,
        status,
        bestScore: grade.counted,
        notCountedScore: grade.notCounted,
        late: grade.anyLate,
        anyNotCounted: grade.anyNotCounted,
        attemptsUsed: attempts.length,
        attemptsAllowed: assignment.maxAttempts + (override?.extraAttempts ?? 0),
        dueAt: effectiveDueAt(assignment.dueAt, override?.dueAt ?? null),
        extended: Boolean(override?.dueAt || override?.extraAttempts),
      };
    }),
  }));

  const columns = assignments.map((assignment, index): GradebookColumn => {
    const cells = rows.flatMap((row) => {
      const cell = row.cells[index];
      return cell?.assigned ? [cell] : [];
    });
    const scores = cells.flatMap((cell) => (cell.bestScore === null ? [] : [cell.bestScore]));
    return {
      id: assignment.id,
      title: assignment.title,
      dueAt: assignment.dueAt,
      assigned: cells.length,
      submitted: cells.filter((cell) => isSubmitted(cell.status)).length,
      averageScore: scores.length === 0 ? null : scores.reduce((sum, s) => sum + s, 0) / scores.length,
    };
  });
  return { columns, rows };
}

/** "85%" (rounded to a whole percent); an em dash for no score. */
export function formatPercent(share: number | null): string {
  return share === null ? "—" : `${Math.round(share * 100)}%`;
}

const percentCell = (share: number | null) => (share === null ? "" : String(Math.round(share * 100)));

/**
 * The gradebook as spreadsheet rows: a header, then one row per student. The columns files made
 * before decision 0036 had (best score and status per assignment) keep their place; whether work
 * was late, whether all of it counted and the best score that did not count follow, per assignment.
 */
export function gradebookCsvRows(gradebook: Gradebook): string[][] {
  const header = ["Student", "Email"];
  for (const column of gradebook.columns) header.push(`${column.title}: best score (%)`, `${column.title}: status`);
  for (const column of gradebook.columns) header.push(`${column.title}: late`, `${column.title}: counted`, `${column.title}: best not counted (%)`);
  const rows = gradebook.rows.map(({ student, cells }) => {
    const row = [student.name, student.email];
    for (const cell of cells) {
      if (!cell.assigned) row.push("", "Not assigned");
      else row.push(percentCell(cell.bestScore), STATUS_LABELS[cell.status]);
    }
    for (const cell of cells) {
      if (!cell.assigned) row.push("", "", "");
      else row.push(cell.late ? "yes" : "no", cell.anyNotCounted ? "no" : "yes", percentCell(cell.notCountedScore));
    }
    return row;
  });
  return [header, ...rows];
}

// ---------------------------------------------------------------------------------------------
// Mastery heatmap: students × phases

export type MasteryCell = { phaseId: string; level: MasteryLevel; label: string; answered: number; correct: number };
export type MasteryHeatmap = {
  phases: { id: string; title: string; position: number }[];
  rows: { student: RosterStudent; cells: MasteryCell[] }[];
};

export function buildMasteryHeatmap(input: {
  students: readonly RosterStudent[];
  answersByStudent: ReadonlyMap<string, readonly GradedAnswer[]>;
  phases: readonly { id: string; title: string; position: number }[];
  bank: readonly BankQuestion[];
}): MasteryHeatmap {
  const phases = [...input.phases].sort((a, b) => a.position - b.position);
  const phaseIds = phases.map((p) => p.id);
  const rows = [...input.students].sort(byName).map((student) => {
    const mastery = masteryByPhase(input.answersByStudent.get(student.id) ?? [], phaseIds, input.bank);
    return {
      student,
      cells: phaseIds.map((phaseId): MasteryCell => {
        const m = mastery[phaseId];
        const level = m?.level ?? "not-started";
        return { phaseId, level, label: MASTERY_LEVELS[level].label, answered: m?.answered ?? 0, correct: m?.correct ?? 0 };
      }),
    };
  });
  return { phases: phases.map(({ id, title, position }) => ({ id, title, position })), rows };
}

// ---------------------------------------------------------------------------------------------
// Item analysis

export type AnswerFacts = {
  userId: string;
  questionId: string;
  response: unknown;
  score: number;
  correct: boolean;
  answeredAt: Date;
};

export type WrongChoice = { id: string; text: string; count: number };

export type ItemStats = {
  questionId: string;
  prompt: string;
  /** A classify question's statement (their prompts are alike; the statement tells them apart). */
  statement: string | null;
  type: Question["type"] | "unknown";
  /** Answers counted (every attempt's answer). */
  answers: number;
  /** Share of those answers that were fully correct. */
  correctShare: number;
  /** How often each wrong option (or wrong true/false value, or wrong label) was chosen, most chosen first. */
  wrongChoices: WrongChoice[];
  /** Students who answered it (their latest answer). */
  students: number;
  /** Upper 27 % minus lower 27 % (by total score), as shares correct; null with too few students. */
  discrimination: number | null;
};

/** Below this many students who answered a question, the discrimination index is not computed. */
export const MIN_STUDENTS_FOR_DISCRIMINATION = 4;
export const DISCRIMINATION_GROUP_SHARE = 0.27;

/**
 * Per question: how many answered it right, which wrong choices were made, and how well it tells
 * stronger from weaker students. Questions with the lowest share correct come first.
 *
 * The discrimination index is computed over students, from each student's latest answer to the
 * question. A student's total is the mean score of their latest answers to all questions in the
 * analysis (a mean, since students may have answered different questions). Among the students
 * who answered the question, ranked by total (ties by id, for a stable result), the upper and
 * lower 27 % (rounded, at least one each) are compared: D = share correct above − share below.
 */
export function analyseItems(answers: readonly AnswerFacts[], questions: ReadonlyMap<string, Question>): ItemStats[] {
  const latest = [...latestPerStudentAndQuestion(answers).values()];
  const latestByQuestion = groupBy(latest, (a) => a.questionId);
  const totals = new Map<string, number>();
  for (const [userId, byQuestion] of groupBy(latest, (a) => a.userId)) {
    totals.set(userId, byQuestion.reduce((sum, a) => sum + a.score, 0) / byQuestion.length);
  }

  const stats: ItemStats[] = [];
  for (const [questionId, questionAnswers] of groupBy(answers, (a) => a.questionId)) {
    const question = questions.get(questionId);
    const correct = questionAnswers.filter((a) => a.correct).length;
    const studentLatest = latestByQuestion.get(questionId) ?? [];
    stats.push({
      questionId,
      prompt: question?.prompt ?? questionId,
      statement: question?.type === "classify" ? question.statement : null,
      type: question?.type ?? "unknown",
      answers: questionAnswers.length,
      correctShare: correct / questionAnswers.length,
      wrongChoices: question ? wrongChoices(question, questionAnswers) : [],
      students: studentLatest.length,
      discrimination: discriminationIndex(studentLatest.map((a) => ({ userId: a.userId, correct: a.correct, total: totals.get(a.userId) ?? 0 }))),
    });
  }
  return stats.sort((a, b) => a.correctShare - b.correctShare || b.answers - a.answers || a.questionId.localeCompare(b.questionId));
}

export function discriminationIndex(students: readonly { userId: string; correct: boolean; total: number }[]): number | null {
  const n = students.length;
  if (n < MIN_STUDENTS_FOR_DISCRIMINATION) return null;
  const group = Math.max(1, Math.round(DISCRIMINATION_GROUP_SHARE * n));
  const ranked = [...students].sort((a, b) => b.total - a.total || a.userId.localeCompare(b.userId));
  const share = (list: typeof ranked) => list.filter((s) => s.correct).length / group;
  return share(ranked.slice(0, group)) - share(ranked.slice(n - group));
}

function latestPerStudentAndQuestion(answers: readonly AnswerFacts[]): Map<string, AnswerFacts> {
  const latest = new Map<string, AnswerFacts>();
  for (const answer of answers) {
    const key = `${answer.userId}\u0000${answer.questionId}`;
    const current = latest.get(key);
    if (!current || answer.answeredAt.getTime() >= current.answeredAt.getTime()) latest.set(key, answer);
  }
  return latest;
}

/** The wrong choices in the answers, for the question types that have choices. */
export function wrongChoices(question: Question, answers: readonly Pick<AnswerFacts, "response">[]): WrongChoice[] {
  const counts = new Map<string, number>();
  const add = (id: string) => counts.set(id, (counts.get(id) ?? 0) + 1);
  let texts: Map<string, string>;
  for (const answer of answers) {
    const parsed = ResponseSchema.safeParse(answer.response);
    if (!parsed.success) continue;
    const response = parsed.data;
    if (question.type === "single" && response.type === "single" && response.choice !== question.answer) add(response.choice);
    if (question.type === "multiple" && response.type === "multiple") {
      for (const choice of new Set(response.choices)) if (!question.answer.includes(choice)) add(choice);
    }
    if (question.type === "true-false" && response.type === "true-false" && response.value !== question.answer) add(String(response.value));
    if (question.type === "classify" && response.type === "classify" && response.label !== question.answer) add(response.label);
  }
  switch (question.type) {
    case "single":
    case "multiple":
      texts = new Map(question.options.map((o) => [o.id, o.text]));
      break;
    case "true-false":
      texts = new Map([
        ["true", "True"],
        ["false", "False"],
      ]);
      break;
    case "classify":
      texts = new Map(Object.entries(LABELS).map(([id, label]) => [id, label.name]));
      break;
    default:
      texts = new Map();
  }
  return [...counts]
    .flatMap(([id, count]) => {
      const text = texts.get(id);
      return text === undefined ? [] : [{ id, text, count }];
    })
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

// ---------------------------------------------------------------------------------------------
// Article heatmap: where in the text the class's mistakes lie

export type ParagraphErrors = { paragraphId: string; wrong: number; answered: number };

/**
 * For each paragraph, the class's answers to questions that cite it and how many of them were
 * wrong. An answer to a question citing two paragraphs counts for both. Paragraphs nobody was
 * asked about are left out; the rest come in article order.
 */
export function buildArticleHeatmap(
  answers: readonly Pick<AnswerFacts, "questionId" | "correct">[],
  paragraphsOf: ReadonlyMap<string, readonly string[]>,
  articleOrder: readonly string[],
): ParagraphErrors[] {
  const byParagraph = new Map<string, ParagraphErrors>();
  for (const answer of answers) {
    for (const paragraphId of new Set(paragraphsOf.get(answer.questionId) ?? [])) {
      const entry = byParagraph.get(paragraphId) ?? { paragraphId, wrong: 0, answered: 0 };
      entry.answered += 1;
      if (!answer.correct) entry.wrong += 1;
      byParagraph.set(paragraphId, entry);
    }
  }
  const position = new Map(articleOrder.map((id, index) => [id, index]));
  return [...byParagraph.values()].sort(
    (a, b) =>
      (position.get(a.paragraphId) ?? Number.MAX_SAFE_INTEGER) - (position.get(b.paragraphId) ?? Number.MAX_SAFE_INTEGER) ||
      a.paragraphId.localeCompare(b.paragraphId),
  );
}

// ---------------------------------------------------------------------------------------------

function byName(a: RosterStudent, b: RosterStudent): number {
  return a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || a.email.localeCompare(b.email);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------
// The gradebook in the layouts school gradebooks import (decision 0046; README "Gradebook to
// Moodle and Canvas"). Only grades: each assignment's counted best score as points out of 100,
// empty where there is none (both importers leave an empty cell alone).

export const GRADEBOOK_LAYOUTS = ["moodle", "canvas"] as const;
export type GradebookLayout = (typeof GRADEBOOK_LAYOUTS)[number];

/** "Amira Haddad" → first "Amira", last "Haddad": a one-field name split at its last space. */
export function splitName(name: string): { first: string; last: string } {
  const trimmed = name.trim();
  const cut = trimmed.lastIndexOf(" ");
  return cut === -1 ? { first: trimmed, last: "" } : { first: trimmed.slice(0, cut).trimEnd(), last: trimmed.slice(cut + 1) };
}

const points = (cell: GradebookCell) => (cell.assigned ? percentCell(cell.bestScore) : "");

/**
 * Moodle's grade import from CSV (Grades → Import → CSV file): a user column to map from
 * ("Email address" → useremail) and one column per grade item, mapped on Moodle's preview page.
 */
export function moodleGradebookRows(gradebook: Gradebook): string[][] {
  const header = ["First name", "Last name", "Email address", ...gradebook.columns.map((c) => c.title)];
  const rows = gradebook.rows.map(({ student, cells }) => {
    const { first, last } = splitName(student.name);
    return [first, last, student.email, ...cells.map(points)];
  });
  return [header, ...rows];
}

/**
 * Canvas's gradebook import (Grades → Import): the five columns Canvas's own export starts with,
 * a "Points Possible" row, then one column per assignment. Canvas has no Backchannel ids: students
 * are matched by "SIS Login ID" (the email here) or by name; a column Canvas does not know becomes
 * a new assignment.
 */
export function canvasGradebookRows(gradebook: Gradebook): string[][] {
  const header = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", ...gradebook.columns.map((c) => c.title)];
  const possible = ["Points Possible", "", "", "", "", ...gradebook.columns.map(() => "100")];
  const rows = gradebook.rows.map(({ student, cells }) => {
    const { first, last } = splitName(student.name);
    return [last ? `${last}, ${first}` : first, "", "", student.email, "", ...cells.map(points)];
  });
  return [header, possible, ...rows];
}
