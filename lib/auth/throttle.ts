// Failure counters in the database (table Throttle), shared by every app server.
import { db } from "@/lib/db";
import { afterFailure, decide, type ThrottleDecision, type ThrottleRule } from "./throttle-policy";

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

export async function recordFailure(keys: ThrottleKey[], now = new Date()): Promise<void> {
  for (const { key, rule } of keys) {
    await db.$transaction(async (tx) => {
      const current = await tx.throttle.findUnique({ where: { key } });
      const next = afterFailure(current, rule, now);
      await tx.throttle.upsert({ where: { key }, create: { key, ...next }, update: next });
    });
  }
}

export async function clearThrottle(key: string): Promise<void> {
  await db.throttle.deleteMany({ where: { key } });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
