// Checking an email and password, with the throttle around it. No Auth.js types here so that the
// rule can be tested against a real database without a running server.
import { db } from "@/lib/db";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { checkThrottle, clearThrottle, recordFailure, sleep, type ThrottleKey } from "./throttle";
import { RULES } from "./throttle-policy";
import { signInSchema } from "./validation";

export type AuthenticatedUser = { id: string; email: string; name: string; role: "STUDENT" | "TEACHER" };

export type AuthenticationResult =
  | { status: "ok"; user: AuthenticatedUser }
  | { status: "invalid" }
  | { status: "locked"; retryAfterMs: number };

export function throttleKeys(email: string, address: string): ThrottleKey[] {
  return [
    { key: `signin:account:${email}`, rule: RULES.account },
    { key: `signin:address:${address}`, rule: RULES.address },
  ];
}

export async function authenticate(raw: unknown, address: string): Promise<AuthenticationResult> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { status: "invalid" };
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, address);

  const decision = await checkThrottle(keys);
  if (!decision.allowed) return { status: "locked", retryAfterMs: decision.retryAfterMs };
  if (decision.delayMs > 0) await sleep(decision.delayMs);

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true },
  });
  // An unknown email costs the same hash verification as a wrong password.
  const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !ok) {
    await recordFailure(keys);
    return { status: "invalid" };
  }
  const [accountKey] = keys;
  if (accountKey) await clearThrottle(accountKey.key);
  return { status: "ok", user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
