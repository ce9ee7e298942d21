import { describe, expect, it } from "vitest";
import { decide, describeRetry, RULES, type ThrottleState } from "./throttle-policy";

const rule = RULES.account;
const t0 = new Date("2026-01-01T10:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

/** A key after `times` failures in a window that began at t0 (locked once the limit is reached, as lib/auth/throttle.ts does). */
function fail(times: number): ThrottleState {
  return { failures: times, windowStart: t0, lockedUntil: times >= rule.maxFailures ? at(times * 1000 + rule.lockMs) : null };
}

describe("sign-in throttle policy", () => {
  it("lets a first attempt through at once", () => {
    expect(decide(null, rule, t0)).toEqual({ allowed: true, delayMs: 0 });
  });

  it("slows attempts after a few failures, doubling the wait", () => {
    expect(decide(fail(2), rule, at(5_000))).toEqual({ allowed: true, delayMs: 0 });
    expect(decide(fail(3), rule, at(5_000))).toEqual({ allowed: true, delayMs: 250 });
    expect(decide(fail(4), rule, at(5_000))).toEqual({ allowed: true, delayMs: 500 });
  });

  it("refuses for the lock period once the limit is reached, then lets the person try again", () => {
    const locked = fail(rule.maxFailures);
    expect(locked.lockedUntil).not.toBeNull();
    const refused = decide(locked, rule, at(60_000));
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterMs).toBeGreaterThan(rule.lockMs - 61_000);
    expect(decide(locked, rule, at(rule.lockMs + 10_000))).toEqual({ allowed: true, delayMs: 0 });
  });

  it("forgets failures older than the window", () => {
    expect(decide(fail(4), rule, at(rule.windowMs + 5_000))).toEqual({ allowed: true, delayMs: 0 });
  });

  it("is much looser per address than per account (a class shares one address)", () => {
    expect(RULES.address.maxFailures).toBeGreaterThan(RULES.account.maxFailures * 5);
  });

  it("describes the wait in whole minutes", () => {
    expect(describeRetry(30_000)).toBe("in 1 minute");
    expect(describeRetry(14 * 60_000 + 1)).toBe("in 15 minutes");
  });
});
