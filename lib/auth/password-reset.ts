// Password reset by email (decision 0033). The link carries 32 random bytes; only their SHA-256 is
// stored, so a copy of the database gives no working link. A link works once and for an hour, and
// using it ends every session of the account (the new password raises the session version).
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { sendMail, type MailConfig } from "@/lib/mail/send";
import { hashPassword } from "./password";
import { reserveAttempt, type ThrottleKey } from "./throttle";
import { describeRetry, type ThrottleRule } from "./throttle-policy";

export const RESET_LINK_LIFETIME_MS = 60 * 60_000;

const HOUR = 60 * 60_000;
/**
 * Requests are counted, not failures: per email 3 an hour (a mailbox is not flooded), per address
 * 30 (a classroom shares one). Over the email's limit nothing is sent and the answer stays the same,
 * so the answer never tells whether the account exists.
 */
export const RESET_RULES = {
  email: { windowMs: HOUR, maxFailures: 3, lockMs: HOUR, slowAfter: Number.MAX_SAFE_INTEGER },
  address: { windowMs: HOUR, maxFailures: 30, lockMs: HOUR, slowAfter: Number.MAX_SAFE_INTEGER },
} as const satisfies Record<string, ThrottleRule>;

export function hashResetToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function resetLink(baseUrl: string, token: string): string {
  return `${baseUrl}/reset-password?token=${encodeURIComponent(token)}`;
}

export type ResetRequest = {
  /** The mail on its way (or nothing, for an unknown or throttled email). The action does not wait for it, so the answer takes as long either way. */
  delivery: Promise<void>;
};

/**
 * "Forgot your password?": sends a reset link if the email has an account. Refuses only when this
 * address has asked too often, which says nothing about any account.
 */
export async function requestPasswordReset(
  email: string,
  address: string,
  baseUrl: string,
  { now = new Date(), mail }: { now?: Date; mail?: MailConfig } = {},
): Promise<ResetRequest> {
  const byAddress = await reserveAttempt({ key: `reset:address:${address}`, rule: RESET_RULES.address }, now);
  if (!byAddress.allowed) {
    throw new DomainError("rate_limited", `Too many reset requests from this network. Try again ${describeRetry(byAddress.retryAfterMs)}.`);
  }
  const byEmail = await reserveAttempt({ key: `reset:email:${email}`, rule: RESET_RULES.email } satisfies ThrottleKey, now);
  if (!byEmail.allowed) return { delivery: Promise.resolve() };
  return { delivery: sendResetLink(email, baseUrl, now, mail) };
}

async function sendResetLink(email: string, baseUrl: string, now: Date, config: MailConfig | undefined): Promise<void> {
  await mailResetLink(email, baseUrl, now, config, (name, link) => ({
    subject: "Reset your Backchannel password",
    text: [
      `Hello ${name},`,
      "",
      "Someone (we hope you) asked to reset the password of your Backchannel account. To choose a new password, open this link within an hour:",
      "",
      link,
      "",
      "The link works once. Choosing a new password signs you out everywhere.",
      "If you did not ask for this, ignore this email: your password stays as it is.",
    ],
  }));
}

/**
 * Sign-in locked one client out of the account after repeated wrong passwords (decision 0035):
 * the owner is told, and given a reset link, so she can always get in whatever the other client does.
 */
export async function sendLockoutNotice(
  email: string,
  address: string,
  baseUrl: string,
  { now = new Date(), mail }: { now?: Date; mail?: MailConfig } = {},
): Promise<void> {
  await mailResetLink(email, baseUrl, now, mail, (name, link) => ({
    subject: "Repeated failed sign-ins to your Backchannel account",
    text: [
      `Hello ${name},`,
      "",
      `Someone at the network address ${address} typed a wrong password for your Backchannel account several times, so that device cannot try again for a while. Your account stays open: you can still sign in as usual from your own devices.`,
      "",
      "If this was not you, choose a new password with this link (it works once, within an hour, and signs you out everywhere):",
      "",
      link,
      "",
      "If it was you, you can ignore this email, or use the link if you have forgotten your password.",
    ],
  }));
}

async function mailResetLink(
  email: string,
  baseUrl: string,
  now: Date,
  config: MailConfig | undefined,
  message: (name: string, link: string) => { subject: string; text: string[] },
): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true } });
  if (!user) return;
  const token = randomBytes(32).toString("base64url");
  await db.passwordReset.create({ data: { userId: user.id, tokenHash: hashResetToken(token), expiresAt: new Date(now.getTime() + RESET_LINK_LIFETIME_MS) } });
  const { subject, text } = message(user.name, resetLink(baseUrl, token));
  await sendMail({ to: email, subject, text: text.join("\n") }, config);
}

export type ResetLinkState = "valid" | "expired-or-used";

/** Whether a link can still be used, for the page that shows the new-password form (nothing is used up). */
export async function resetLinkState(token: string, now = new Date()): Promise<ResetLinkState> {
  const row = await db.passwordReset.findUnique({ where: { tokenHash: hashResetToken(token) }, select: { usedAt: true, expiresAt: true } });
  return row && !row.usedAt && row.expiresAt > now ? "valid" : "expired-or-used";
}

export const LINK_UNUSABLE = "This reset link has expired or has already been used. Ask for a new one.";

/**
 * Sets the new password through a link, once: the link is claimed by a conditional update, so of two
 * uses at the same time only one passes. Every other open link of the account stops working too, and
 * the session version is raised, which ends every session.
 */
export async function resetPassword(token: string, newPassword: string, now = new Date()): Promise<{ email: string }> {
  const tokenHash = hashResetToken(token);
  // The cheap check first, so a made-up link costs no password hash.
  if ((await resetLinkState(token, now)) !== "valid") throw new DomainError("invalid_input", LINK_UNUSABLE);
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    const claimed = await tx.passwordReset.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count !== 1) throw new DomainError("invalid_input", LINK_UNUSABLE);
    const { userId } = await tx.passwordReset.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
    await tx.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    const user = await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { email: true } });
    // The owner can always get in through a reset (decision 0035): every client's lock on this
    // account ends with the old password, including the lock on her own shared address.
    await tx.throttle.deleteMany({ where: { key: { startsWith: "signin:client:", endsWith: `:${user.email}` } } });
    return { email: user.email };
  });
}
