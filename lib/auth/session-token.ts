// Who is asking: the user id in a request's Auth.js session cookie. Shared by the guards
// (lib/auth/guards.ts) and the proxy's early redirect (proxy.ts); no database, no Node-only module.
import { getToken } from "next-auth/jwt";

export type SessionCookieOptions = { secret: string; secureCookie: boolean };

/** Who the token names and the session version it was issued under (decision 0033). */
export type SessionClaims = { userId: string; sessionVersion: number };

/**
 * The user id and session version in the session cookie found in a Cookie header, or null when
 * there is none, or it does not decrypt with the secret, or it has expired. Only the cookie is
 * read: given a whole request, getToken would also accept an `Authorization: Bearer` token, and
 * sessions here are cookies only (the OpenAPI document says so). A token issued before session
 * versions existed has version 0, the column's default, so it lasts until the first sign-out.
 */
export async function sessionFromCookies(cookieHeader: string | null, { secret, secureCookie }: SessionCookieOptions): Promise<SessionClaims | null> {
  if (!cookieHeader) return null;
  const token = await getToken({ req: { headers: new Headers({ cookie: cookieHeader }) }, secret, secureCookie });
  if (typeof token?.sub !== "string" || token.sub === "") return null;
  return { userId: token.sub, sessionVersion: typeof token.sv === "number" ? token.sv : 0 };
}

/**
 * The user id alone, for the proxy's early redirect, which reads no database and so cannot know
 * whether the session has since been ended; the guards decide that (getSessionUser).
 */
export async function sessionUserIdFromCookies(cookieHeader: string | null, options: SessionCookieOptions): Promise<string | null> {
  return (await sessionFromCookies(cookieHeader, options))?.userId ?? null;
}
