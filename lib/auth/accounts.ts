// Creating, changing, exporting and deleting accounts. Callers have already validated the input
// and checked who is asking; these functions only touch the database.
import { DomainError, isUniqueViolation } from "@/lib/errors";
import { db } from "@/lib/db";
import type { Role } from "@/lib/enums";
import { attemptTerms, heldQuestionIdsFor, keepRevealTerms, shownOf } from "@/lib/quiz/reveal-rule";
import { hashPassword, verifyPassword } from "./password";

type NewAccount = { name: string; email: string; password: string; role: Role };

/**
 * What the new account is. Asking to be a teacher makes a student account with a pending request
 * (an administrator approves it, decision 0037), except for the first account of a deployment
 * with no administrator, which becomes its administrator and a teacher.
 */
export type CreatedAccount = { ok: true; id: string; status: "administrator" | "student" | "teacher-requested" } | { ok: false; message: string };

const TAKEN = "An account with this email already exists. Sign in instead.";

export async function createAccount(input: NewAccount, now = new Date()): Promise<CreatedAccount> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) return { ok: false, message: TAKEN };
  const passwordHash = await hashPassword(input.password);
  for (let tries = 0; ; tries += 1) {
    try {
      return await createInTransaction(input, passwordHash, now);
    } catch (error) {
      // Two sign-ups racing for one email: the unique index decides, and the loser gets the same message.
      if (isUniqueViolation(error)) return { ok: false, message: TAKEN };
      // Two first sign-ups at once on PostgreSQL: the serializable transaction lets one become the
      // administrator and fails the other, which tries again and finds the administrator there.
      if (isSerializationFailure(error) && tries < 3) continue;
      throw error;
    }
  }
}

async function createInTransaction(input: NewAccount, passwordHash: string, now: Date): Promise<CreatedAccount> {
  // The check for an administrator and the insert are one serializable transaction (SQLite: the
  // write lock from BEGIN IMMEDIATE), so two first accounts at once never both become administrator.
  return db.$transaction(
    async (tx) => {
      const hasAdmin = (await tx.user.count({ where: { isAdmin: true } })) > 0;
      const wantsTeacher = input.role === "TEACHER";
      const data = hasAdmin
        ? { role: "STUDENT" as const, isAdmin: false, teacherRequestedAt: wantsTeacher ? now : null }
        : { role: "TEACHER" as const, isAdmin: true, teacherRequestedAt: null };
      const user = await tx.user.create({ data: { name: input.name, email: input.email, passwordHash, ...data }, select: { id: true } });
      const status = !hasAdmin ? "administrator" : wantsTeacher ? "teacher-requested" : "student";
      return { ok: true as const, id: user.id, status };
    },
    { isolationLevel: "Serializable" },
  );
}

/** PostgreSQL's "could not serialize access" (Prisma's P2034, or the driver's SQLSTATE 40001). */
function isSerializationFailure(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = "code" in error ? error.code : undefined;
  return code === "P2034" || code === "40001" || /could not serialize|40001/.test(String((error as { message?: unknown }).message ?? ""));
}

export async function checkPassword(userId: string, password: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return user ? verifyPassword(user.passwordHash, password) : false;
}

/** A new password ends every session of the account (decision 0033): whoever knew the old one is out. */
export async function changePassword(userId: string, newPassword: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(newPassword), sessionVersion: { increment: 1 } } });
}

export async function changeName(userId: string, name: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { name } });
}

