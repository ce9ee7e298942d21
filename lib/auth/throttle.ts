// Failure counters in the database (table Throttle), shared by every app server.
import { db } from "@/lib/db";
import { decide, type ThrottleDecision, type ThrottleRule } from "./throttle-policy";

export type ThrottleKey = { key: string; rule: ThrottleRule };

/** The strictest decision over several keys (for example the account and the address). */
export async function checkThrottle(keys: ThrottleKey[], now = new Date()): Promise<ThrottleDecision> {
  const rows = await db.throttle.findMany({ where: { key: { in: keys.map((k) => k.key) } } });
  let delayMs = 0;
  for (const { key, rule } of keys) {
    const decision = decide(rows.find((row) => row.key === key) ?? null, rule, now);
    if (!decision.allowed) return decision;
    delayMs = Math.max(delayMs, decision.delayMs);
  }
  return { allowed: true, delayMs };
}

/**
 * Restarts a key whose window or lock has run out (what the policy counts as zero failures). Two
 * servers doing this at once both write the same zero, so it needs no lock.
 */
async function restartIfStale({ key, rule }: ThrottleKey, now: Date): Promise<void> {
  await db.throttle.updateMany({
    where: { key, OR: [{ windowStart: { lt: new Date(now.getTime() - rule.windowMs) } }, { lockedUntil: { lte: now } }] },
    data: { failures: 0, windowStart: now, lockedUntil: null },
  });
}

/**
 * One more failure, added by the database itself (an upsert with an increment): reading the count
 * and writing it back would let failures sent at the same time, to one server or several,
 * overwrite each other's increment. Returns the count after this one.
 */
async function countFailure(throttleKey: ThrottleKey, now: Date): Promise<{ failures: number; lockedUntil: Date | null }> {
  const { key, rule } = throttleKey;
  await restartIfStale(throttleKey, now);
  const row = await db.throttle.upsert({
    where: { key },
    create: { key, failures: 1, windowStart: now },
    update: { failures: { increment: 1 } },
    select: { failures: true, lockedUntil: true },
  });
  if (row.failures < rule.maxFailures || row.lockedUntil) return row;
  const lockedUntil = new Date(now.getTime() + rule.lockMs);
  await db.throttle.updateMany({ where: { key, lockedUntil: null }, data: { lockedUntil } });
  return { failures: row.failures, lockedUntil };
}

export async function recordFailure(keys: ThrottleKey[], now = new Date()): Promise<void> {
  for (const key of keys) await countFailure(key, now);
}

/**
 * Counts this attempt against the key *before* the secret is checked, and says whether it may go
 * ahead. Checking first and counting after a failed check would let attempts made at the same time
 * all pass the check; counted first, at most `maxFailures` of them are ever checked. A success
 * clears the count (clearThrottle).
 */
export async function reserveAttempt(throttleKey: ThrottleKey, now = new Date()): Promise<ThrottleDecision> {
  const { failures, lockedUntil } = await countFailure(throttleKey, now);
  const { rule } = throttleKey;
  if (failures > rule.maxFailures) return { allowed: false, retryAfterMs: lockedUntil ? Math.max(0, lockedUntil.getTime() - now.getTime()) : rule.lockMs };
  // Slowed by the failures before this attempt, as checkThrottle would have been.
  return decide({ failures: failures - 1, windowStart: now, lockedUntil: null }, rule, now);
}

export async function clearThrottle(key: string): Promise<void> {
  await db.throttle.deleteMany({ where: { key } });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
