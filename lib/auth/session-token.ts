// Who is asking: the user id in a request's Auth.js session cookie. Shared by the guards
// (lib/auth/guards.ts) and the proxy's early redirect (proxy.ts); no database, no Node-only module.
import { getToken } from "next-auth/jwt";

export type SessionCookieOptions = { secret: string; secureCookie: boolean };

/**
 * The user id in the session cookie found in a Cookie header, or null when there is none, or it
 * does not decrypt with the secret, or it has expired. Only the cookie is read: given a whole
 * request, getToken would also accept an `Authorization: Bearer` token, and sessions here are
 * cookies only (the OpenAPI document says so).
 */
export async function sessionUserIdFromCookies(cookieHeader: string | null, { secret, secureCookie }: SessionCookieOptions): Promise<string | null> {
  if (!cookieHeader) return null;
  const token = await getToken({ req: { headers: new Headers({ cookie: cookieHeader }) }, secret, secureCookie });
  return typeof token?.sub === "string" && token.sub !== "" ? token.sub : null;
}
