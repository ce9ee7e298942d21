// Sign-in lock-outs that cannot be turned against the owner (issue 15, F5; decision 0035), on a real
// SQLite file, with the owner's notice sent through a real SMTP server in this process (smtp-server)
// and read back with mailparser.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate, throttleKeys } from "@/lib/auth/authenticate";
import { resetLinkState, resetPassword } from "@/lib/auth/password-reset";
import { checkThrottle, recordFailure } from "@/lib/auth/throttle";
import { RULES } from "@/lib/auth/throttle-policy";
import { db } from "@/lib/db";
import type { MailConfig } from "@/lib/mail/send";
import { startMailCatcher, type CaughtMail, type MailCatcher } from "@/tooling/mail-catcher";
import { upsertUser } from "@/prisma/factories";

const PASSWORD = "a long enough passphrase";
const BASE_URL = "http://school.example";
let counter = 0;
const uniqueEmail = (prefix: string) => `${prefix}-${++counter}-${Date.now()}@example.test`;
const uniqueAddress = () => `10.77.${Date.now() % 250}.${++counter % 250}`;

// A real SMTP server on a free port (tooling/mail-catcher.ts); every message it accepts is kept.
let smtp: MailCatcher;
let received: CaughtMail[] = [];
let mail: MailConfig;

beforeAll(async () => {
  smtp = await startMailCatcher();
  received = smtp.inbox;
  mail = { from: "Backchannel <no-reply@example.test>", smtpUrl: smtp.smtpUrl, outboxDir: "data/unused-outbox" };
});

afterAll(async () => {
  await smtp.close();
});

const signIn = (email: string, password: string, address: string) => authenticate({ email, password }, address, { baseUrl: BASE_URL, mail });

/** Five wrong passwords from one client, then its sixth attempt (the right password), awaiting the notice. */
async function lockOut(email: string, attacker: string) {
  for (let i = 0; i < RULES.account.maxFailures; i++) expect((await signIn(email, `wrong ${i}`, attacker)).status).toBe("invalid");
  const locked = await signIn(email, PASSWORD, attacker);
  expect(locked.status).toBe("locked");
  if (locked.status === "locked") await locked.notice;
  return locked;
}

describe("sign-in lock-out", () => {
  it("locks the attacker's client out while the owner, from another address, still signs in", async () => {
    const owner = await upsertUser(db, { email: uniqueEmail("owner"), password: PASSWORD });
    const attacker = uniqueAddress();
    await lockOut(owner.email, attacker);
    expect((await signIn(owner.email, PASSWORD, attacker)).status).toBe("locked");
    const home = await signIn(owner.email, PASSWORD, uniqueAddress());
    expect(home.status).toBe("ok");
  }, 60_000);

  it("tells the owner once an hour by email, with a working reset link, however many clients are locked out", async () => {
    const owner = await upsertUser(db, { email: uniqueEmail("notice"), password: PASSWORD, name: "Lina Sabbagh" });
    const before = received.length;
    const attacker = uniqueAddress();
    await lockOut(owner.email, attacker);
    const notices = received.slice(before).filter((m) => m.to === owner.email);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.subject).toBe("Repeated failed sign-ins to your Backchannel account");
    expect(notices[0]!.text).toContain("Hello Lina Sabbagh");
    expect(notices[0]!.text).toContain(`Someone at the network address ${attacker}`);
    const link = /http:\/\/school\.example\/reset-password\?token=([A-Za-z0-9_-]{43})/.exec(notices[0]!.text);
    expect(link, "the notice's reset link").not.toBeNull();
    expect(await resetLinkState(decodeURIComponent(link![1]!))).toBe("valid");

    // More refusals, and a second attacker locked out: no more mail this hour.
    await lockOut(owner.email, uniqueAddress());
    expect(received.slice(before).filter((m) => m.to === owner.email)).toHaveLength(1);
  }, 90_000);

  it("lets the owner in through the notice's reset link even from the locked-out address (a shared network)", async () => {
    const owner = await upsertUser(db, { email: uniqueEmail("shared"), password: PASSWORD });
    const before = received.length;
    const shared = uniqueAddress();
    await lockOut(owner.email, shared);
    const notice = received.slice(before).find((m) => m.to === owner.email);
    const token = /reset-password\?token=([A-Za-z0-9_-]{43})/.exec(notice?.text ?? "")?.[1];
    expect(token, "the notice's reset link").toBeDefined();
    await resetPassword(decodeURIComponent(token!), "a brand new passphrase");
    expect((await signIn(owner.email, "a brand new passphrase", shared)).status).toBe("ok");
  }, 60_000);

  it("answers the same for an email with no account, and mails nobody", async () => {
    const before = received.length;
    const nobody = uniqueEmail("nobody");
    const locked = await lockOut(nobody, uniqueAddress());
    expect(locked).toMatchObject({ status: "locked", retryAfterMs: expect.any(Number) });
    expect(received.length).toBe(before);
  }, 60_000);

  it("slows the account as a whole after many failures from many clients, but never closes it", async () => {
    const owner = await upsertUser(db, { email: uniqueEmail("slowed"), password: PASSWORD });
    const { account } = throttleKeys(owner.email, "any");
    // A hundred failures from a hundred clients (recorded directly: a hundred Argon2 checks would be slow).
    for (let i = 0; i < 100; i++) await recordFailure([account]);
    const decision = await checkThrottle([account]);
    expect(decision).toEqual({ allowed: true, delayMs: 2_000 });
    const started = Date.now();
    expect((await signIn(owner.email, PASSWORD, uniqueAddress())).status).toBe("ok");
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    // A failure counts against the account as a whole, whichever client sent it.
    await signIn(owner.email, "wrong again", uniqueAddress());
    expect((await db.throttle.findUnique({ where: { key: account.key } }))?.failures).toBe(101);
  }, 60_000);
});
