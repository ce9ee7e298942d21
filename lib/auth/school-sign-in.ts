// School sign-in through OpenID Connect (decision 0047). Auth.js checks the provider's answer
// (state, PKCE, nonce, the ID token's signature, issuer and audience); this module decides who the
// verified identity is here. No Auth.js types, so the rules run in tests against a real database.
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { AuthenticatedUser } from "./authenticate";
import { authenticate } from "./authenticate";
import { decideSchoolSignIn, normalisedEmail, type SchoolClaims, type SchoolRefusal } from "./school-decision";

export type { SchoolClaims, SchoolRefusal };

export const LINK_REQUEST_LIFETIME_MS = 10 * 60_000;

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Who a school sign-in signs in as, or where it goes instead (the link page, or a refusal). */
export type SchoolOutcome = { kind: "user"; user: AuthenticatedUser } | { kind: "link"; token: string } | { kind: "refuse"; reason: SchoolRefusal };

const USER_SELECT = { id: true, email: true, name: true, role: true, sessionVersion: true, isAdmin: true } as const;

/** Runs the decision against the database: signs in, creates the student account, or starts a link. */
export async function resolveSchoolSignIn(claims: SchoolClaims, now = new Date()): Promise<SchoolOutcome> {
  const linked = await db.schoolIdentity.findUnique({
    where: { issuer_subject: { issuer: claims.issuer, subject: claims.subject } },
    select: { userId: true },
  });
  const email = normalisedEmail(claims.email);
  const owner = linked || !email ? null : await db.user.findUnique({ where: { email }, select: { id: true } });
  const decision = decideSchoolSignIn(claims, linked?.userId ?? null, owner?.id ?? null);
  switch (decision.kind) {
    case "sign-in":
      return { kind: "user", user: await db.user.findUniqueOrThrow({ where: { id: decision.userId }, select: USER_SELECT }) };
    case "refuse":
      return decision;
    case "link": {
      const token = randomBytes(32).toString("base64url");
      await db.schoolLinkRequest.deleteMany({ where: { expiresAt: { lt: now } } });
      await db.schoolLinkRequest.create({
        data: {
          userId: decision.userId,
          tokenHash: hashLinkToken(token),
          issuer: claims.issuer,
          subject: claims.subject,
          email: decision.email,
          expiresAt: new Date(now.getTime() + LINK_REQUEST_LIFETIME_MS),
        },
      });
      return { kind: "link", token };
    }
    case "create":
      return { kind: "user", user: await createSchoolAccount(claims, decision.email, decision.name) };
  }
}

/**
 * A new student account with the identity linked. It has no password (an empty hash matches none);
 * "Forgot your password?" gives it one. Two first sign-ins at once: the unique email or identity
 * makes one fail, and it signs in as the account the other made.
 */
async function createSchoolAccount(claims: SchoolClaims, email: string, name: string): Promise<AuthenticatedUser> {
  try {
    return await db.user.create({
      data: { email, name, passwordHash: "", role: "STUDENT", schoolIdentities: { create: { issuer: claims.issuer, subject: claims.subject, email } } },
      select: USER_SELECT,
    });
  } catch (error) {
    const linked = await db.schoolIdentity.findUnique({
      where: { issuer_subject: { issuer: claims.issuer, subject: claims.subject } },
      select: { user: { select: USER_SELECT } },
    });
    if (linked) return linked.user;
    throw error;
  }
}

/** The link page's request, if its token is current: whose account, and which school identity. */
export async function findLinkRequest(token: string, now = new Date()): Promise<{ id: string; email: string; issuer: string } | null> {
  if (!token) return null;
  const request = await db.schoolLinkRequest.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { id: true, email: true, issuer: true, expiresAt: true },
  });
  if (!request || request.expiresAt <= now) return null;
  return { id: request.id, email: request.email, issuer: request.issuer };
}

export type LinkResult = { status: "linked" } | { status: "expired" } | { status: "invalid" } | { status: "locked"; retryAfterMs: number };

/**
 * Links the school identity once the account's password is entered: the same check, throttle and
 * lock-out as signing in with it (authenticate), against the account the request names (never an
 * email from the form). The request is used up by a success.
 */
export async function completeLink(token: string, password: string, address: string, now = new Date()): Promise<LinkResult> {
  const request = await db.schoolLinkRequest.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { id: true, userId: true, issuer: true, subject: true, email: true, expiresAt: true, user: { select: { email: true } } },
  });
  if (!request || request.expiresAt <= now) return { status: "expired" };
  const checked = await authenticate({ email: request.user.email, password }, address);
  if (checked.status === "locked") return { status: "locked", retryAfterMs: checked.retryAfterMs };
  if (checked.status === "invalid" || checked.user.id !== request.userId) return { status: "invalid" };
  await db.$transaction([
    db.schoolLinkRequest.deleteMany({ where: { OR: [{ id: request.id }, { issuer: request.issuer, subject: request.subject }] } }),
    // Linked elsewhere meanwhile (two tabs): the identity moves to the account whose password was just given.
    db.schoolIdentity.deleteMany({ where: { issuer: request.issuer, subject: request.subject } }),
    db.schoolIdentity.create({ data: { userId: request.userId, issuer: request.issuer, subject: request.subject, email: request.email } }),
  ]);
  return { status: "linked" };
}
