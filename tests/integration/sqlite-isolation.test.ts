// Regression test for a finding of the quiz benchmark: with one SQLite connection, another
// request's statements must not run inside an open transaction (lib/sqlite-serial-adapter.ts).
import { describe, expect, it } from "vitest";
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
});
