// Shared by the integration tests of the teacher side: people, a class with students in it, a
// lesson assignment's fields, and the DomainError a refused call throws. One set of helpers, so
// the tests of classes and of teacher actions build their worlds the same way.
import { db } from "@/lib/db";
import { createClass, joinClass } from "@/lib/teacher/classes";
import { DomainError } from "@/lib/errors";
import { answerInvitation, inviteCoTeacher } from "@/lib/teacher/invitations";

import { upsertUser } from "@/prisma/factories";

let counter = 0;
export const unique = (prefix: string) => `${prefix}-${++counter}-${Date.now()}`;
export const newTeacher = (name = "Teacher") => upsertUser(db, { email: `${unique("t")}@example.test`, name, role: "TEACHER" });
export const newStudent = (name = "Student") => upsertUser(db, { email: `${unique("s")}@example.test`, name, role: "STUDENT" });
export const noSleep = async () => {};
/** Joins from an address of its own each time, so the join throttle never steps in. */
export const join = (studentId: string, code: string, address = unique("addr")) => joinClass(studentId, code, { address, sleep: noSleep });

/** The colleague co-teaches the owner's class the only way there is: invited, then accepting (mail to the test file's outbox). */
export async function coTeach(ownerId: string, classId: string, colleague: { id: string; email: string }) {
  const { delivery } = await inviteCoTeacher(ownerId, classId, colleague.email, { baseUrl: null });
  await delivery;
  const row = await db.classInvitation.findUniqueOrThrow({ where: { classId_email: { classId, email: colleague.email } }, select: { id: true } });
  await answerInvitation(colleague.id, row.id, "accept");
}

const DAY = 24 * 60 * 60 * 1000;
export const now = new Date();
export const inDays = (days: number) => new Date(now.getTime() + days * DAY);

export async function caught(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

export async function classWithStudents(names: string[] = ["Amira", "Leo"]) {
  const teacher = await newTeacher();
  const { id: classId, joinCode } = await createClass(teacher.id, unique("Class"));
  const students = [];
  for (const name of names) {
    const student = await newStudent(name);
    await join(student.id, joinCode);
    students.push(student);
  }
  return { teacher, classId, joinCode, students };
}

/** A lesson assignment's fields, open since yesterday and due in a week. */
export const lessonAssignment = (overrides: Record<string, unknown> = {}) => ({
  title: "",
  kind: "LESSON",
  scopeId: "potato-diplomacy",
  opensAt: inDays(-1),
  dueAt: inDays(7),
  reveal: "IMMEDIATELY",
  maxAttempts: 1,
  studentIds: [],
  questionIds: [],
  ...overrides,
});
