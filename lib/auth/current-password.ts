// The current-password check of a signed-in person (change password, delete account), throttled
// like sign-in (the same rule, counted before the password is checked; issue 15, F8) but on its own
// counter: a stolen session that guesses here locks only these checks, never the owner's sign-in
// (decision 0035).
import { DomainError } from "@/lib/errors";
import { checkPassword } from "./accounts";
import { clearThrottle, reserveAttempt, sleep, type ThrottleKey } from "./throttle";
import { describeRetry, RULES } from "./throttle-policy";

export type CurrentPasswordResult = { status: "ok" } | { status: "invalid" } | { status: "locked"; retryAfterMs: number };

export function currentPasswordThrottleKey(email: string): ThrottleKey {
  return { key: `current-password:${email}`, rule: RULES.account };
}

export async function checkCurrentPassword(user: { id: string; email: string }, password: string): Promise<CurrentPasswordResult> {
  const key = currentPasswordThrottleKey(user.email);
  const decision = await reserveAttempt(key);
  if (!decision.allowed) return { status: "locked", retryAfterMs: decision.retryAfterMs };
  if (decision.delayMs > 0) await sleep(decision.delayMs);
  if (!(await checkPassword(user.id, password))) return { status: "invalid" };
  await clearThrottle(key.key);
  return { status: "ok" };
}

/** For a form: goes on quietly when the password is right, else refuses beside `field`. */
export async function requireCurrentPassword(user: { id: string; email: string }, password: string, field: string, wrong: string): Promise<void> {
  const result = await checkCurrentPassword(user, password);
  if (result.status === "ok") return;
  if (result.status === "invalid") throw new DomainError("invalid_input", wrong, { [field]: [wrong] });
  const message = `Too many wrong passwords. For your safety, try again ${describeRetry(result.retryAfterMs)}, or reset your password by email from the sign-in page.`;
  throw new DomainError("rate_limited", message, { [field]: [message] });
}
