// The one reveal rule (decision 0032), read from the database. Every path that could show a student
// a key, an explanation or a mark asks here: practice, mixed, phase and lesson quizzes and
// "Review my mistakes" leave held questions out; a retry leaves them out; an attempt's view, an
// answer's outcome and the account export show no key, explanation or mark of a held question.
// Nothing is cached: a teacher's edit to a policy, a due date or an extension counts at once.
import { db, type Database } from "@/lib/db";
import { getQuestionBank, getQuestionsForLesson, getQuestionsForPhase } from "./bank";
import { heldQuestionIds, released, shownOf, snapshotTerms, type HoldingSource, type RevealTerms } from "./reveal";

export { attemptTerms, isPractice, released, shownOf, type RevealTerms } from "./reveal";

/** The questions an assignment asks: the teacher's choice, or every built-in question of its scope. */
function assignmentQuestionIds(row: { kind: string; scopeId: string | null; questionIds: unknown }): string[] {
  if (Array.isArray(row.questionIds) && row.questionIds.length > 0) return row.questionIds.filter((id): id is string => typeof id === "string");
  const ids = (list: readonly { id: string }[]) => list.map((q) => q.id);
  if (row.kind === "LESSON") return ids(getQuestionsForLesson(row.scopeId ?? ""));
  if (row.kind === "PHASE") return ids(getQuestionsForPhase(row.scopeId ?? ""));
  return ids(getQuestionBank());
}

function attemptQuestionIds(questionIds: unknown): string[] {
  return Array.isArray(questionIds) ? questionIds.filter((id): id is string => typeof id === "string") : [];
}

/**
 * The question ids held from this student now: every question of an assignment set for them (in any
 * of their classes, archived ones included, or one they have attempted since leaving) whose answers
 * are not released to them, and every question of an attempt whose assignment was deleted before
 * its answers were released. Up to four indexed reads.
 */
export async function heldQuestionIdsFor(userId: string, now: Date): Promise<Set<string>> {
  const [attempts, memberships] = await Promise.all([
    db.attempt.findMany({
      where: { userId, OR: [{ assignmentId: { not: null } }, { revealPolicy: { not: null } }] },
      select: { assignmentId: true, questionIds: true, revealPolicy: true, revealDueAt: true },
    }),
    db.classMember.findMany({ where: { userId }, select: { classId: true } }),
  ]);
  const attempted = [...new Set(attempts.flatMap((a) => (a.assignmentId ? [a.assignmentId] : [])))];
  const classIds = memberships.map((m) => m.classId);
  const select = {
    id: true,
    kind: true,
    scopeId: true,
    questionIds: true,
    reveal: true,
    dueAt: true,
    overrides: { where: { userId }, select: { dueAt: true } },
  } as const;
  // Two reads rather than one with an OR across two columns, which SQLite answers by walking the
  // whole table (tests/integration/query-plans.test.ts).
  const [setForThem, attemptedByThem] = await Promise.all([
    classIds.length === 0
      ? []
      : db.assignment.findMany({
          where: { classId: { in: classIds }, reveal: { not: "IMMEDIATELY" }, OR: [{ targets: { none: {} } }, { targets: { some: { userId } } }] },
          select,
        }),
    attempted.length === 0 ? [] : db.assignment.findMany({ where: { id: { in: attempted }, reveal: { not: "IMMEDIATELY" } }, select }),
  ]);
  const assignments = [...new Map([...setForThem, ...attemptedByThem].map((a) => [a.id, a])).values()];
  const sources: HoldingSource[] = assignments.map((a) => ({
    reveal: a.reveal,
    dueAt: a.overrides[0]?.dueAt ?? a.dueAt,
    questionIds: assignmentQuestionIds(a),
  }));
  for (const a of attempts) {
    const terms = snapshotTerms(a);
    if (a.assignmentId === null && terms) sources.push({ ...terms, questionIds: attemptQuestionIds(a.questionIds) });
  }
  return heldQuestionIds(sources, now);
}

/**
 * Which of an attempt's questions may show their key, explanations and marks now: none while the
 * attempt's own terms hold them, otherwise those no assignment holds. Reads the held set only when
 * the attempt itself is released.
 */
export async function revealedIn(userId: string, terms: RevealTerms | null, questionIds: readonly string[], now: Date): Promise<Set<string>> {
  if (!released(terms, now)) return new Set();
  return shownOf(terms, await heldQuestionIdsFor(userId, now), questionIds, now);
}

/**
 * Before assignments are deleted (one, or a class's): each of their attempts keeps the reveal rule
 * it was taken under, its student's extension included, since the schema then sets its assignment
 * to null. Call it inside the deleting transaction.
 */
export async function keepRevealTerms(tx: Pick<Database, "assignment" | "attempt">, assignments: { id: string } | { classId: string }): Promise<void> {
  const rules = await tx.assignment.findMany({
    where: assignments,
    select: { id: true, reveal: true, dueAt: true, overrides: { where: { dueAt: { not: null } }, select: { userId: true, dueAt: true } } },
  });
  for (const rule of rules) {
    for (const o of rule.overrides) {
      await tx.attempt.updateMany({ where: { assignmentId: rule.id, userId: o.userId }, data: { revealPolicy: rule.reveal, revealDueAt: o.dueAt } });
    }
    await tx.attempt.updateMany({ where: { assignmentId: rule.id, revealPolicy: null }, data: { revealPolicy: rule.reveal, revealDueAt: rule.dueAt } });
  }
}
