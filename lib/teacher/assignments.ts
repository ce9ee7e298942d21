// Assignments: a lesson, a phase or a mixed review set for a class (or for chosen students in it),
// with an opening and a due date, a reveal policy and a number of attempts; extensions per student.
// Teacher functions only touch assignments in classes the teacher teaches ("not found" otherwise);
// student functions only the assignments set for that student.
import { db } from "@/lib/db";
import { fieldErrors } from "@/lib/auth/validation";
import { getLesson, getPhase } from "@/lib/content";
import { getQuestion } from "@/lib/quiz/bank";
import { startOrResumeAttempt } from "@/lib/quiz/attempts";
import { findQuestions } from "@/lib/quiz/questions";
import { seededShuffle } from "@/lib/quiz/shuffle";
import { fieldError, notFound } from "./errors";
import { DomainError } from "@/lib/errors";
import { requireTeaching } from "./classes";
import { mayReveal } from "@/lib/quiz/reveal";
import { keepRevealTerms } from "@/lib/quiz/reveal-rule";
import { gradeOf, startNotice } from "./lateness";
import { assignmentStatus, effectiveDueAt, type AssignmentStatus } from "./status";
import { previewAssignmentEdit, previewKey, type EditPreview, type StudentFacts } from "./assignment-edit";
import { findLesson } from "@/lib/articles/lessons";
import { assignmentEditSchema, assignmentInputSchema, extensionInputSchema, type AssignmentKind, type RevealPolicy } from "./validation";

export type AssignmentSummary = {
  id: string;
  classId: string;
  title: string;
  kind: AssignmentKind;
  scopeId: string | null;
  opensAt: Date;
  dueAt: Date;
  reveal: RevealPolicy;
  maxAttempts: number;
  /** Whether attempts started after a student's due date count (decision 0036). */
  lateWorkCounts: boolean;
  /** Whether attempts started once the answers were shown to her count. */
  afterRevealCounts: boolean;
  /** Teacher-chosen questions; null: the scope's built-in questions. */
  questionIds: string[] | null;
  /** Empty: the whole class. */
  targets: { id: string; name: string }[];
  extensions: { userId: string; name: string; dueAt: Date | null; extraAttempts: number }[];
};

/** "Lesson: Potato diplomacy", "Phase 2: …", "Mixed review of the whole article". */
export function scopeTitle(kind: AssignmentKind, scopeId: string | null): string {
  if (kind === "LESSON") return `Lesson: ${getLesson(scopeId ?? "")?.title ?? scopeId}`;
  if (kind === "PHASE") {
    const phase = getPhase(scopeId ?? "");
    return phase ? `Phase ${phase.position}: ${phase.title}` : `Phase: ${scopeId}`;
  }
  return "Mixed review of the whole article";
}

function stringIds(value: unknown): string[] | null {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === "string") : null;
}

/** What the teacher's list and the student's list both show of an assignment. */
const ASSIGNMENT_FIELDS = {
  title: true,
  kind: true,
  scopeId: true,
  opensAt: true,
  dueAt: true,
  reveal: true,
  maxAttempts: true,
  lateWorkCounts: true,
  afterRevealCounts: true,
  questionIds: true,
} as const;

