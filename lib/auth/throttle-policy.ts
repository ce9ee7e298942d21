// How repeated failures are slowed and then refused. Pure, so the rule is unit-tested;
// lib/auth/throttle.ts keeps the counters in the database, where several app servers share them
// and the database adds each failure atomically (tests/integration/throttle.test.ts).

export type ThrottleState = { failures: number; windowStart: Date; lockedUntil: Date | null };

export type ThrottleRule = {
  /** Failures counted within this window; an older window starts again from zero. */
  windowMs: number;
  /** After this many failures within the window, the key is refused for `lockMs`. */
  maxFailures: number;
  lockMs: number;
  /** From this many failures on, each attempt waits before answering (doubling, capped). */
  slowAfter: number;
};

const MINUTE = 60_000;

// A classroom often shares one public address, so the per-address limit is much looser
// than the per-account one. An account as a whole is only ever slowed, never closed (decision
// 0035): the lock applies to one client trying one account (`account`), so an attacker locks out
// only himself.
export const RULES = {
  account: { windowMs: 15 * MINUTE, maxFailures: 5, lockMs: 15 * MINUTE, slowAfter: 3 },
  accountWide: { windowMs: 15 * MINUTE, maxFailures: Number.MAX_SAFE_INTEGER, lockMs: 0, slowAfter: 3 },
  address: { windowMs: 15 * MINUTE, maxFailures: 50, lockMs: 15 * MINUTE, slowAfter: 20 },
  joinCode: { windowMs: 15 * MINUTE, maxFailures: 10, lockMs: 15 * MINUTE, slowAfter: 5 },
} as const satisfies Record<string, ThrottleRule>;

export type ThrottleDecision = { allowed: true; delayMs: number } | { allowed: false; retryAfterMs: number };

/** Whether an attempt may go ahead now, and how long it should be slowed first. */
export function decide(state: ThrottleState | null, rule: ThrottleRule, now: Date): ThrottleDecision {
  if (!state) return { allowed: true, delayMs: 0 };
  if (state.lockedUntil && state.lockedUntil.getTime() > now.getTime()) {
    return { allowed: false, retryAfterMs: state.lockedUntil.getTime() - now.getTime() };
  }
  const failures = currentFailures(state, rule, now);
  if (failures < rule.slowAfter) return { allowed: true, delayMs: 0 };
  return { allowed: true, delayMs: Math.min(2_000, 250 * 2 ** (failures - rule.slowAfter)) };
}

function currentFailures(state: ThrottleState, rule: ThrottleRule, now: Date): number {
  const windowExpired = now.getTime() - state.windowStart.getTime() > rule.windowMs;
  const lockExpired = state.lockedUntil !== null && state.lockedUntil.getTime() <= now.getTime();
  return windowExpired || lockExpired ? 0 : state.failures;
}

/** "in 14 minutes" / "in 1 minute": for the message a refused person reads. */
export function describeRetry(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / MINUTE));
  return minutes === 1 ? "in 1 minute" : `in ${minutes} minutes`;
}
