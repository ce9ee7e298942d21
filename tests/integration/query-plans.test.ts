// The requests every student and teacher makes all the time must read by index, never by walking
// a whole table: a table scan is fast on a test database and slow after a school year of answers.
// Each statement the app sends is replayed through SQLite's EXPLAIN QUERY PLAN on the same file.
// (Found by the quiz benchmark: Prisma's relation `_count` groups the whole answers table.)
import Database from "better-sqlite3";
import { describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/enums";
import { rightResponse, wrongResponse } from "../../tooling/answers";
import { sentIn } from "../support/sent";
import type { LoggedStatement } from "../support/statement-log";

const log = vi.hoisted(() => ({ statements: [] as LoggedStatement[] }));

vi.mock("@/lib/db", async (importOriginal) => {
  const { dbModuleWithStatementLog } = await import("../support/statement-log");
  return dbModuleWithStatementLog(await importOriginal<typeof import("@/lib/db")>(), log.statements);
});

const { db } = await import("@/lib/db");
const { databaseTarget } = await import("@/lib/database-url");
const { upsertUser } = await import("@/prisma/factories");
const { answerQuestion, finishAttempt, getAttemptView, startOrResumeAttempt } = await import("@/lib/quiz/attempts");
const { getQuestion } = await import("@/lib/quiz/bank");
const { createClass, joinClass, listClassesForTeacher } = await import("@/lib/teacher/classes");
const { createAssignment, studentAssignments } = await import("@/lib/teacher/assignments");
const { gradebookReport, questionReport } = await import("@/lib/teacher/reports");
const { finishedQuizzes, gradedAnswers } = await import("@/lib/progress/learner");
const { getReadingProgress } = await import("@/lib/progress/reading");
const { reviewQueueSize } = await import("@/lib/quiz/review");

let counter = 0;
const newUser = (role: Role = "STUDENT") => upsertUser(db, { email: `plans-${++counter}-${Date.now()}@example.test`, role });

/** Full scans of a table (`SCAN main.Table`, with or without a covering index) in the plans of what `run` sent. */
async function tableScans(run: () => Promise<unknown>): Promise<string[]> {
  log.statements.length = 0;
  await run();
  const target = databaseTarget(process.env.DATABASE_URL);
  if (target.provider !== "sqlite") throw new Error("integration tests run on SQLite");
  const sqlite = new Database(target.filePath, { readonly: true });
  try {
    return log.statements
      .filter((s) => /^\s*(SELECT|UPDATE|DELETE|INSERT)/i.test(s.query))
      .flatMap((s) => {
        // Values do not change a plan; null stands in for anything the driver would convert.
        const params = s.params.map((p) => (typeof p === "string" || typeof p === "number" ? p : null));
        const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${s.query}`).all(...params) as { detail: string }[];
        return plan.filter((row) => /^SCAN main\./.test(row.detail)).map((row) => `${row.detail}  ←  ${s.query.slice(0, 120)}`);
      });
  } finally {
    sqlite.close();
  }
}

describe("hot paths read by index", () => {
  it("a quiz: start, view, answer (right, wrong, repeated) and finish", async () => {
    // Other students' answers first, so a scan would have something to walk.
    for (let i = 0; i < 3; i++) {
      const other = await newUser();
      const { id } = await startOrResumeAttempt(other.id, { kind: "MIXED", scopeId: null });
      for (const item of (await getAttemptView(other.id, id)).items) {
        const q = getQuestion(item.question.id);
        if (q) await answerQuestion(other.id, id, q.id, sentIn(id, q, wrongResponse(q)));
      }
    }

    const student = await newUser();
    const scans: string[] = [];
    let attemptId = "";
    scans.push(
      ...(await tableScans(async () => void ({ id: attemptId } = await startOrResumeAttempt(student.id, { kind: "LESSON", scopeId: "potato-diplomacy" })))),
    );
    const view = await getAttemptView(student.id, attemptId);
    scans.push(...(await tableScans(() => getAttemptView(student.id, attemptId))));
    const [first, second] = view.items.map((item) => getQuestion(item.question.id));
    if (!first || !second) throw new Error("the lesson quiz has fewer than two questions");
    scans.push(...(await tableScans(() => answerQuestion(student.id, attemptId, first.id, sentIn(attemptId, first, rightResponse(first))))));
    scans.push(...(await tableScans(() => answerQuestion(student.id, attemptId, second.id, sentIn(attemptId, second, wrongResponse(second))))));
    scans.push(...(await tableScans(() => answerQuestion(student.id, attemptId, second.id, sentIn(attemptId, second, wrongResponse(second))))));
    scans.push(...(await tableScans(() => finishAttempt(student.id, attemptId))));

    expect(log.statements.length).toBeGreaterThan(0);
    expect(scans).toEqual([]);
  });

  it("a student's dashboard, and a teacher's classes, gradebook and question analysis", async () => {
    const teacher = await newUser("TEACHER");
    const { id: classId, joinCode } = await createClass(teacher.id, "Plans");
    await createClass((await newUser("TEACHER")).id, "Someone else's");
    const student = await newUser();
    await joinClass(student.id, joinCode, { address: `plans-${counter}`, sleep: async () => undefined });
    const day = 24 * 60 * 60 * 1000;
    const { id: assignmentId } = await createAssignment(teacher.id, classId, {
      title: "Potato diplomacy",
      kind: "LESSON",
      scopeId: "potato-diplomacy",
      opensAt: new Date(Date.now() - day),
      dueAt: new Date(Date.now() + day),
      reveal: "IMMEDIATELY",
      maxAttempts: 2,
      studentIds: [],
      questionIds: [],
    });
    const { id: attemptId } = await startOrResumeAttempt(student.id, { kind: "LESSON", scopeId: "potato-diplomacy" }, assignmentId);
    const [item] = (await getAttemptView(student.id, attemptId)).items;
    const question = item && getQuestion(item.question.id);
    if (!question) throw new Error("the lesson quiz is empty");
    await answerQuestion(student.id, attemptId, question.id, sentIn(attemptId, question, wrongResponse(question)));

    const dashboard = await tableScans(() =>
      Promise.all([
        getReadingProgress(student.id),
        gradedAnswers(student.id),
        finishedQuizzes(student.id),
        reviewQueueSize(student.id, new Date()),
        studentAssignments(student.id),
      ]),
    );
    expect(dashboard).toEqual([]);
    expect(await tableScans(() => listClassesForTeacher(teacher.id))).toEqual([]);
    expect(await listClassesForTeacher(teacher.id)).toMatchObject([{ name: "Plans", students: 1, assignments: 1 }]);
    expect(await tableScans(() => gradebookReport(teacher.id, classId))).toEqual([]);
    expect(await tableScans(() => questionReport(teacher.id, classId))).toEqual([]);
    expect((await questionReport(teacher.id, classId)).items).toHaveLength(1);
  });
});