export async function listAssignments(teacherId: string, classId: string): Promise<AssignmentSummary[]> {
  await requireTeaching(teacherId, classId);
  const rows = await db.assignment.findMany({
    where: { classId },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      classId: true,
      ...ASSIGNMENT_FIELDS,
      targets: { select: { user: { select: { id: true, name: true } } } },
      overrides: { select: { userId: true, dueAt: true, extraAttempts: true, user: { select: { name: true } } } },
    },
  });
  return rows.map((row) => ({
    ...row,
    questionIds: stringIds(row.questionIds),
    targets: row.targets.map((t) => t.user).sort((a, b) => a.name.localeCompare(b.name)),
    extensions: row.overrides
      .map((o) => ({ userId: o.userId, name: o.user.name, dueAt: o.dueAt, extraAttempts: o.extraAttempts }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  }));
}

export async function createAssignment(teacherId: string, classId: string, input: unknown, now = new Date()): Promise<{ id: string }> {
  await requireTeaching(teacherId, classId);
  const parsed = assignmentInputSchema(now).safeParse(input);
  if (!parsed.success) throw new DomainError("invalid_input", "Check the assignment.", fieldErrors(parsed.error));
  const data = parsed.data;

  // A lesson must be one the teacher may use: built in, or an imported article she can see.
  const lesson = data.kind === "LESSON" && data.scopeId ? await findLesson({ id: teacherId, role: "TEACHER" }, data.scopeId) : undefined;
  if (data.kind === "LESSON" && !lesson) throw fieldError("scope", "Choose one of the lessons.");

  const studentIds = [...new Set(data.studentIds)];
  if (studentIds.length > 0) {
    const members = await db.classMember.count({ where: { classId, userId: { in: studentIds } } });
    if (members !== studentIds.length) throw fieldError("studentIds", "Choose students who are in this class.");
  }

  const questionIds = [...new Set(data.questionIds)];
  const own = questionIds.filter((id) => !getQuestion(id));
  if (own.length > 0) {
    const found = await db.question.count({ where: { id: { in: own }, ownerId: teacherId, source: "TEACHER", retiredAt: null } });
    if (found !== own.length) throw fieldError("questionIds", "Choose built-in questions or your own questions that are not retired.");
  }

  const created = await db.assignment.create({
    data: {
      classId,
      kind: data.kind,
      scopeId: data.scopeId,
      title: data.title || (lesson ? `Lesson: ${lesson.title}` : scopeTitle(data.kind, data.scopeId)),
      opensAt: data.opensAt,
      dueAt: data.dueAt,
      reveal: data.reveal,
      maxAttempts: data.maxAttempts,
      lateWorkCounts: data.lateWorkCounts,
      afterRevealCounts: data.afterRevealCounts,
      ...(questionIds.length > 0 ? { questionIds } : {}),
      targets: { create: studentIds.map((userId) => ({ userId })) },
    },
    select: { id: true },
  });
  return created;
}

/** One assignment of a class the teacher teaches (for its edit page); not found otherwise. */
export async function getAssignmentForTeacher(teacherId: string, classId: string, assignmentId: string): Promise<AssignmentSummary> {
  await requireTeaching(teacherId, classId);
  const found = (await listAssignments(teacherId, classId)).find((a) => a.id === assignmentId);
  if (!found) throw notFound("assignment");
  return found;
}

export type AssignmentEditResult = { saved: true; classId: string } | { saved: false; classId: string; preview: EditPreview; key: string };

/**
 * Changes a set assignment's title, dates, reveal policy, attempts and students. When the change
 * affects students (see previewAssignmentEdit), nothing is written unless `confirmedKey` is the key
 * of that very preview: the teacher saves what they were shown, not something else. Attempts are
 * never touched; an extension the new due date overtakes loses its date (its extra attempts stay).
 */
export async function updateAssignment(
  teacherId: string,
  assignmentId: string,
  input: unknown,
  { confirmedKey = "", now = new Date() }: { confirmedKey?: string; now?: Date } = {},
): Promise<AssignmentEditResult> {
  const current = await db.assignment.findFirst({
    where: { id: assignmentId, class: { teachers: { some: { userId: teacherId } } } },
    select: {
      id: true,
      classId: true,
      opensAt: true,
      dueAt: true,
      reveal: true,
      maxAttempts: true,
      lateWorkCounts: true,
      afterRevealCounts: true,
      targets: { select: { userId: true } },
      overrides: { select: { userId: true, dueAt: true, extraAttempts: true } },
      attempts: { select: { userId: true, startedAt: true, finishedAt: true } },
    },
  });
  if (!current) throw notFound("assignment");
  const parsed = assignmentEditSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("invalid_input", "Check the assignment.", fieldErrors(parsed.error));
  const data = parsed.data;

  const members = await db.classMember.findMany({ where: { classId: current.classId }, select: { user: { select: { id: true, name: true } } } });
  const memberIds = new Set(members.map((m) => m.user.id));
  const studentIds = [...new Set(data.studentIds)];
  if (studentIds.some((id) => !memberIds.has(id))) throw fieldError("studentIds", "Choose students who are in this class.");

  const students: StudentFacts[] = members.map(({ user }) => {
    const override = current.overrides.find((o) => o.userId === user.id);
    return {
      id: user.id,
      name: user.name,
      overrideDueAt: override?.dueAt ?? null,
      extraAttempts: override?.extraAttempts ?? 0,
      attempts: current.attempts.filter((a) => a.userId === user.id),
    };
  });
  const before = {
    opensAt: current.opensAt,
    dueAt: current.dueAt,
    reveal: current.reveal,
    maxAttempts: current.maxAttempts,
    lateWorkCounts: current.lateWorkCounts,
    afterRevealCounts: current.afterRevealCounts,
    targetIds: current.targets.map((t) => t.userId),
  };
  const after = {
    opensAt: data.opensAt,
    dueAt: data.dueAt,
    reveal: data.reveal,
    maxAttempts: data.maxAttempts,
    lateWorkCounts: data.lateWorkCounts ?? current.lateWorkCounts,
    afterRevealCounts: data.afterRevealCounts ?? current.afterRevealCounts,
    targetIds: studentIds,
  };
  const preview = previewAssignmentEdit(before, after, students, now);
  const key = previewKey(preview);
  if (preview.consequences.length > 0 && confirmedKey !== key) return { saved: false, classId: current.classId, preview, key };

  const overtaken = current.overrides.filter((o) => o.dueAt !== null && o.dueAt.getTime() <= data.dueAt.getTime());
  await db.$transaction([
    db.assignment.update({
      where: { id: current.id },
      data: {
        ...(data.title ? { title: data.title } : {}),
        opensAt: data.opensAt,
        dueAt: data.dueAt,
        reveal: data.reveal,
        maxAttempts: data.maxAttempts,
        // Grades are worked out from these when read: changing them re-grades, and deletes nothing.
        lateWorkCounts: after.lateWorkCounts,
        afterRevealCounts: after.afterRevealCounts,
      },
    }),
    db.assignmentTarget.deleteMany({ where: { assignmentId: current.id, userId: { notIn: studentIds } } }),
    ...studentIds
      .filter((userId) => !before.targetIds.includes(userId))
      .map((userId) => db.assignmentTarget.create({ data: { assignmentId: current.id, userId } })),
    ...overtaken.map((o) =>
      o.extraAttempts > 0
        ? db.assignmentOverride.update({ where: { assignmentId_userId: { assignmentId: current.id, userId: o.userId } }, data: { dueAt: null } })
        : db.assignmentOverride.delete({ where: { assignmentId_userId: { assignmentId: current.id, userId: o.userId } } }),
    ),
  ]);
  return { saved: true, classId: current.classId };
}

/** The assignment if it is in a class this teacher teaches; otherwise not found. */
async function requireTeacherAssignment(teacherId: string, assignmentId: string) {
  const assignment = await db.assignment.findFirst({
    where: { id: assignmentId, class: { teachers: { some: { userId: teacherId } } } },
    select: { id: true, classId: true, dueAt: true, targets: { select: { userId: true } } },
  });
  if (!assignment) throw notFound("assignment");
  return assignment;
}

export async function deleteAssignment(teacherId: string, assignmentId: string): Promise<{ classId: string }> {
  const assignment = await requireTeacherAssignment(teacherId, assignmentId);
  // Attempts are the students' own: the schema keeps them (assignmentId set to null), each with
  // the reveal rule it was taken under, so deleting an assignment never shows its answers (decision 0032).
  await db.$transaction(async (tx) => {
    await keepRevealTerms(tx, { id: assignment.id });
    await tx.assignment.delete({ where: { id: assignment.id } });
  });
  return { classId: assignment.classId };
}

/** A later due date and/or extra attempts for one student of the assignment. */
export async function grantExtension(teacherId: string, assignmentId: string, studentId: string, input: unknown): Promise<{ classId: string }> {
  const assignment = await requireTeacherAssignment(teacherId, assignmentId);
  const member = await db.classMember.findUnique({ where: { classId_userId: { classId: assignment.classId, userId: studentId } }, select: { userId: true } });
  const targeted = assignment.targets.length === 0 || assignment.targets.some((t) => t.userId === studentId);
  if (!member || !targeted) throw fieldError("studentId", "Choose a student this assignment is set for.");

  const parsed = extensionInputSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("invalid_input", "Check the extension.", fieldErrors(parsed.error));
  const { dueAt, extraAttempts } = parsed.data;
  if (dueAt && dueAt.getTime() <= assignment.dueAt.getTime()) throw fieldError("dueAt", "An extended due date must be later than the assignment’s due date.");

  const data = { dueAt, extraAttempts };
  await db.assignmentOverride.upsert({
    where: { assignmentId_userId: { assignmentId, userId: studentId } },
    create: { assignmentId, userId: studentId, ...data },
    update: data,
  });
  return { classId: assignment.classId };
}

export async function removeExtension(teacherId: string, assignmentId: string, studentId: string): Promise<{ classId: string }> {
  const assignment = await requireTeacherAssignment(teacherId, assignmentId);
  await db.assignmentOverride.deleteMany({ where: { assignmentId, userId: studentId } });
  return { classId: assignment.classId };
}

// ---------------------------------------------------------------------------------------------
// The student's side

export type StudentAssignment = {
  id: string;
  title: string;
  kind: AssignmentKind;
  scopeId: string | null;
  classId: string;
  className: string;
  opensAt: Date;
  /** The due date that applies to this student (their extension, if any). */
  dueAt: Date;
  extended: boolean;
  isOpen: boolean;
  reveal: RevealPolicy;
  lateWorkCounts: boolean;
  afterRevealCounts: boolean;
  status: AssignmentStatus;
  attemptsUsed: number;
  attemptsAllowed: number;
  /** Her grade: best score of the counted finished attempts, 0..1; null while the reveal policy holds results back. */
  bestScore: number | null;
  /** Whether any of her attempts started after her due date. */
  late: boolean;
  /** Said before she starts an attempt now: that it is marked late, and whether it counts (null when on time). */
  startNotice: string | null;
  /** An attempt to carry on with, if one is unfinished. */
  openAttemptId: string | null;
  /** Whether "start" (or "continue") may be offered now. */
  canStart: boolean;
};

const studentAssignmentSelect = (studentId: string) =>
  ({
    id: true,
    ...ASSIGNMENT_FIELDS,
    class: { select: { id: true, name: true } },
    overrides: { where: { userId: studentId }, select: { dueAt: true, extraAttempts: true } },
    attempts: { where: { userId: studentId }, select: { id: true, startedAt: true, finishedAt: true, score: true }, orderBy: { startedAt: "asc" } },
  }) as const;

/** Assignments for this student in a class they belong to: the whole class's, or theirs by name. */
const forStudent = (studentId: string) => ({
  class: { members: { some: { userId: studentId } }, archivedAt: null },
  OR: [{ targets: { none: {} } }, { targets: { some: { userId: studentId } } }],
});

type StudentAssignmentRow = {
  id: string;
  title: string;
  kind: AssignmentKind;
  scopeId: string | null;
  opensAt: Date;
  dueAt: Date;
  reveal: RevealPolicy;
  maxAttempts: number;
  lateWorkCounts: boolean;
  afterRevealCounts: boolean;
  questionIds: unknown;
  class: { id: string; name: string };
  overrides: { dueAt: Date | null; extraAttempts: number }[];
  attempts: { id: string; startedAt: Date; finishedAt: Date | null; score: number | null }[];
};

function toStudentAssignment(row: StudentAssignmentRow, now: Date): StudentAssignment {
  const override = row.overrides[0] ?? null;
  const attemptsAllowed = row.maxAttempts + (override?.extraAttempts ?? 0);
  const openAttempt = row.attempts.find((a) => a.finishedAt === null) ?? null;
  const isOpen = now.getTime() >= row.opensAt.getTime();
  const dueAt = effectiveDueAt(row.dueAt, override?.dueAt ?? null);
  const grade = gradeOf(row.attempts, dueAt, row);
  const canStart = isOpen && (openAttempt !== null || row.attempts.length < attemptsAllowed);
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    scopeId: row.scopeId,
    classId: row.class.id,
    className: row.class.name,
    opensAt: row.opensAt,
    dueAt,
    extended: Boolean(override?.dueAt),
    isOpen,
    reveal: row.reveal,
    lateWorkCounts: row.lateWorkCounts,
    afterRevealCounts: row.afterRevealCounts,
    status: assignmentStatus({ opensAt: row.opensAt, dueAt: row.dueAt, overrideDueAt: override?.dueAt ?? null, policy: row, attempts: row.attempts, now }),
    attemptsUsed: row.attempts.length,
    attemptsAllowed,
    // A student sees a score only when the assignment shows results: "answers hidden" hides the score too.
    bestScore: mayReveal({ reveal: row.reveal, dueAt }, now) ? grade.counted : null,
    late: grade.anyLate,
    // Only for a new attempt: carrying on with an open one changes nothing about it.
    startNotice: canStart && openAttempt === null ? startNotice(now, dueAt, row) : null,
    openAttemptId: openAttempt?.id ?? null,
    canStart,
  };
}

