// The guards called at the top of every protected page, server action and route handler.
// The proxy may redirect earlier, but these are what actually protect the data.
import { cookies } from "next/headers";
import { redirect, forbidden } from "next/navigation";
import { cache } from "react";
import { authConfig } from "./config";
import { db } from "@/lib/db";
import { sessionFromCookies, type SessionClaims } from "./session-token";
import type { Role } from "@/lib/enums";

/**
 * `role` TEACHER means a verified teacher (decision 0037); someone who asked to be one and waits
 * for an administrator is a STUDENT with `teacherRequested`.
 */
export type SessionUser = { id: string; email: string; name: string; role: Role; isAdmin: boolean; teacherRequested: boolean };

/** The columns the guards read, once per request. */
export const SESSION_USER_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  sessionVersion: true,
  isAdmin: true,
  teacherRequestedAt: true,
} as const;

type SessionUserRow = { id: string; email: string; name: string; role: Role; sessionVersion: number; isAdmin: boolean; teacherRequestedAt: Date | null };

/**
 * The signed-in person, re-read from the database so that a deleted account or a changed
 * role takes effect at once (the JWT alone could be days old), and a session that has been ended
 * (sign-out, a password change or reset, "sign out everywhere": the user's session version was
 * raised past the token's) counts as signed out, by the same read. Read once per request: React's
 * `cache` keeps the answer for the rest of one server-component render (a class page's layouts,
 * metadata and page each ask) and starts empty for the next. Outside a render (server actions,
 * route handlers) React has no request to keep it in, so each call reads again: one request's user
 * is never served to another (tests/reliability/session-user-once.test.ts).
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const claims = await sessionClaims();
  if (!claims) return null;
  const user = await db.user.findUnique({ where: { id: claims.userId }, select: SESSION_USER_SELECT });
  return user ? sessionUserFor(user, claims) : null;
});

/** The user a token's claims name, or null when the token is from a session that has been ended. */
export function sessionUserFor(user: SessionUserRow, claims: SessionClaims): SessionUser | null {
  if (user.id !== claims.userId || claims.sessionVersion !== user.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, isAdmin: user.isAdmin, teacherRequested: user.teacherRequestedAt !== null };
}

/**
 * The user id and session version in the request's session cookie, if it is valid and unexpired. Read from the token
 * (as proxy.ts does) rather than with auth(): auth() runs a whole session request (a CSRF token,
 * the callbacks, and a freshly encrypted cookie it then throws away), which cost about 0.25 ms
 * more per request than reading the token (bench, decision 0005).
 */
async function sessionClaims(): Promise<SessionClaims | null> {
  // cookies() first: it marks the page as per-request, so `next build` never asks for the secret.
  // cookies() rather than the Cookie header: when a server action has just replaced the session
  // cookie (a password change signs this device in again), the page it re-renders in the same
  // response must see the new cookie, and Next updates cookies() after an action, not the headers.
  const jar = await cookies();
  const header = jar
    .getAll()
    .map(({ name, value }) => `${name}=${value}`)
    .join("; ");
  const { secret, useSecureCookies } = authConfig();
  return sessionFromCookies(header || null, { secret, secureCookie: useSecureCookies });
}

/** For pages and server actions: anonymous people are sent to sign-in and brought back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** Like requireUser, and people without the role get a 403 page. */
export async function requireRole(role: Role, returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (user.role !== role) forbidden();
  return user;
}

/** For the administration pages: people who are not administrators get a 403 page (decision 0037). */
export async function requireAdmin(returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!user.isAdmin) forbidden();
  return user;
}
