// Classes: created by a teacher (the owner), shared with co-teachers, joined by students with a
// code. Every function that takes a teacher id only ever touches classes that teacher teaches;
// anything else is "not found", in the same words as a class that does not exist.
import { isUniqueViolation } from "@/lib/errors";
import { db } from "@/lib/db";
import type { ClassRole } from "@/lib/enums";
import { checkThrottle, clearThrottle, recordFailure, reserveAttempt, sleep as realSleep, type ThrottleKey } from "@/lib/auth/throttle";
import { describeRetry, RULES, type ThrottleRule } from "@/lib/auth/throttle-policy";
import { fieldError, notFound } from "./errors";
import { DomainError } from "@/lib/errors";
import { generateJoinCode, normaliseJoinCode } from "./join-code";
import { classNameSchema } from "./validation";

export type { ClassRole };

export type ClassSummary = {
  id: string;
  name: string;
  joinCode: string;
  role: ClassRole;
  students: number;
  assignments: number;
  createdAt: Date;
  /** Set when archived: the class has left its students' lists (decision 0023). */
  archivedAt: Date | null;
};

export type ClassDetail = {
  id: string;
  name: string;
  joinCode: string;
  role: ClassRole;
  archivedAt: Date | null;
  teachers: { id: string; name: string; email: string; role: ClassRole }[];
};

export type RosterEntry = { id: string; name: string; email: string; joinedAt: Date };

/** The teacher's role in the class, or a not-found error. The check every class function starts with. */
export async function requireTeaching(teacherId: string, classId: string): Promise<ClassRole> {
  const link = await db.classTeacher.findUnique({ where: { classId_userId: { classId, userId: teacherId } }, select: { role: true } });
  if (!link) throw notFound("class");
  return link.role;
}

export async function listClassesForTeacher(teacherId: string): Promise<ClassSummary[]> {
  const links = await db.classTeacher.findMany({
    where: { userId: teacherId },
    select: { role: true, class: { select: { id: true, name: true, joinCode: true, createdAt: true, archivedAt: true } } },
  });
  // Counted per class id rather than with Prisma's relation `_count`, which groups the whole
  // members and assignments tables (every class in the school) before joining.
  const classIds = links.map((link) => link.class.id);
  const [members, assignments] = await Promise.all([
    db.classMember.groupBy({ by: ["classId"], where: { classId: { in: classIds } }, _count: { _all: true } }),
    db.assignment.groupBy({ by: ["classId"], where: { classId: { in: classIds } }, _count: { _all: true } }),
  ]);
  const students = new Map(members.map((row) => [row.classId, row._count._all]));
  const assignmentCounts = new Map(assignments.map((row) => [row.classId, row._count._all]));
  return links
    .map(({ role, class: c }) => ({
      id: c.id,
      name: c.name,
      joinCode: c.joinCode,
      role,
      students: students.get(c.id) ?? 0,
      assignments: assignmentCounts.get(c.id) ?? 0,
      createdAt: c.createdAt,
      archivedAt: c.archivedAt,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }));
}

/** The class if this teacher owns or co-teaches it; null otherwise (exactly as for a missing class). */
export async function getClassForTeacher(teacherId: string, classId: string): Promise<ClassDetail | null> {
  const found = await db.classroom.findFirst({
    where: { id: classId, teachers: { some: { userId: teacherId } } },
    select: {
      id: true,
      name: true,
      joinCode: true,
      archivedAt: true,
      teachers: { select: { role: true, addedAt: true, user: { select: { id: true, name: true, email: true } } }, orderBy: { addedAt: "asc" } },
    },
  });
  if (!found) return null;
  const teachers = found.teachers.map((t) => ({ ...t.user, role: t.role }));
  const role = teachers.find((t) => t.id === teacherId)?.role ?? "CO_TEACHER";
  return { id: found.id, name: found.name, joinCode: found.joinCode, role, archivedAt: found.archivedAt, teachers };
}

function sameName(a: string, b: string): boolean {
  return a.normalize("NFKC").trim().toLowerCase() === b.normalize("NFKC").trim().toLowerCase();
}

