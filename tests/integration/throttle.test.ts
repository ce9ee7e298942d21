// The sign-in throttle's counters in a real SQLite file: attempts made at the same time cannot
// slip under the limit, and windows and locks that have run out start again from zero.
import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { recordFailure, reserveAttempt, type ThrottleKey } from "@/lib/auth/throttle";
import { RULES } from "@/lib/auth/throttle-policy";
import { db } from "@/lib/db";
import { upsertUser } from "@/prisma/factories";

const PASSWORD = "a long enough passphrase";
let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${Date.now()}`;
const accountKey = (): ThrottleKey => ({ key: `test:${unique("key")}`, rule: RULES.account });
const failuresOf = async (key: string) => (await db.throttle.findUnique({ where: { key } }))?.failures ?? 0;

describe("sign-in throttle", () => {
  it("checks at most five passwords when ten wrong ones from one client for one account arrive at once", async () => {
    const user = await upsertUser(db, { email: `${unique("burst")}@example.test`, password: PASSWORD });
    const client = `10.9.${counter}.1`;
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => authenticate({ email: user.email, password: `wrong ${i}` }, client)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === "invalid")).toHaveLength(RULES.account.maxFailures);
    expect(statuses.filter((s) => s === "locked")).toHaveLength(10 - RULES.account.maxFailures);
    expect((await authenticate({ email: user.email, password: PASSWORD }, client)).status).toBe("locked");
    // Another client (the owner) is not locked out (decision 0035).
    expect((await authenticate({ email: user.email, password: PASSWORD }, "10.9.255.1")).status).toBe("ok");
  }, 60_000);

  it("adds every failure recorded at the same time", async () => {
    const key = accountKey();
    const unlimited: ThrottleKey = { key: key.key, rule: { ...key.rule, maxFailures: 1_000 } };
    await Promise.all(Array.from({ length: 20 }, () => recordFailure([unlimited])));
    expect(await failuresOf(key.key)).toBe(20);
  });

  it("slows an attempt by the failures before it, then refuses once the limit is passed", async () => {
    const key = accountKey();
    const now = new Date();
    const decisions = [];
    for (let i = 0; i < RULES.account.maxFailures + 1; i++) decisions.push(await reserveAttempt(key, now));
    expect(decisions.slice(0, 3)).toEqual([
      { allowed: true, delayMs: 0 },
      { allowed: true, delayMs: 0 },
      { allowed: true, delayMs: 0 },
    ]);
    expect(decisions[3]).toEqual({ allowed: true, delayMs: 250 });
    expect(decisions[4]).toEqual({ allowed: true, delayMs: 500 });
    expect(decisions[5]).toEqual({ allowed: false, retryAfterMs: RULES.account.lockMs });
  });

  it("starts again from zero when the window or the lock has run out", async () => {
    const stale = accountKey();
    const longAgo = new Date(Date.now() - RULES.account.windowMs - 60_000);
    await db.throttle.create({ data: { key: stale.key, failures: 4, windowStart: longAgo } });
    expect(await reserveAttempt(stale)).toEqual({ allowed: true, delayMs: 0 });
    expect(await failuresOf(stale.key)).toBe(1);

    const expired = accountKey();
    await db.throttle.create({
      data: { key: expired.key, failures: 5, windowStart: new Date(Date.now() - 60_000), lockedUntil: new Date(Date.now() - 1_000) },
    });
    expect(await reserveAttempt(expired)).toEqual({ allowed: true, delayMs: 0 });
    expect(await db.throttle.findUnique({ where: { key: expired.key }, select: { failures: true, lockedUntil: true } })).toEqual({
      failures: 1,
      lockedUntil: null,
    });
  });
});
