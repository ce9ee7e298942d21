// Ending sessions, the throttled current-password check and password reset by email, on a real
// SQLite file, with reset mail sent through a real SMTP server in this process (smtp-server) and
// read back with mailparser (decision 0033).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changePassword } from "@/lib/auth/accounts";
import { authenticate } from "@/lib/auth/authenticate";
import { checkCurrentPassword } from "@/lib/auth/current-password";
import { SESSION_USER_SELECT, sessionUserFor } from "@/lib/auth/guards";
import { hashResetToken, RESET_LINK_LIFETIME_MS, RESET_RULES, requestPasswordReset, resetLinkState, resetPassword } from "@/lib/auth/password-reset";
import { sessionFromCookies } from "@/lib/auth/session-token";
import { endAllSessions } from "@/lib/auth/sessions";
import { RULES } from "@/lib/auth/throttle-policy";
import { db } from "@/lib/db";
import { readOutbox, sendMail, type MailConfig } from "@/lib/mail/send";
import { simpleParser } from "mailparser";
import { startMailCatcher, type CaughtMail, type MailCatcher } from "@/tooling/mail-catcher";
import { upsertUser } from "@/prisma/factories";

const PASSWORD = "a long enough passphrase";
const NEW_PASSWORD = "another careful passphrase";
const secret = "a-test-secret-that-is-long-enough-0123456789";
const COOKIE = "authjs.session-token";
let counter = 0;
const uniqueEmail = (prefix: string) => `${prefix}-${++counter}-${Date.now()}@example.test`;
const uniqueAddress = () => `10.33.${counter}.${++counter % 250}`;

/** Signs in as Auth.js would (authenticate, then the jwt callback's claims) and returns the cookie. */
async function signedInCookie(email: string, password = PASSWORD): Promise<string> {
  const result = await authenticate({ email, password }, uniqueAddress());
  if (result.status !== "ok") throw new Error(`sign-in failed: ${result.status}`);
  const token = await encode({ token: { sub: result.user.id, role: result.user.role, sv: result.user.sessionVersion }, secret, salt: COOKIE, maxAge: 3600 });
  return `${COOKIE}=${token}`;
}

/** What getSessionUser decides for a Cookie header: the same token read and the same one user read. */
async function sessionUser(cookie: string) {
  const claims = await sessionFromCookies(cookie, { secret, secureCookie: false });
  if (!claims) return null;
  const user = await db.user.findUnique({ where: { id: claims.userId }, select: SESSION_USER_SELECT });
  return user ? sessionUserFor(user, claims) : null;
}

// A real SMTP server on a free port (tooling/mail-catcher.ts); every message it accepts is kept.
let smtp: MailCatcher;
let received: CaughtMail[] = [];
let mail: MailConfig;
let outboxDir: string;

beforeAll(async () => {
  smtp = await startMailCatcher();
  received = smtp.inbox;
  outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), "backchannel-outbox-"));
  mail = { from: "Backchannel <no-reply@example.test>", smtpUrl: smtp.smtpUrl, outboxDir };
});

afterAll(async () => {
  await smtp.close();
  fs.rmSync(outboxDir, { recursive: true, force: true });
});

/** Asks for a reset link through the SMTP server and returns the token in the mail. */
async function resetTokenFor(email: string, now = new Date()): Promise<string> {
  const before = received.length;
  const { delivery } = await requestPasswordReset(email, uniqueAddress(), "http://school.example", { mail, now });
  await delivery;
  const message = received.slice(before).find((m) => m.to === email);
  expect(message, `a reset mail to ${email}`).toBeDefined();
  const link = /http:\/\/school\.example\/reset-password\?token=([A-Za-z0-9_-]{43})/.exec(message!.text);
  expect(link, "the mail's reset link").not.toBeNull();
  return decodeURIComponent(link![1]!);
}

describe("ending sessions", () => {
  it("refuses every older token once the session version is raised, and accepts a new sign-in", async () => {
    const user = await upsertUser(db, { email: uniqueEmail("sessions"), password: PASSWORD });
    const laptop = await signedInCookie(user.email);
    const phone = await signedInCookie(user.email);
    expect((await sessionUser(laptop))?.id).toBe(user.id);
    expect((await sessionUser(phone))?.id).toBe(user.id);

    await endAllSessions(user.id);
    expect(await sessionUser(laptop)).toBeNull();
    expect(await sessionUser(phone)).toBeNull();

    const again = await signedInCookie(user.email);
    expect((await sessionUser(again))?.id).toBe(user.id);
  });

  it("ends every session when the password is changed", async () => {
    const user = await upsertUser(db, { email: uniqueEmail("change"), password: PASSWORD });
    const cookie = await signedInCookie(user.email);
    await changePassword(user.id, NEW_PASSWORD);
    expect(await sessionUser(cookie)).toBeNull();
    expect((await sessionUser(await signedInCookie(user.email, NEW_PASSWORD)))?.id).toBe(user.id);
  });

  it("treats a token from before session versions as version 0", async () => {
    const user = await upsertUser(db, { email: uniqueEmail("legacy"), password: PASSWORD });
    const token = await encode({ token: { sub: user.id, role: "STUDENT" }, secret, salt: COOKIE, maxAge: 3600 });
    expect((await sessionUser(`${COOKIE}=${token}`))?.id).toBe(user.id);
    await endAllSessions(user.id);
    expect(await sessionUser(`${COOKIE}=${token}`)).toBeNull();
  });
});

