/**
 * Signing in by a verified launch (decision 0051). The launch is a cross-site form post that Auth.js
 * has no provider for, so the session cookie is written here the way Auth.js writes its own: the
 * same claims its jwt() callback sets (lib/auth/config.ts), encrypted with Auth.js's `encode`, under
 * its cookie name and options. Guards, sign-out and session versions (decision 0033) treat it like
 * any other session.
 */
import { encode } from "next-auth/jwt";
import { authConfig } from "@/lib/auth/config";
import type { AuthenticatedUser } from "@/lib/auth/authenticate";

export type SessionCookie = { name: string; value: string; options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean; maxAge: number } };

export async function sessionCookieFor(user: AuthenticatedUser): Promise<SessionCookie> {
  const { secret, useSecureCookies, session } = authConfig();
  const name = `${useSecureCookies ? "__Secure-" : ""}authjs.session-token`;
  const maxAge = session.maxAge;
  const value = await encode({
    secret,
    salt: name,
    maxAge,
    token: { name: user.name, email: user.email, sub: user.id, role: user.role, sv: user.sessionVersion, admin: user.isAdmin },
  });
  return { name, value, options: { httpOnly: true, sameSite: "lax", path: "/", secure: useSecureCookies, maxAge } };
}