export async function createClass(teacherId: string, rawName: unknown): Promise<{ id: string; joinCode: string }> {
  const parsed = classNameSchema.safeParse(rawName);
  if (!parsed.success) throw new DomainError("invalid_input", "Check the class name.", { name: parsed.error.issues.map((i) => i.message) });
  const name = parsed.data;
  const existing = await db.classroom.findMany({ where: { teachers: { some: { userId: teacherId } } }, select: { name: true } });
  if (existing.some((c) => sameName(c.name, name))) throw fieldError("name", "You already have a class with this name. Choose another.");
  return withFreshCode((joinCode) =>
    db.classroom.create({
      data: { name, joinCode, teachers: { create: { userId: teacherId, role: "OWNER" } } },
      select: { id: true, joinCode: true },
    }),
  );
}

/** Any teacher of the class may rename it; names stay unique among the teacher's own classes. */
export async function renameClass(teacherId: string, classId: string, rawName: unknown): Promise<{ name: string }> {
  await requireTeaching(teacherId, classId);
  const parsed = classNameSchema.safeParse(rawName);
  if (!parsed.success) throw new DomainError("invalid_input", "Check the class name.", { name: parsed.error.issues.map((i) => i.message) });
  const name = parsed.data;
  const others = await db.classroom.findMany({ where: { id: { not: classId }, teachers: { some: { userId: teacherId } } }, select: { name: true } });
  if (others.some((c) => sameName(c.name, name))) throw fieldError("name", "You already have a class with this name. Choose another.");
  await db.classroom.update({ where: { id: classId }, data: { name } });
  return { name };
}

/**
 * Archives (or brings back) a class. Only its owner may: it takes the class out of every
 * student's and co-teacher's working lists. Nothing is deleted; see decision 0023.
 */
export async function setClassArchived(teacherId: string, classId: string, archived: boolean, now = new Date()): Promise<void> {
  const role = await requireTeaching(teacherId, classId);
  if (role !== "OWNER") throw new DomainError("forbidden", "Only the teacher who created the class can archive it or bring it back.");
  await db.classroom.update({ where: { id: classId }, data: { archivedAt: archived ? now : null } });
}

/** Runs `write` with a new code, again with another one in the (very unlikely) case of a clash. */
async function withFreshCode<T>(write: (code: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write(generateJoinCode());
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 4) throw error;
    }
  }
}

