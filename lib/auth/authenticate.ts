// Checking an email and password, with the throttle around it. No Auth.js types here so that the
// rule can be tested against a real database without a running server.
import { db } from "@/lib/db";
import type { Role } from "@/lib/enums";
import type { MailConfig } from "@/lib/mail/send";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { sendLockoutNotice } from "./password-reset";
import { checkThrottle, clearThrottle, recordFailure, reserveAttempt, sleep, type ThrottleKey } from "./throttle";
import { RULES, type ThrottleRule } from "./throttle-policy";
import { signInSchema } from "./validation";

export type AuthenticatedUser = { id: string; email: string; name: string; role: Role; sessionVersion: number; isAdmin: boolean };

export type AuthenticationResult =
  | { status: "ok"; user: AuthenticatedUser }
  | { status: "invalid" }
  /** `notice`: the owner's email, on its way (sign-in does not wait for it). */
  | { status: "locked"; retryAfterMs: number; notice: Promise<void> };

const HOUR = 60 * 60_000;
/** The owner hears of a lock-out at most once an hour, however many clients get locked out. */
export const NOTICE_RULE = { windowMs: HOUR, maxFailures: 1, lockMs: HOUR, slowAfter: Number.MAX_SAFE_INTEGER } as const satisfies ThrottleRule;

/**
 * The counters of one sign-in (decision 0035): this client on this account (locks after five
 * failures: an attacker locks out only his own client), the account as a whole (only slowed, so
 * nobody can close someone else's account), and the address (loose: a classroom shares one).
 */
export function throttleKeys(email: string, address: string): { client: ThrottleKey; account: ThrottleKey; address: ThrottleKey } {
  return {
    client: { key: `signin:client:${address}:${email}`, rule: RULES.account },
    account: { key: `signin:account:${email}`, rule: RULES.accountWide },
    address: { key: `signin:address:${address}`, rule: RULES.address },
  };
}

export type AuthenticateOptions = {
  /** Where the owner's lock-out notice points for a password reset; with none, no notice is sent. */
  baseUrl?: string | null;
  mail?: MailConfig;
};

export async function authenticate(raw: unknown, address: string, { baseUrl = null, mail }: AuthenticateOptions = {}): Promise<AuthenticationResult> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { status: "invalid" };
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, address);

  // The address and the account are only checked; this client's attempt on the account is counted
  // now, before the password is checked (see reserveAttempt).
  const shared = await checkThrottle([keys.address, keys.account]);
  if (!shared.allowed) return { status: "locked", retryAfterMs: shared.retryAfterMs, notice: Promise.resolve() };
  const byClient = await reserveAttempt(keys.client);
  if (!byClient.allowed) return { status: "locked", retryAfterMs: byClient.retryAfterMs, notice: notifyOwner(email, address, baseUrl, mail) };
  const delayMs = Math.max(shared.delayMs, byClient.delayMs);
  if (delayMs > 0) await sleep(delayMs);

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, sessionVersion: true, isAdmin: true },
  });
  // An unknown email costs the same hash verification as a wrong password.
  const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !ok) {
    await recordFailure([keys.address, keys.account]);
    return { status: "invalid" };
  }
  // The account-wide count stays: it runs out with its window, and the owner's success must not
  // take the brake off an attacker guessing from elsewhere.
  await clearThrottle(keys.client.key);
  return {
    status: "ok",
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion, isAdmin: user.isAdmin },
  };
}

/**
 * Tells the owner (if the email has an account) that a client was locked out, with a reset link,
 * at most once an hour. Errors are logged, never shown to whoever was signing in.
 */
async function notifyOwner(email: string, address: string, baseUrl: string | null, mail: MailConfig | undefined): Promise<void> {
  if (!baseUrl) return;
  try {
    const first = await reserveAttempt({ key: `signin:notice:${email}`, rule: NOTICE_RULE });
    if (first.allowed) await sendLockoutNotice(email, address, baseUrl, { mail });
  } catch (error) {
    console.error("Could not send the lock-out notice", error);
  }
}
