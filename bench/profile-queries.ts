// npx tsx bench/profile-queries.ts [--iterations 300]
//
// Where the quiz API's time goes below HTTP: the SQL statements each operation sends (counted by
// wrapping better-sqlite3's prepare, which the Prisma adapter calls once per statement) and the
// time the domain functions take in-process, next to the floor route's one upsert. A fresh
// migrated and seeded SQLite file in bench/tmp/, deleted afterwards. No server, no Auth.js: add
// one statement per request for the session guard (getSessionUser: one SELECT on User).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import Sqlite from "better-sqlite3";
import { responseFor } from "../tooling/simulated-answers";
import { seededRandom, summarise } from "../tooling/stats";

const ROOT = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { iterations: { type: "string", default: "300" } } });
const iterations = Math.max(1, Number(values.iterations) || 300);

const statements: string[] = [];
const originalPrepare = Sqlite.prototype.prepare;
Sqlite.prototype.prepare = function prepare(this: Sqlite.Database, source: string) {
  statements.push(source);
  return originalPrepare.call(this, source);
} as typeof originalPrepare;

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { cwd: ROOT, env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
}

/** Runs `fn`, returning what it resolved to and the statements it sent. */
async function traced<T>(fn: () => Promise<T>): Promise<{ value: T; sql: string[] }> {
  const from = statements.length;
  const value = await fn();
  return { value, sql: statements.slice(from) };
}

function show(label: string, sql: string[]) {
  console.log(`\n${label}: ${sql.length} statements`);
  for (const line of sql) console.log(`    ${line.replace(/\s+/g, " ").slice(0, 150)}`);
}

async function main() {
  const dir = path.join(ROOT, "bench", "tmp", `profile-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  const url = `file:${path.join(dir, "profile.db")}`;
  try {
    const env = { ...process.env, DATABASE_URL: url };
    run(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], env);
    run(path.join(ROOT, "node_modules/.bin/tsx"), ["prisma/seed.ts"], { ...env, NODE_ENV: "test", SEED_DEMO_DATA: "false" });
    process.env.DATABASE_URL = url;
    const { db } = await import("@/lib/db");
    const attempts = await import("@/lib/quiz/attempts");
    const random = seededRandom(1);

    const user = await db.user.create({ data: { email: "profile@bench.test", name: "Profile", passwordHash: "x" }, select: { id: true } });
    const guard = await traced(() => db.user.findUnique({ where: { id: user.id }, select: { id: true, email: true, name: true, role: true } }));
    show("session guard (getSessionUser)", guard.sql);

    const start = await traced(async () => (await attempts.startAttemptView(user.id, { kind: "MIXED", scopeId: null })).attempt);
    show("POST /api/v1/attempts (startAttemptView)", start.sql);
    const view = start.value;
    const [firstItem, secondItem] = view.items;
    if (!firstItem || !secondItem) throw new Error("empty attempt");
    const right = await traced(() =>
      attempts.answerQuestion(user.id, view.id, firstItem.question.id, responseFor(firstItem.question.id, 0, random, firstItem.question)?.sent),
    );
    show("PUT …/answers/{id}, right answer (answerQuestion)", right.sql);
    const wrong = await traced(() =>
      attempts.answerQuestion(user.id, view.id, secondItem.question.id, responseFor(secondItem.question.id, 1, random, secondItem.question)?.sent),
    );
    show("PUT …/answers/{id}, wrong answer (answerQuestion)", wrong.sql);
    const finish = await traced(() => attempts.finishAttempt(user.id, view.id));
    show("POST …/finish (finishAttempt)", finish.sql);
    const floorWrite = () =>
      db.benchFloorWrite.upsert({
        where: { userId: user.id },
        create: { userId: user.id, writes: 1 },
        update: { writes: { increment: 1 } },
        select: { writes: true },
      });
    const floor = await traced(floorWrite);
    show("POST /api/bench/floor (benchFloorWrite.upsert)", floor.sql);

    // In-process timings: the same operations, many times, without HTTP, Next.js or Auth.js.
    const times = { guard: [] as number[], start: [] as number[], answer: [] as number[], finish: [] as number[], floor: [] as number[] };
    let done = 0;
    while (done < iterations) {
      let t = performance.now();
      const { attempt } = await attempts.startAttemptView(user.id, { kind: "MIXED", scopeId: null });
      const id = attempt.id;
      times.start.push(performance.now() - t);
      for (const item of attempt.items) {
        if (done >= iterations) break;
        t = performance.now();
        await attempts.answerQuestion(user.id, id, item.question.id, responseFor(item.question.id, 0.2, random, item.question)?.sent);
        times.answer.push(performance.now() - t);
        t = performance.now();
        await db.user.findUnique({ where: { id: user.id }, select: { id: true, email: true, name: true, role: true } });
        times.guard.push(performance.now() - t);
        t = performance.now();
        await floorWrite();
        times.floor.push(performance.now() - t);
        done++;
      }
      t = performance.now();
      await attempts.finishAttempt(user.id, id);
      times.finish.push(performance.now() - t);
    }
    console.log(`\nIn-process time per call, ms (${iterations} answers; the first calls include JIT warm-up):`);
    for (const [name, list] of Object.entries(times)) {
      const s = summarise(list);
      console.log(
        `  ${name.padEnd(7)} n=${String(s.count).padStart(5)}  mean ${s.mean.toFixed(3)}  p50 ${s.p50.toFixed(3)}  p95 ${s.p95.toFixed(3)}  p99 ${s.p99.toFixed(3)}`,
      );
    }
    await db.$disconnect();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
