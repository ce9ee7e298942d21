// The reports run a fixed number of queries whatever the size of the class: counted here on the
// SQL statements the Prisma client sends (a client with query events stands in for lib/db's).
import { describe, expect, it, vi } from "vitest";
import type { LoggedStatement } from "../support/statement-log";

const log = vi.hoisted(() => ({ statements: [] as LoggedStatement[] }));

vi.mock("@/lib/db", async (importOriginal) => {
  const { dbModuleWithStatementLog } = await import("../support/statement-log");
  return dbModuleWithStatementLog(await importOriginal<typeof import("@/lib/db")>(), log.statements);
});

const { db } = await import("@/lib/db");
const { upsertUser } = await import("@/prisma/factories");
const { createClass, joinClass } = await import("@/lib/teacher/classes");
const { createAssignment } = await import("@/lib/teacher/assignments");
const { gradebookForClass, gradebookReport, questionReport } = await import("@/lib/teacher/reports");
const { getQuestionsForLesson } = await import("@/lib/quiz/bank");
const { duplicateBuiltIn } = await import("@/lib/teacher/questions");

const DAY = 24 * 60 * 60 * 1000;
let counter = 0;

/** A class of `students` students with `assignments` assignments, each finished by every student with answers. */
async function classOfSize(students: number, assignments: number) {
  const teacher = await upsertUser(db, { email: `qc-t-${++counter}-${Date.now()}@example.test`, role: "TEACHER" });
  const { id: classId, joinCode } = await createClass(teacher.id, `Class ${counter}`);
  const builtIn = getQuestionsForLesson("potato-diplomacy")
    .slice(0, 3)
    .map((q) => q.id);
  // One of the teacher's own questions among them, so the report also loads those.
  const own = await duplicateBuiltIn(teacher.id, builtIn[0] ?? "");
  const questions = [...builtIn, own.id].map((id) => ({ id }));
  const ids: string[] = [];
  for (let a = 0; a < assignments; a++) {
    const { id } = await createAssignment(teacher.id, classId, {
      title: `Assignment ${a}`,
      kind: "LESSON",
      scopeId: "potato-diplomacy",
      opensAt: new Date(Date.now() - DAY),
      dueAt: new Date(Date.now() + (a + 1) * DAY),
      reveal: "IMMEDIATELY",
      maxAttempts: 2,
      studentIds: [],
      questionIds: [],
    });
    ids.push(id);
  }
  for (let s = 0; s < students; s++) {
    const student = await upsertUser(db, { email: `qc-s-${++counter}-${Date.now()}@example.test`, name: `Student ${s}` });
    await joinClass(student.id, joinCode, { address: `qc-${counter}`, sleep: async () => {} });
    for (const assignmentId of ids) {
      await db.attempt.create({
        data: {
          userId: student.id,
          kind: "LESSON",
          scopeId: "potato-diplomacy",
          assignmentId,
          questionIds: questions.map((q) => q.id),
          finishedAt: new Date(),
          score: (s % 4) / 3,
          answers: { create: questions.map((q, i) => ({ questionId: q.id, response: {}, correct: i < s % 4, score: i < s % 4 ? 1 : 0 })) },
        },
      });
    }
  }
  return { teacherId: teacher.id, classId };
}

async function count(run: () => Promise<unknown>): Promise<number> {
  log.statements.length = 0;
  await run();
  return log.statements.length;
}

describe("report query counts", () => {
  it("the gradebook and the report pages do not grow with students or assignments", async () => {
    const small = await classOfSize(2, 1);
    const large = await classOfSize(12, 5);

    const gradebookSmall = await count(() => gradebookForClass(small.teacherId, small.classId));
    const gradebookLarge = await count(() => gradebookForClass(large.teacherId, large.classId));
    const reportSmall = await count(() => gradebookReport(small.teacherId, small.classId));
    const reportLarge = await count(() => gradebookReport(large.teacherId, large.classId));
    const questionsSmall = await count(() => questionReport(small.teacherId, small.classId));
    const questionsLarge = await count(() => questionReport(large.teacherId, large.classId));

    const { gradebook } = await gradebookForClass(large.teacherId, large.classId);
    expect(gradebook.rows).toHaveLength(12);
    expect(gradebook.columns).toHaveLength(5);

    console.info(
      `gradebook: ${gradebookSmall} SQL statements for 2×1, ${gradebookLarge} for 12×5; gradebook page: ${reportSmall} and ${reportLarge}; question analysis: ${questionsSmall} and ${questionsLarge}`,
    );
    expect(gradebookLarge).toBe(gradebookSmall);
    expect(reportLarge).toBe(reportSmall);
    expect(questionsLarge).toBe(questionsSmall);
    expect(gradebookLarge).toBeLessThanOrEqual(8);
    expect(reportLarge).toBeLessThanOrEqual(14);
    expect(questionsLarge).toBeLessThanOrEqual(10);
  });
});
