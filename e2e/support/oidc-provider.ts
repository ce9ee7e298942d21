// A real OpenID Provider for the school sign-in tests (decision 0047): panva's oidc-provider, an
// OpenID Certified implementation, running in the test process with its development login and
// consent pages (any login, any password). The login typed there is the person: an email signs
// in with that email, anything else with no email at all (a provider that shares none). The
// subject is derived from the login and is not the email, so the app must link by subject.
import { createHash, randomBytes } from "node:crypto";
import type { Server } from "node:http";
import Provider from "oidc-provider";

export type TestProvider = { issuer: string; clientId: string; clientSecret: string; close: () => Promise<void> };

export function subjectFor(login: string): string {
  return `sub-${createHash("sha256").update(login).digest("hex").slice(0, 20)}`;
}

/** Starts listening at once; `redirectUri` is the app's /api/auth/callback/school. */
export function startTestProvider(port: number, redirectUri: string): TestProvider {
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "backchannel-e2e";
  const clientSecret = randomBytes(24).toString("base64url");
  const provider = new Provider(issuer, {
    clients: [
      { client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ["authorization_code"], response_types: ["code"] },
    ],
    async findAccount(_ctx, login) {
      const email = login.includes("@") ? login.toLowerCase() : undefined;
      return {
        accountId: login,
        async claims() {
          return { sub: subjectFor(login), ...(email ? { email, email_verified: true, name: nameFor(email) } : { name: login }) };
        },
      };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // The scopes' claims in the ID token too, as Google, Entra ID and Keycloak put them.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    pkce: { methods: ["S256"], required: () => true },
  });
  const server: Server = provider.listen(port);
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** "ada.lovelace@…" → "Ada Lovelace". */
function nameFor(email: string): string {
  return (email.split("@")[0] ?? email)
    .split(/[._-]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(" ");
}
