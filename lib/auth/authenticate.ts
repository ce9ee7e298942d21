// Checking an email and password, with the throttle around it. No Auth.js types here so that the
// rule can be tested against a real database without a running server.
import { db } from "@/lib/db";
import type { Role } from "@/lib/enums";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { checkThrottle, clearThrottle, recordFailure, reserveAttempt, sleep, type ThrottleKey } from "./throttle";
import { RULES } from "./throttle-policy";
import { signInSchema } from "./validation";

export type AuthenticatedUser = { id: string; email: string; name: string; role: Role; sessionVersion: number };

export type AuthenticationResult = { status: "ok"; user: AuthenticatedUser } | { status: "invalid" } | { status: "locked"; retryAfterMs: number };

/**
 * The account's sign-in counter. The current-password checks of a signed-in person (change
 * password, delete account) count against it too (lib/auth/current-password.ts), so a stolen
 * session cannot guess the password faster than sign-in can.
 */
export function accountThrottleKey(email: string): ThrottleKey {
  return { key: `signin:account:${email}`, rule: RULES.account };
}

/** The account's key (counted before the password is checked) and the address's. */
export function throttleKeys(email: string, address: string): [account: ThrottleKey, address: ThrottleKey] {
  return [accountThrottleKey(email), { key: `signin:address:${address}`, rule: RULES.address }];
}

export async function authenticate(raw: unknown, address: string): Promise<AuthenticationResult> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { status: "invalid" };
  const { email, password } = parsed.data;
  const [accountKey, addressKey] = throttleKeys(email, address);

  // The address is only checked (a classroom shares one); the account's attempt is counted now.
  const byAddress = await checkThrottle([addressKey]);
  if (!byAddress.allowed) return { status: "locked", retryAfterMs: byAddress.retryAfterMs };
  const byAccount = await reserveAttempt(accountKey);
  if (!byAccount.allowed) return { status: "locked", retryAfterMs: byAccount.retryAfterMs };
  const delayMs = Math.max(byAddress.delayMs, byAccount.delayMs);
  if (delayMs > 0) await sleep(delayMs);

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, sessionVersion: true },
  });
  // An unknown email costs the same hash verification as a wrong password.
  const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !ok) {
    await recordFailure([addressKey]);
    return { status: "invalid" };
  }
  await clearThrottle(accountKey.key);
  return { status: "ok", user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion } };
}
