// The edge-safe part of the Auth.js configuration (no database, no Node-only modules). It lives in
// lib so the guards can read the secret without importing a root app file; auth.config.ts (for the
// proxy) and auth.ts (the full setup with the Credentials provider) build on it.
import type { NextAuthConfig } from "next-auth";
import { env } from "@/lib/env";

/** Built on first use (not at import), so `next build` needs no secret. */
export function authConfig() {
  const { authSecret, nodeEnv } = env();
  return {
    secret: authSecret,
    // The app runs behind whatever host the school gives it; Auth.js must not reject it.
    trustHost: true,
    // Secure cookies in production (browsers accept them on http://localhost too).
    useSecureCookies: nodeEnv === "production",
    ...baseConfig,
  } satisfies NextAuthConfig;
}

export const baseConfig = {
  // Errors come back to the sign-in page too (a refused or failed school sign-in), which says what
  // happened in words (app/(auth)/signin/reason.ts), not Auth.js's own error page.
  pages: { signIn: "/signin", error: "/signin" },
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id && user.role) {
        token.sub = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion ?? 0;
        // Only for the header's link to /admin: the pages and actions re-read it (decision 0037).
        token.admin = user.isAdmin === true;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (token.role) session.user.role = token.role;
      session.user.isAdmin = token.admin === true;
      return session;
    },
  },
} satisfies NextAuthConfig;
