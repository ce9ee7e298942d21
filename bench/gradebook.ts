// Gradebook render time and query count for a class of 40 students with 10 assignments.
// Seeds a fresh SQLite file (every student attempts most assignments, with answers), then times
// the gradebook and the full reports page's data (median of 20 runs) and counts SQL statements.
// Usage: npm run bench:gradebook
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { toolingClient } from "../tooling/database-client";
import { migratedSqliteFile } from "../tooling/fresh-database";

const STUDENTS = 40;
const ASSIGNMENTS = 10;
const RUNS = 20;
const DAY = 86_400_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "backchannel-gradebook-"));
const file = path.join(dir, "bench.db");
process.env.DATABASE_URL = `file:${file}`;
await migratedSqliteFile(file);

// The app's client, with statement logging: placed where lib/db.ts looks for its one client.
let statements = 0;
const client = toolingClient(
  { provider: "sqlite", filePath: file },
  {
    onQuery: () => {
      statements += 1;
    },
  },
);
Object.assign(globalThis, { backchannelDb: client });

const { db } = await import("../lib/db");
const { upsertUser } = await import("../prisma/factories");
const { createClass, joinClass } = await import("../lib/teacher/classes");
const { createAssignment } = await import("../lib/teacher/assignments");
const { gradebookForClass, gradebookReport, questionReport } = await import("../lib/teacher/reports");
const { getLessons } = await import("../lib/content");
const { getQuestionsForLesson } = await import("../lib/quiz/bank");

const teacher = await upsertUser(db, { email: "gradebook-teacher@bench.test", role: "TEACHER" });
const { id: classId, joinCode } = await createClass(teacher.id, "Year 12 Politics");
const lessons = getLessons();
const assignments: { id: string; questions: string[] }[] = [];
for (let a = 0; a < ASSIGNMENTS; a++) {
  const lesson = lessons[a % lessons.length];
  if (!lesson) throw new Error("no lessons");
  const { id } = await createAssignment(
    teacher.id,
    classId,
    {
      title: `Week ${a + 1}: ${lesson.title}`,
      kind: "LESSON",
      scopeId: lesson.slug,
      opensAt: new Date(Date.now() - 30 * DAY),
      dueAt: new Date(Date.now() + (a - 5) * DAY + DAY / 2),
      reveal: "IMMEDIATELY",
      maxAttempts: 2,
      studentIds: [],
      questionIds: [],
    },
    new Date(Date.now() - 29 * DAY),
  ); // created a month ago, so past due dates are valid
  assignments.push({
    id,
    questions: getQuestionsForLesson(lesson.slug)
      .slice(0, 8)
      .map((q) => q.id),
  });
}
for (let s = 0; s < STUDENTS; s++) {
  const student = await upsertUser(db, { email: `student-${s}@bench.test`, name: `Student ${s + 1}` });
  await joinClass(student.id, joinCode, { address: `bench-${s}`, sleep: async () => undefined });
  for (const [a, assignment] of assignments.entries()) {
    if ((s + a) % 7 === 0) continue; // some never start
    const finished = (s + a) % 5 !== 0;
    await db.attempt.create({
      data: {
        userId: student.id,
        kind: "LESSON",
        scopeId: null,
        assignmentId: assignment.id,
        questionIds: assignment.questions,
        finishedAt: finished ? new Date() : null,
        score: finished ? ((s * 7 + a * 3) % 10) / 10 : null,
        answers: {
          create: assignment.questions.map((questionId, i) => ({ questionId, response: {}, correct: (s + i) % 3 !== 0, score: (s + i) % 3 !== 0 ? 1 : 0 })),
        },
      },
    });
  }
}

async function measure(label: string, run: () => Promise<unknown>) {
  await run(); // warm-up
  const times: number[] = [];
  let perRun = 0;
  for (let i = 0; i < RUNS; i++) {
    statements = 0;
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
    perRun = statements;
  }
  times.sort((a, b) => a - b);
  return { label, median: times[Math.floor(RUNS / 2)] ?? NaN, p95: times[Math.floor(RUNS * 0.95)] ?? NaN, statements: perRun };
}

const rows = [
  await measure("gradebook (students × assignments)", () => gradebookForClass(teacher.id, classId)),
  await measure("gradebook page data (with mastery)", () => gradebookReport(teacher.id, classId)),
  await measure("question analysis page data", () => questionReport(teacher.id, classId)),
];
console.log(`Class of ${STUDENTS} students × ${ASSIGNMENTS} assignments, median of ${RUNS} runs\n`);
console.log("| data | median (ms) | p95 (ms) | SQL statements |\n|---|---:|---:|---:|");
for (const row of rows) console.log(`| ${row.label} | ${row.median.toFixed(1)} | ${row.p95.toFixed(1)} | ${row.statements} |`);
await client.$disconnect();
fs.rmSync(dir, { recursive: true, force: true });