describe("current-password checks", () => {
  it("lock like sign-in, on their own counter, so a stolen session cannot lock the owner's sign-in", async () => {
    const user = await upsertUser(db, { email: uniqueEmail("current"), password: PASSWORD });
    const statuses = [];
    for (let i = 0; i <= RULES.account.maxFailures; i++) statuses.push((await checkCurrentPassword(user, `wrong ${i}`)).status);
    expect(statuses.slice(0, RULES.account.maxFailures)).toEqual(Array(RULES.account.maxFailures).fill("invalid"));
    expect(statuses.at(-1)).toBe("locked");
    // Locked means locked: the right password is not checked either; signing in still works (decision 0035).
    expect((await checkCurrentPassword(user, PASSWORD)).status).toBe("locked");
    expect((await authenticate({ email: user.email, password: PASSWORD }, uniqueAddress())).status).toBe("ok");
  }, 60_000);

  it("checks at most five of ten guesses sent at once", async () => {
    const user = await upsertUser(db, { email: uniqueEmail("current-burst"), password: PASSWORD });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => checkCurrentPassword(user, `wrong ${i}`)));
    expect(results.filter((r) => r.status === "invalid")).toHaveLength(RULES.account.maxFailures);
    expect(results.filter((r) => r.status === "locked")).toHaveLength(10 - RULES.account.maxFailures);
  }, 60_000);

  it("a right password clears the count", async () => {
    const user = await upsertUser(db, { email: uniqueEmail("current-ok"), password: PASSWORD });
    for (let i = 0; i < RULES.account.maxFailures - 1; i++) await checkCurrentPassword(user, `wrong ${i}`);
    expect((await checkCurrentPassword(user, PASSWORD)).status).toBe("ok");
    expect(await db.throttle.findUnique({ where: { key: `current-password:${user.email}` } })).toBeNull();
  }, 60_000);
});

describe("password reset by email", () => {
  it("sends a link through SMTP that works once, sets the new password and ends every session", async () => {
    const user = await upsertUser(db, { email: uniqueEmail("reset"), password: PASSWORD, name: "Amira Haddad" });
    const cookie = await signedInCookie(user.email);
    const token = await resetTokenFor(user.email);

    // Only the hash is stored.
    const rows = await db.passwordReset.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashResetToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime()).toBeLessThanOrEqual(RESET_LINK_LIFETIME_MS + 1_000);

    expect(await resetLinkState(token)).toBe("valid");
    await resetPassword(token, NEW_PASSWORD);
    expect(await sessionUser(cookie)).toBeNull();
    expect((await authenticate({ email: user.email, password: PASSWORD }, uniqueAddress())).status).toBe("invalid");
    expect((await authenticate({ email: user.email, password: NEW_PASSWORD }, uniqueAddress())).status).toBe("ok");

    // Single use.
    expect(await resetLinkState(token)).toBe("expired-or-used");
    await expect(resetPassword(token, "a third careful passphrase")).rejects.toThrow(/expired or has already been used/);
  });

  it("uses a link only once when it is sent twice at the same time", async () => {
    const user = await upsertUser(db, { email: uniqueEmail("reset-race"), password: PASSWORD });
    const token = await resetTokenFor(user.email);
    const results = await Promise.allSettled([resetPassword(token, "first racing passphrase"), resetPassword(token, "second racing passphrase")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("refuses a link after an hour, and every older link once one is used", async () => {
    const user = await upsertUser(db, { email: uniqueEmail("reset-expiry"), password: PASSWORD });
    const old = await resetTokenFor(user.email, new Date(Date.now() - RESET_LINK_LIFETIME_MS - 1_000));
    expect(await resetLinkState(old)).toBe("expired-or-used");
    await expect(resetPassword(old, NEW_PASSWORD)).rejects.toThrow(/expired/);

    const first = await resetTokenFor(user.email);
    const second = await resetTokenFor(user.email);
    await resetPassword(second, NEW_PASSWORD);
    expect(await resetLinkState(first)).toBe("expired-or-used");
  });

  it("answers the same for an unknown email and sends nothing", async () => {
    const before = received.length;
    const { delivery } = await requestPasswordReset(uniqueEmail("nobody"), uniqueAddress(), "http://school.example", { mail });
    await delivery;
    expect(received.length).toBe(before);
  });

  it("sends at most three links an hour to one email, without saying so", async () => {
    const user = await upsertUser(db, { email: uniqueEmail("reset-flood"), password: PASSWORD });
    const before = received.length;
    for (let i = 0; i < RESET_RULES.email.maxFailures + 2; i++) {
      const { delivery } = await requestPasswordReset(user.email, uniqueAddress(), "http://school.example", { mail });
      await delivery;
    }
    expect(received.length - before).toBe(RESET_RULES.email.maxFailures);
  });

  it("refuses an address that asks too often, for any email", async () => {
    const address = `10.44.${++counter}.1`;
    for (let i = 0; i < RESET_RULES.address.maxFailures; i++) await requestPasswordReset(uniqueEmail("many"), address, "http://school.example", { mail });
    await expect(requestPasswordReset(uniqueEmail("many"), address, "http://school.example", { mail })).rejects.toThrow(/Too many reset requests/);
  });
});

describe("the outbox", () => {
  it("keeps a real message and lists it when no SMTP server is named", async () => {
    const delivery = await sendMail(
      { to: "leo@example.test", subject: "Reset your Backchannel password", text: "Open http://x.example/reset-password?token=abc" },
      { ...mail, smtpUrl: null },
    );
    expect(delivery.via).toBe("outbox");
    const file = delivery.via === "outbox" ? delivery.file : "";
    const parsed = await simpleParser(fs.readFileSync(file));
    expect(parsed.subject).toBe("Reset your Backchannel password");
    expect(parsed.text).toContain("reset-password?token=abc");
    const [listed] = await readOutbox(outboxDir);
    expect(listed).toMatchObject({ to: "leo@example.test", subject: "Reset your Backchannel password" });
  });
});
