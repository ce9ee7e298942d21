// The full Auth.js setup: email + password (Credentials), JWT sessions, sign-in throttling.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig, baseConfig } from "@/lib/auth/config";
import { authenticate } from "@/lib/auth/authenticate";
import { authLogger } from "@/lib/auth/logger";
import { db } from "@/lib/db";
import { clientAddress } from "@/lib/security/client-address";
import { publicBaseUrl } from "@/lib/auth/public-url";

/** Thrown from authorize(): the code reaches the sign-in form, never the reason for a plain failure. */
export class TooManyAttempts extends CredentialsSignin {
  override code = "locked";
  constructor(public readonly retryAfterMs: number) {
    super();
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig(),
  logger: authLogger,
  callbacks: {
    ...baseConfig.callbacks,
    // The browser asks for a refresh (useSession().update()) after navigations: the name and
    // role are re-read from the database, never taken from what the browser sends, and a
    // deleted account or an ended session (decision 0033) ends it here too: a refresh never turns
    // an old token into one with the current session version.
    async jwt(params) {
      const token = baseConfig.callbacks.jwt(params);
      if (params.trigger !== "update" || !token.sub) return token;
      const user = await db.user.findUnique({ where: { id: token.sub }, select: { name: true, role: true, sessionVersion: true, isAdmin: true } });
      if (!user || (token.sv ?? 0) !== user.sessionVersion) return null;
      return { ...token, name: user.name, role: user.role, admin: user.isAdmin };
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const result = await authenticate(credentials, clientAddress(request.headers), { baseUrl: publicBaseUrl(request.headers) });
        // The owner's notice goes on without the answer waiting for it (it logs its own errors).
        if (result.status === "locked") throw new TooManyAttempts(result.retryAfterMs);
        if (result.status === "invalid") return null;
        return result.user;
      },
    }),
  ],
}));
