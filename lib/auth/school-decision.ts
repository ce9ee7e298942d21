// Who a school sign-in (OpenID Connect, decision 0047) is here: the rules alone, no database, so
// they are unit-tested; lib/auth/school-sign-in.ts runs them against the database.
import { z } from "zod";
import { emailSchema } from "./validation";

/** The link page's token: 32 random bytes in base64url (43 characters), as a reset link's. */
export const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This link request has expired. Sign in with your school account again.");

/** What the provider said about the person (the ID token's or userinfo's claims). */
export type SchoolClaims = { issuer: string; subject: string; email: unknown; emailVerified: unknown; name: unknown };

export type SchoolRefusal = "email-missing" | "email-unverified";

/** What a school sign-in leads to, decided from the claims and what the database holds. */
export type SchoolDecision =
  | { kind: "sign-in"; userId: string }
  | { kind: "create"; email: string; name: string }
  | { kind: "link"; userId: string; email: string }
  | { kind: "refuse"; reason: SchoolRefusal };

/**
 * The rules, in order: a linked identity signs in to its account, whatever its email now says.
 * Otherwise an email is needed, and a provider that says it is unverified is not believed. An email
 * that already has an account is never linked without that account's password (someone who controls
 * a provider, or a misconfigured one, must not be able to take over an account by its email).
 * Anything else is a new student account; an SSO email never makes a teacher (decision 0037 decides
 * who teaches).
 */
export function decideSchoolSignIn(claims: SchoolClaims, linkedUserId: string | null, emailOwnerId: string | null): SchoolDecision {
  if (linkedUserId) return { kind: "sign-in", userId: linkedUserId };
  const email = normalisedEmail(claims.email);
  if (!email) return { kind: "refuse", reason: "email-missing" };
  // Google and Keycloak send email_verified; Entra ID sends none (its emails are the tenant's own).
  if (claims.emailVerified === false || claims.emailVerified === "false") return { kind: "refuse", reason: "email-unverified" };
  if (emailOwnerId) return { kind: "link", userId: emailOwnerId, email };
  return { kind: "create", email, name: displayName(claims.name, email) };
}

export function normalisedEmail(raw: unknown): string | null {
  const parsed = emailSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The provider's name for the person if it is a usable one, else the email's local part. */
export function displayName(raw: unknown, email: string): string {
  const name =
    typeof raw === "string"
      ? raw
          .replace(/[\p{Cc}\p{Cf}]/gu, "")
          .trim()
          .slice(0, 80)
      : "";
  return name || email.split("@")[0] || email;
}
