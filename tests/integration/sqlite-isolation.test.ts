// Regression test for a finding of the quiz benchmark: with one SQLite connection, another
// request's statements must not run inside an open transaction (lib/sqlite-serial-adapter.ts).
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { databaseTarget } from "@/lib/database-url";
import { db } from "@/lib/db";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe("SQLite transactions and concurrent requests", () => {
  it("a rolled-back transaction neither shows its rows to nor takes down another request's write", async () => {
    const failing = db
      .$transaction(async (tx) => {
        await tx.throttle.create({ data: { key: "iso-inside-transaction" } });
        await sleep(150);
        throw new Error("request 1 fails");
      })
      .catch((error: unknown) => error);
    await sleep(30);
    // Request 2, meanwhile: a read and an acknowledged write outside any transaction.
    const seen = await db.throttle.findMany({ where: { key: { startsWith: "iso-" } }, select: { key: true } });
    await db.throttle.create({ data: { key: "iso-other-request" } });
    expect(await failing).toBeInstanceOf(Error);

    expect(seen.map((row) => row.key)).not.toContain("iso-inside-transaction");
    const after = (await db.throttle.findMany({ where: { key: { startsWith: "iso-" } }, select: { key: true } })).map((row) => row.key);
    expect(after).toEqual(["iso-other-request"]);
  });

  it("committed transactions and plain writes all land", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? db.$transaction(async (tx) => {
              await tx.throttle.create({ data: { key: `mix-tx-${i}` } });
              await sleep(5);
            })
          : db.throttle.create({ data: { key: `mix-plain-${i}` } }),
      ),
    );
    expect(await db.throttle.count({ where: { key: { startsWith: "mix-" } } })).toBe(20);
  });

  it("a transaction that reads, then writes, waits for another process's write lock instead of failing", async () => {
    await db.throttle.create({ data: { key: "upgrade-counter" } });
    const target = databaseTarget(process.env.DATABASE_URL);
    if (target.provider !== "sqlite") throw new Error("the integration suite runs on SQLite");
    const file = target.filePath;
    // Another process holds the write lock for 600 ms (well under the 5 s busy timeout) and commits.
    const holder = spawn(
      process.execPath,
      [
        "-e",
        `const db = new (require("better-sqlite3"))(process.argv[1]); db.exec("BEGIN IMMEDIATE"); process.stdout.write("locked"); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 600); db.exec("COMMIT");`,
        file,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    await new Promise<void>((resolve) => holder.stdout.once("data", () => resolve()));
    // The sign-in throttle's shape: read the row, then update it. With a plain (deferred) BEGIN the
    // upgrade from reading to writing fails at once with SQLITE_BUSY, whatever the busy timeout.
    await db.$transaction(async (tx) => {
      const row = await tx.throttle.findUniqueOrThrow({ where: { key: "upgrade-counter" } });
      await tx.throttle.update({ where: { key: "upgrade-counter" }, data: { failures: row.failures + 1 } });
    });
    await new Promise<void>((resolve) => holder.once("exit", () => resolve()));
    expect((await db.throttle.findUniqueOrThrow({ where: { key: "upgrade-counter" } })).failures).toBe(1);
  });
});
