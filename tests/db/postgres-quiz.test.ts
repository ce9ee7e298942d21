// The quiz attempt path (start, answer, retry, conflict, review queue, finish) on PostgreSQL, through
// the app's own lib/db client: the integration suite runs the same functions on SQLite only, and
// the answer path's queries (a relation count, a unique-key conflict, jsonb answers read back) are
// where the two databases could differ. A throwaway cluster of its own; skipped loudly without PostgreSQL unless
// REQUIRE_POSTGRES=1.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresAvailability, startPostgresCluster, type PostgresCluster } from "../../tooling/postgres-cluster";
import { REPO_ROOT, expectSuccess, runPrisma } from "../../tooling/prisma-cli";
import { rightResponse, wrongResponse } from "../../tooling/answers";
import { sentIn } from "../support/sent";

const availability = postgresAvailability();

describe.skipIf(!availability.available)("quiz attempts on PostgreSQL", () => {
  let cluster: PostgresCluster | undefined;

  beforeAll(async () => {
    if (!availability.available) return;
    cluster = await startPostgresCluster(availability.bin);
    const url = await cluster.createDatabase("quiz");
    expectSuccess(await runPrisma(["migrate", "deploy"], { cwd: REPO_ROOT, env: { DATABASE_URL: url } }), "migrate deploy");
    expectSuccess(await runPrisma(["db", "seed"], { cwd: REPO_ROOT, env: { DATABASE_URL: url, NODE_ENV: "test", SEED_DEMO_DATA: "false" } }), "db seed");
    // lib/db opens the database named in DATABASE_URL when it is first imported (below, per test).
    process.env.DATABASE_URL = url;
  }, 180_000);

  afterAll(async () => {
    const { db } = await import("@/lib/db");
    await db.$disconnect();
    await cluster?.stop();
  });

  it("starts, answers (right, wrong, retried, conflicting), resumes and finishes an attempt", async () => {
    const { db } = await import("@/lib/db");
    const { answerQuestion, finishAttempt, getAttemptView, startOrResumeAttempt } = await import("@/lib/quiz/attempts");
    const { getQuestion } = await import("@/lib/quiz/bank");
    expect(db.constructor.name).not.toMatch(/sqlite/i);
    const student = await db.user.create({ data: { email: "pg-student@example.test", name: "PG Student", role: "STUDENT", passwordHash: "x" } });

    const { id, resumed } = await startOrResumeAttempt(student.id, { kind: "PHASE", scopeId: "phase-rapport" });
    expect(resumed).toBe(false);
    const view = await getAttemptView(student.id, id);
    const [first, second] = view.items.map((item) => getQuestion(item.question.id));
    if (!first || !second) throw new Error("the phase quiz should have at least two built-in questions");

    const right = await answerQuestion(student.id, id, first.id, sentIn(id, first, rightResponse(first)));
    expect(right).toMatchObject({ recorded: true, answered: 1, item: { result: { correct: true, score: 1 } } });
    const retry = await answerQuestion(student.id, id, first.id, sentIn(id, first, rightResponse(first)));
    expect(retry).toMatchObject({ recorded: false, answered: 1 });
    await expect(answerQuestion(student.id, id, first.id, sentIn(id, first, wrongResponse(first)))).rejects.toMatchObject({ code: "conflict" });

    const wrong = await answerQuestion(student.id, id, second.id, sentIn(id, second, wrongResponse(second)));
    expect(wrong).toMatchObject({ recorded: true, answered: 2, item: { result: { correct: false } } });
    // The miss puts its question in review; the refused answer above left no trace.
    const { dueQuestionIds } = await import("@/lib/quiz/review");
    expect(await dueQuestionIds(student.id, new Date(Date.now() + 24 * 3600 * 1000), 10)).toEqual([second.id]);

    expect(await startOrResumeAttempt(student.id, { kind: "PHASE", scopeId: "phase-rapport" })).toEqual({ id, resumed: true });
    const finished = await finishAttempt(student.id, id);
    expect(finished.score).toBeCloseTo(1 / view.items.length, 5);
    await expect(answerQuestion(student.id, id, second.id, sentIn(id, second, wrongResponse(second)))).rejects.toMatchObject({ code: "conflict" });
    expect(await db.attemptAnswer.count({ where: { attemptId: id } })).toBe(2);
  });

  it("recognises a retried answer of every question type, although jsonb reorders object keys", async () => {
    const { db } = await import("@/lib/db");
    const { answerQuestion } = await import("@/lib/quiz/attempts");
    const { getQuestionBank } = await import("@/lib/quiz/bank");
    const student = await db.user.create({ data: { email: "pg-retry@example.test", name: "PG Retry", role: "STUDENT", passwordHash: "x" } });
    const oneOfEachType = [...new Map(getQuestionBank().map((q) => [q.type, q])).values()];
    expect(oneOfEachType.map((q) => q.type).sort()).toEqual(["classify", "match", "multiple", "order", "single", "true-false"]);
    const attempt = await db.attempt.create({ data: { userId: student.id, kind: "MIXED", scopeId: null, questionIds: oneOfEachType.map((q) => q.id) } });

    for (const question of oneOfEachType) {
      expect(await answerQuestion(student.id, attempt.id, question.id, sentIn(attempt.id, question, rightResponse(question))), question.type).toMatchObject({
        recorded: true,
      });
      expect(
        await answerQuestion(student.id, attempt.id, question.id, sentIn(attempt.id, question, rightResponse(question))),
        `${question.type}, sent again`,
      ).toMatchObject({ recorded: false });
      await expect(
        answerQuestion(student.id, attempt.id, question.id, sentIn(attempt.id, question, wrongResponse(question))),
        `${question.type}, changed`,
      ).rejects.toMatchObject({ code: "conflict" });
    }
  });
});