export async function getRoster(teacherId: string, classId: string): Promise<RosterEntry[]> {
  await requireTeaching(teacherId, classId);
  const members = await db.classMember.findMany({
    where: { classId },
    select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return members
    .map((m) => ({ ...m.user, joinedAt: m.joinedAt }))
    .sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || a.email.localeCompare(b.email));
}

/** Takes a student out of the class, with their extensions and individual assignments there. Their attempts stay theirs. */
export async function removeStudent(teacherId: string, classId: string, studentId: string): Promise<void> {
  await requireTeaching(teacherId, classId);
  await db.$transaction(async (tx) => {
    const removed = await tx.classMember.deleteMany({ where: { classId, userId: studentId } });
    if (removed.count === 0) throw notFound("student");
    await tx.assignmentTarget.deleteMany({ where: { userId: studentId, assignment: { classId } } });
    await tx.assignmentOverride.deleteMany({ where: { userId: studentId, assignment: { classId } } });
  });
}

/** A new code; the old one stops working at once (for a code that was shared too widely). */
export async function regenerateJoinCode(teacherId: string, classId: string): Promise<string> {
  await requireTeaching(teacherId, classId);
  const updated = await withFreshCode((joinCode) => db.classroom.update({ where: { id: classId }, data: { joinCode }, select: { joinCode: true } }));
  return updated.joinCode;
}

/**
 * The owner takes a co-teacher off the class, or a co-teacher leaves it. The class's work, reports
 * and assignments stay: they belong to the class, not to the teacher who set them.
 */
export async function removeCoTeacher(teacherId: string, classId: string, coTeacherId: string): Promise<{ left: boolean }> {
  const role = await requireTeaching(teacherId, classId);
  const leaving = coTeacherId === teacherId;
  if (leaving && role === "OWNER") throw new DomainError("forbidden", "You created this class, so you cannot leave it. Archive it instead when it is over.");
  if (!leaving && role !== "OWNER") throw new DomainError("forbidden", "Only the teacher who created the class can remove co-teachers.");
  const removed = await db.classTeacher.deleteMany({ where: { classId, userId: coTeacherId, role: "CO_TEACHER" } });
  if (removed.count === 0) throw new DomainError("not_found", "That teacher does not teach this class with you.");
  return { left: leaving };
}

// ---------------------------------------------------------------------------------------------
// Joining with a code

/**
 * A classroom often shares one public address, so the per-address limit is looser than the
 * per-person one (RULES.joinCode), as RULES.address is for sign-in.
 */
export const JOIN_ADDRESS_RULE: ThrottleRule = { ...RULES.joinCode, maxFailures: 50, slowAfter: 20 };

/** The student's key (counted before the code is looked up) and the address's. */
export function joinThrottleKeys(studentId: string, address: string): [student: ThrottleKey, address: ThrottleKey] {
  return [
    { key: `join:user:${studentId}`, rule: RULES.joinCode },
    { key: `join:address:${address}`, rule: JOIN_ADDRESS_RULE },
  ];
}

export const JOIN_MESSAGES = {
  malformed: "A class code has 8 letters and digits, like ABCD-EF23. Check what your teacher gave you.",
  unknown: "No class has this code. Check it with your teacher: codes can be changed.",
  archived: "This class has been archived by its teacher and takes no new students.",
  teacher: "Teacher accounts cannot join a class as a student. Ask the class’s teacher to invite you as a co-teacher.",
} as const;

export function lockedMessage(retryAfterMs: number): string {
  return `Too many wrong codes. For safety, try again ${describeRetry(retryAfterMs)}.`;
}

export type JoinOptions = { address: string; now?: Date; sleep?: (ms: number) => Promise<void> };
export type JoinResult = { classId: string; name: string; alreadyMember: boolean };

/**
 * Adds the student to the class with this code. Unknown codes count against the student and
 * their address (lib/auth/throttle.ts): guesses are slowed, then refused for a while.
 */
export async function joinClass(studentId: string, rawCode: string, { address, now = new Date(), sleep = realSleep }: JoinOptions): Promise<JoinResult> {
  const user = await db.user.findUnique({ where: { id: studentId }, select: { role: true } });
  if (!user) throw new DomainError("not_found", "Your account no longer exists.");
  if (user.role !== "STUDENT") throw new DomainError("forbidden", JOIN_MESSAGES.teacher);

  const code = normaliseJoinCode(rawCode);
  if (!code) throw fieldError("code", JOIN_MESSAGES.malformed);

  // The student's guess is counted before the code is looked up (see reserveAttempt); the address is only checked.
  const [personal, shared] = joinThrottleKeys(studentId, address);
  const byAddress = await checkThrottle([shared], now);
  if (!byAddress.allowed) throw new DomainError("rate_limited", lockedMessage(byAddress.retryAfterMs));
  const byStudent = await reserveAttempt(personal, now);
  if (!byStudent.allowed) throw new DomainError("rate_limited", lockedMessage(byStudent.retryAfterMs));
  const delayMs = Math.max(byAddress.delayMs, byStudent.delayMs);
  if (delayMs > 0) await sleep(delayMs);

  const found = await db.classroom.findUnique({ where: { joinCode: code }, select: { id: true, name: true, archivedAt: true } });
  // An archived class takes no one new; said plainly, since whoever has the code was given it.
  if (found?.archivedAt) throw fieldError("code", JOIN_MESSAGES.archived);
  if (!found) {
    await recordFailure([shared], now);
    throw fieldError("code", JOIN_MESSAGES.unknown);
  }
  await clearThrottle(personal.key);

  const existing = await db.classMember.findUnique({ where: { classId_userId: { classId: found.id, userId: studentId } }, select: { userId: true } });
  if (existing) return { classId: found.id, name: found.name, alreadyMember: true };
  try {
    await db.classMember.create({ data: { classId: found.id, userId: studentId, joinedAt: now } });
  } catch (error) {
    // The same form sent twice at once: the second finds the first's row.
    if (!isUniqueViolation(error)) throw error;
    return { classId: found.id, name: found.name, alreadyMember: true };
  }
  return { classId: found.id, name: found.name, alreadyMember: false };
}

export type StudentClass = { id: string; name: string; teachers: string[]; joinedAt: Date };

/** The classes a student belongs to, most recently joined first. */
export async function studentClasses(studentId: string): Promise<StudentClass[]> {
  const memberships = await db.classMember.findMany({
    where: { userId: studentId, class: { archivedAt: null } },
    orderBy: { joinedAt: "desc" },
    select: {
      joinedAt: true,
      class: { select: { id: true, name: true, teachers: { select: { role: true, user: { select: { name: true } } }, orderBy: { addedAt: "asc" } } } },
    },
  });
  return memberships.map((m) => ({ id: m.class.id, name: m.class.name, teachers: m.class.teachers.map((t) => t.user.name), joinedAt: m.joinedAt }));
}
