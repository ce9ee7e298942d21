// The full Auth.js setup: email + password (Credentials), school sign-in through OpenID Connect when
// the deployment configures one (decision 0047), JWT sessions, sign-in throttling.
import NextAuth, { CredentialsSignin, type User } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { OIDCConfig } from "next-auth/providers";
import { authConfig, baseConfig } from "@/lib/auth/config";
import { authenticate } from "@/lib/auth/authenticate";
import { authLogger } from "@/lib/auth/logger";
import { db } from "@/lib/db";
import { clientAddress } from "@/lib/security/client-address";
import { publicBaseUrl } from "@/lib/auth/public-url";
import { resolveSchoolSignIn } from "@/lib/auth/school-sign-in";
import { env, type SchoolSignInConfig } from "@/lib/env";

/** Auth.js's id for the school provider: its callback is /api/auth/callback/school. */
export const SCHOOL_PROVIDER_ID = "school";

type SchoolProfile = { sub: string; email?: unknown; email_verified?: unknown; name?: unknown };

/**
 * Any standard OpenID Provider (Google Workspace, Microsoft Entra ID, Keycloak…): Auth.js reads its
 * discovery document at the issuer and checks state, PKCE, nonce and the ID token.
 */
function schoolProvider(config: SchoolSignInConfig): OIDCConfig<SchoolProfile> {
  return {
    id: SCHOOL_PROVIDER_ID,
    name: config.name,
    type: "oidc",
    issuer: config.issuer,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    // Only what the sign-in uses; the picture URL would only grow the session cookie.
    profile: (profile) => ({
      id: profile.sub,
      email: typeof profile.email === "string" ? profile.email : null,
      name: typeof profile.name === "string" ? profile.name : null,
    }),
  };
}

function schoolProviders(config: SchoolSignInConfig | null): OIDCConfig<SchoolProfile>[] {
  return config ? [schoolProvider(config)] : [];
}

/** Where a refused school sign-in lands: the sign-in page, saying why (app/(auth)/signin/reason.ts). */
const SCHOOL_REFUSED = { "email-missing": "/signin?error=SchoolEmailMissing", "email-unverified": "/signin?error=SchoolEmailUnverified" } as const;

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
    // A school sign-in: who the verified identity is here (lib/auth/school-sign-in.ts). The user
    // object Auth.js made from the profile becomes the account's, and goes on to jwt() (no adapter:
    // Auth.js passes this same object). A string is where the browser goes instead.
    async signIn({ user, account, profile }) {
      const oidc = env().oidc;
      if (account?.provider !== SCHOOL_PROVIDER_ID) return true;
      if (!oidc || !profile?.sub) return false;
      const outcome = await resolveSchoolSignIn({
        issuer: oidc.issuer,
        subject: profile.sub,
        email: profile.email,
        emailVerified: profile.email_verified,
        name: profile.name,
      });
      if (outcome.kind === "refuse") return SCHOOL_REFUSED[outcome.reason];
      if (outcome.kind === "link") return `/signin/link?token=${encodeURIComponent(outcome.token)}`;
      Object.assign(user, outcome.user satisfies User);
      return true;
    },
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
    ...schoolProviders(env().oidc),
  ],
}));
