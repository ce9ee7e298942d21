// School sign-in (decision 0047) against a real SQLite database: who a verified identity becomes,
// and linking to a password account only with its password, throttled like signing in.
import { describe, expect, it } from "vitest";
import { completeLink, findLinkRequest, LINK_REQUEST_LIFETIME_MS, resolveSchoolSignIn, type SchoolClaims } from "@/lib/auth/school-sign-in";
import { exportAccountData } from "@/lib/auth/accounts";
import { authenticate } from "@/lib/auth/authenticate";
import { db } from "@/lib/db";
import { upsertUser } from "@/prisma/factories";

const ISSUER = "https://login.example.org/realms/school";
const PASSWORD = "a long enough passphrase";
let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${Date.now()}`;
const claims = (email: string, overrides: Partial<SchoolClaims> = {}): SchoolClaims => ({
  issuer: ISSUER,
  subject: unique("sub"),
  email,
  emailVerified: true,
  name: "Ada Lovelace",
  ...overrides,
});

describe("resolveSchoolSignIn", () => {
  it("makes a student account with no usable password on a first sign-in, and finds it by issuer and subject after", async () => {
    const first = claims(`${unique("ada")}@school.example`);
    const outcome = await resolveSchoolSignIn(first);
    expect(outcome).toMatchObject({ kind: "user", user: { email: first.email, name: "Ada Lovelace", role: "STUDENT", isAdmin: false } });
    if (outcome.kind !== "user") return;
    // No password signs in to it (the empty hash matches none).
    expect((await authenticate({ email: first.email, password: "any password at all" }, "203.0.113.9")).status).toBe("invalid");
    // The email changed at the school: still the same account, found by the subject.
    const again = await resolveSchoolSignIn({ ...first, email: `${unique("renamed")}@school.example` });
    expect(again).toMatchObject({ kind: "user", user: { id: outcome.user.id } });
    // The same subject from another issuer is someone else.
    const elsewhere = await resolveSchoolSignIn({ ...first, issuer: "https://accounts.google.com", email: `${unique("other")}@school.example` });
    expect(elsewhere).toMatchObject({ kind: "user" });
    expect(elsewhere.kind === "user" && elsewhere.user.id).not.toBe(outcome.user.id);
  });

  it("does not link an existing account by its email: it starts a link request and leaves the account alone", async () => {
    const owner = await upsertUser(db, { email: `${unique("grace")}@school.example`, password: PASSWORD, role: "TEACHER" });
    const outcome = await resolveSchoolSignIn(claims(owner.email.toUpperCase()));
    expect(outcome.kind).toBe("link");
    if (outcome.kind !== "link") return;
    expect(await findLinkRequest(outcome.token)).toMatchObject({ email: owner.email, issuer: ISSUER });
    expect(await db.schoolIdentity.count({ where: { userId: owner.id } })).toBe(0);
    expect(await findLinkRequest(outcome.token, new Date(Date.now() + LINK_REQUEST_LIFETIME_MS + 1))).toBeNull();
  });

  it("refuses an unverified or missing email without writing anything", async () => {
    const users = await db.user.count();
    expect(await resolveSchoolSignIn(claims(`${unique("x")}@school.example`, { emailVerified: false }))).toEqual({
      kind: "refuse",
      reason: "email-unverified",
    });
    expect(await resolveSchoolSignIn(claims("", { email: undefined }))).toEqual({ kind: "refuse", reason: "email-missing" });
    expect(await db.user.count()).toBe(users);
  });
});

describe("completeLink", () => {
  it("links with the account's password only, once, and locks this client out after five wrong ones", async () => {
    const owner = await upsertUser(db, { email: `${unique("linker")}@school.example`, password: PASSWORD });
    const identity = claims(owner.email);
    const outcome = await resolveSchoolSignIn(identity);
    if (outcome.kind !== "link") throw new Error("expected a link request");
    const address = `198.51.100.${counter}`;
    expect(await completeLink(outcome.token, "wrong password", address)).toEqual({ status: "invalid" });
    expect(await db.schoolIdentity.count({ where: { userId: owner.id } })).toBe(0);

    expect(await completeLink(outcome.token, PASSWORD, address)).toEqual({ status: "linked" });
    expect(await db.schoolIdentity.findMany({ where: { userId: owner.id }, select: { issuer: true, subject: true } })).toEqual([
      { issuer: ISSUER, subject: identity.subject },
    ]);
    expect(await completeLink(outcome.token, PASSWORD, address), "a request works once").toEqual({ status: "expired" });
    expect(await resolveSchoolSignIn(identity)).toMatchObject({ kind: "user", user: { id: owner.id } });
    // "Download my data" lists the link.
    expect((await exportAccountData(owner.id)).account.schoolIdentities).toEqual([expect.objectContaining({ issuer: ISSUER, subject: identity.subject })]);

    const other = await upsertUser(db, { email: `${unique("locked")}@school.example`, password: PASSWORD });
    const second = await resolveSchoolSignIn(claims(other.email));
    if (second.kind !== "link") throw new Error("expected a link request");
    const statuses: string[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await completeLink(second.token, `guess ${i}`, address)).status);
    expect(statuses).toEqual(["invalid", "invalid", "invalid", "invalid", "invalid", "locked"]);
    expect((await completeLink(second.token, PASSWORD, address)).status, "locked even with the right password").toBe("locked");
    expect(await db.schoolIdentity.count({ where: { userId: other.id } })).toBe(0);
  }, 60_000);
});