/** The student's assignments, soonest (effective) due date first. Two queries. */
export async function studentAssignments(studentId: string, now = new Date()): Promise<StudentAssignment[]> {
  // Their classes first: filtering assignments through the class relation alone makes SQLite walk
  // every assignment in the school (tests/integration/query-plans.test.ts).
  // An archived class's work leaves the list (decision 0023); its attempts stay in the student's history.
  const memberships = await db.classMember.findMany({ where: { userId: studentId, class: { archivedAt: null } }, select: { classId: true } });
  const rows = await db.assignment.findMany({
    where: { classId: { in: memberships.map((m) => m.classId) }, ...forStudent(studentId) },
    select: studentAssignmentSelect(studentId),
  });
  return rows.map((row) => toStudentAssignment(row, now)).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.title.localeCompare(b.title));
}

export const STUDENT_ASSIGNMENT_NOT_FOUND = "That assignment does not exist, or it is not set for you.";

/**
 * Starts (or resumes) the student's attempt at an assignment, after checking that it is set for
 * them, that it is open, and that they have an attempt left (extensions included). Late work is
 * allowed: the status rule marks it late. An assignment with teacher-chosen questions asks exactly
 * those; otherwise the quiz service chooses from the lesson, phase or whole article.
 */
export async function startAssignmentAttempt(studentId: string, assignmentId: string, now = new Date()): Promise<{ attemptId: string; resumed: boolean }> {
  const row = await db.assignment.findFirst({ where: { id: assignmentId, ...forStudent(studentId) }, select: studentAssignmentSelect(studentId) });
  if (!row) throw new DomainError("not_found", STUDENT_ASSIGNMENT_NOT_FOUND);
  const assignment = toStudentAssignment(row, now);
  if (!assignment.isOpen) throw new DomainError("conflict", "This assignment is not open yet.");
  if (!assignment.canStart) throw new DomainError("conflict", "You have used all your attempts at this assignment.");
  if (assignment.openAttemptId) return { attemptId: assignment.openAttemptId, resumed: true };

  // The teacher chose the questions: the attempt asks those (in a shuffled order of its own),
  // leaving out any that can no longer be found. Otherwise the quiz service picks from the scope.
  const chosen = stringIds(row.questionIds);
  if (chosen && chosen.length > 0) {
    // A built-in question retired since the assignment was set is not asked again.
    const found = await findQuestions(chosen, { retiredBuiltIn: false });
    // Nor is a question whose source sentences changed, until its teacher confirms it (decision 0040).
    const written = chosen.filter((id) => !getQuestion(id));
    const changed =
      written.length === 0
        ? new Set<string>()
        : new Set((await db.question.findMany({ where: { id: { in: written }, sourceChangedAt: { not: null } }, select: { id: true } })).map((q) => q.id));
    const ids = seededShuffle(
      chosen.filter((id) => found.has(id) && !changed.has(id)),
      `${studentId}:${row.id}:${now.getTime()}:${Math.random()}`,
    );
    if (ids.length === 0) throw new DomainError("conflict", "This assignment has no questions left. Tell your teacher.");
    const created = await db.attempt.create({
      data: { userId: studentId, kind: row.kind, scopeId: row.scopeId, assignmentId: row.id, questionIds: ids, startedAt: now },
      select: { id: true },
    });
    return { attemptId: created.id, resumed: false };
  }
  const { id, resumed } = await startOrResumeAttempt(studentId, { kind: row.kind, scopeId: row.scopeId }, row.id);
  return { attemptId: id, resumed };
}
