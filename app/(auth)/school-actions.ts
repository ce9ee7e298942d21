"use server";
// School sign-in (OpenID Connect, decision 0047), declared once (lib/actions/define.ts). Public: the
// way out to the provider is guarded by Auth.js (state, PKCE, nonce), the link form by the account's
// password and the sign-in throttle.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AuthError } from "next-auth";
import { SCHOOL_PROVIDER_ID, signIn } from "@/auth";
import { formAction } from "@/lib/actions/define";
import { hidden, secret, text } from "@/lib/actions/fields";
import { completeLink } from "@/lib/auth/school-sign-in";
import { describeRetry } from "@/lib/auth/throttle-policy";
import { linkTokenSchema } from "@/lib/auth/school-decision";
import { safeCallbackPath, signInSchema } from "@/lib/auth/validation";
import { env } from "@/lib/env";
import { DomainError, fieldError } from "@/lib/errors";
import { clientAddress } from "@/lib/security/client-address";

const NOT_SET_UP = "School sign-in is not set up on this Backchannel. Sign in with your email and password.";

/** Off to the school's provider; Auth.js sets the state, PKCE and nonce cookies and gives the URL. */
async function toSchoolProvider(callbackUrl: string): Promise<string> {
  if (!env().oidc) throw new DomainError("forbidden", NOT_SET_UP);
  try {
    const url: unknown = await signIn(SCHOOL_PROVIDER_ID, { redirect: false, redirectTo: safeCallbackPath(callbackUrl) });
    if (typeof url !== "string") throw new Error("Auth.js gave no sign-in URL");
    return url;
  } catch (error) {
    // The provider's discovery document could not be read: down, or OIDC_ISSUER is wrong.
    if (error instanceof AuthError) {
      console.error("school sign-in could not start:", error);
      throw new DomainError("conflict", "Your school's sign-in could not be reached just now. Try again in a minute, or sign in with your email and password.");
    }
    throw error;
  }
}

export const schoolSignInAction = formAction({
  access: "public",
  input: z.object({ callbackUrl: hidden(text(2000)) }),
  async run({ input }) {
    redirect(await toSchoolProvider(input.callbackUrl));
  },
});

export const linkSchoolAccountAction = formAction({
  access: "public",
  invalid: "This link request has expired. Sign in with your school account again.",
  input: z.object({ token: hidden(linkTokenSchema), password: secret(signInSchema.shape.password) }),
  async run({ input }) {
    const result = await completeLink(input.token, input.password, clientAddress(await headers()));
    if (result.status === "expired") throw new DomainError("invalid_input", "This link request has expired. Sign in with your school account again.");
    if (result.status === "locked") {
      throw new DomainError(
        "rate_limited",
        `Too many wrong passwords from this device. Try again ${describeRetry(result.retryAfterMs)}, or choose a new password with “Forgot your password?”.`,
      );
    }
    if (result.status === "invalid")
      throw fieldError("password", "That is not this account's password. Try again, or choose a new one with “Forgot your password?”.");
    // Linked: back through the provider, which knows the person already, and in as the linked account.
    // A redirect, not the form's redirectTo: the page re-rendered with the request used up would
    // take the form (and its redirect) away first.
    redirect(await toSchoolProvider("/dashboard"));
  },
});