/** Everything Backchannel stores about one person, for "download my data". */
export async function exportAccountData(userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      isAdmin: true,
      teacherRequestedAt: true,
      createdAt: true,
      updatedAt: true,
      lessonProgress: { select: { lessonSlug: true, lastParagraphId: true, readAt: true, updatedAt: true } },
      attempts: {
        select: {
          id: true,
          kind: true,
          scopeId: true,
          assignmentId: true,
          questionIds: true,
          startedAt: true,
          finishedAt: true,
          score: true,
          revealPolicy: true,
          revealDueAt: true,
          assignment: { select: { reveal: true, dueAt: true, overrides: { where: { userId }, select: { dueAt: true } } } },
          answers: { select: { questionId: true, response: true, score: true, correct: true, answeredAt: true } },
        },
        orderBy: { startedAt: "asc" },
      },
      memberships: { select: { joinedAt: true, class: { select: { id: true, name: true } } } },
      teaching: { select: { role: true, addedAt: true, class: { select: { id: true, name: true } } } },
      authoredQuestions: { select: { id: true, type: true, prompt: true, body: true, createdAt: true, retiredAt: true } },
      // The school accounts linked to this one (decision 0047).
      schoolIdentities: { select: { issuer: true, subject: true, email: true, createdAt: true } },
    },
  });
  // The reveal rule (decision 0032): marks of questions whose answers are not shown to this person
  // yet stay out of the export too (marking a single-choice answer right would give its key away);
  // they are in the next export after the teacher shows the answers.
  const now = new Date();
  const held = await heldQuestionIdsFor(userId, now);
  const attempts = user.attempts.map(({ questionIds, revealPolicy, revealDueAt, assignment, answers, score, ...attempt }) => {
    const ids = Array.isArray(questionIds) ? questionIds.filter((id): id is string => typeof id === "string") : [];
    const shown = shownOf(attemptTerms({ assignmentId: attempt.assignmentId, assignment, revealPolicy, revealDueAt }), held, ids, now);
    return {
      ...attempt,
      score: ids.every((id) => shown.has(id)) ? score : null,
      // Held: the response goes too, since it names options by their authored ids (decision 0025).
      answers: answers.map((a) =>
        shown.has(a.questionId) ? a : { questionId: a.questionId, answeredAt: a.answeredAt, response: null, score: null, correct: null, heldBack: true },
      ),
    };
  });
  return { exportedAt: now.toISOString(), format: "backchannel-account-export/1", account: { ...user, attempts } };
}

/**
 * Deletes the account and, through the schema's cascades, everything that belongs only to it
 * (attempts, answers, reading progress, class memberships). A teacher's classes are
 * handled first: a class with a co-teacher is handed to them (the longest-serving becomes owner),
 * a class with no other teacher is deleted with its assignments. Questions the teacher wrote stay,
 * without an owner, so that answers already given to them keep their meaning.
 */
export async function deleteAccount(userId: string): Promise<{ classesHandedOver: number; classesDeleted: number }> {
  return db.$transaction(async (tx) => {
    // A deployment keeps an administrator (decision 0037): without one, the next sign-up would become it.
    const me = await tx.user.findUnique({ where: { id: userId }, select: { isAdmin: true } });
    if (me?.isAdmin && (await tx.user.count({ where: { isAdmin: true, id: { not: userId } } })) === 0) {
      throw new DomainError(
        "conflict",
        "You are this Backchannel's only administrator. Make another account an administrator first (npm run admin:create), then delete yours.",
      );
    }
    const owned = await tx.classTeacher.findMany({
      where: { userId, role: "OWNER" },
      select: { classId: true, class: { select: { teachers: { where: { userId: { not: userId } }, orderBy: { addedAt: "asc" }, select: { userId: true } } } } },
    });
    let classesHandedOver = 0;
    let classesDeleted = 0;
    for (const { classId, class: classroom } of owned) {
      const successor = classroom.teachers[0];
      if (successor) {
        await tx.classTeacher.update({ where: { classId_userId: { classId, userId: successor.userId } }, data: { role: "OWNER" } });
        classesHandedOver += 1;
      } else {
        // The class goes with its last teacher; its attempts keep the reveal terms they were taken under.
        await keepRevealTerms(tx, { classId });
        await tx.classroom.delete({ where: { id: classId } });
        classesDeleted += 1;
      }
    }
    await tx.question.updateMany({ where: { ownerId: userId, retiredAt: null }, data: { retiredAt: new Date() } });
    await tx.user.delete({ where: { id: userId } });
    return { classesHandedOver, classesDeleted };
  });
}
