// npx tsx bench/adapter-interleave.ts
//
// A finding of the quiz benchmark, reproduced in a few lines (docs/decisions/0008-benchmarks.md):
// the app's Prisma client (lib/db.ts, @prisma/adapter-better-sqlite3) has ONE SQLite connection.
// While an interactive transaction is open, every other query of the process runs on that same
// connection, so it reads the transaction's uncommitted rows, and a write it makes becomes part of
// the transaction: when the transaction rolls back, the other request's write, already
// acknowledged, is gone. Prints what happened and exits with 1 when the write was lost.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function main() {
  const dir = path.join(ROOT, "bench", "tmp", `interleave-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  const url = `file:${path.join(dir, "interleave.db")}`;
  try {
    const migrate = spawnSync(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    });
    if (migrate.status !== 0) throw new Error(migrate.stderr);
    process.env.DATABASE_URL = url;
    const { db } = await import("@/lib/db");
    const keys = async () => (await db.throttle.findMany({ select: { key: true }, orderBy: { key: "asc" } })).map((row) => row.key);

    await db.throttle.create({ data: { key: "a-before" } });
    // Request 1: a transaction that fails half-way (like removeStudent's notFound, or a P2002).
    const first = db
      .$transaction(async (tx) => {
        await tx.throttle.create({ data: { key: "b-inside-transaction" } });
        await sleep(100);
        throw new Error("request 1 fails and rolls back");
      })
      .catch((error: unknown) => console.log(`request 1: ${error instanceof Error ? error.message : String(error)}`));
    await sleep(50);
    // Request 2, meanwhile, outside any transaction.
    console.log(`request 2 reads: ${(await keys()).join(", ")}  (b-… is not committed)`);
    await db.throttle.create({ data: { key: "c-other-request" } });
    console.log("request 2 writes c-other-request: acknowledged");
    await first;
    const after = await keys();
    console.log(`after the rollback the table holds: ${after.join(", ")}`);
    const lost = !after.includes("c-other-request");
    console.log(lost ? "LOST: request 2's acknowledged write was rolled back with request 1's transaction." : "kept: request 2's write survived.");
    await db.$disconnect();
    if (lost) process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
