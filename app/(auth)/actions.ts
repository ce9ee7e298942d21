"use server";
// Sign-up, sign-in and sign-out, declared once (lib/actions/define.ts). Anyone may call these (they
// are how people get a session), so the guard here is the throttle and the validation.
import { after } from "next/server";
import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { signIn, signOut, TooManyAttempts } from "@/auth";
import { formAction, jsonAction } from "@/lib/actions/define";
import { hidden, secret, text } from "@/lib/actions/fields";
import { notifyAdminsOfRequest } from "@/lib/admin/teachers";
import { createAccount } from "@/lib/auth/accounts";
import { publicBaseUrl } from "@/lib/auth/public-url";
import { getSessionUser } from "@/lib/auth/guards";
import { endAllSessions } from "@/lib/auth/sessions";
import { describeRetry } from "@/lib/auth/throttle-policy";
import { afterSignUpPath, safeCallbackPath, signInSchema, signUpSchema } from "@/lib/auth/validation";
import { DomainError, fieldError } from "@/lib/errors";

const callbackUrl = hidden(text(2000));

export const signInAction = formAction({
  access: "public",
  input: signInSchema.extend({ password: secret(signInSchema.shape.password), callbackUrl }),
  async run({ input }) {
    try {
      await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    } catch (error) {
      if (error instanceof TooManyAttempts) {
        throw new DomainError(
          "rate_limited",
          `Too many failed sign-in attempts from this device. Try again ${describeRetry(error.retryAfterMs)}, or choose a new password with “Forgot your password?”.`,
        );
      }
      if (error instanceof AuthError) {
        if (error.type === "CredentialsSignin" && "code" in error && error.code === "locked") {
          throw new DomainError(
            "rate_limited",
            "Too many failed sign-in attempts from this device. Try again in a few minutes, or choose a new password with “Forgot your password?”.",
          );
        }
        throw new DomainError("invalid_input", "Email or password is incorrect.");
      }
      throw error;
    }
    // The form navigates with a full page load, so every part of the page starts from the new session.
    return { redirectTo: safeCallbackPath(input.callbackUrl) };
  },
});

export const signUpAction = formAction({
  access: "public",
  input: signUpSchema.safeExtend({ password: secret(signUpSchema.shape.password), callbackUrl }),
  async run({ input }) {
    const created = await createAccount(input);
    if (!created.ok) throw fieldError("email", created.message);
    if (created.status === "teacher-requested") {
      // The administrators hear of the request after the answer: the new account need not wait for mail.
      const baseUrl = publicBaseUrl(await headers());
      after(
        notifyAdminsOfRequest({ name: input.name, email: input.email }, baseUrl).catch((error: unknown) =>
          console.error("teacher request mail could not be sent:", error),
        ),
      );
    }
    await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    return { redirectTo: afterSignUpPath(created.status === "administrator" ? "TEACHER" : "STUDENT", input.callbackUrl) };
  },
});

export const signOutAction = jsonAction({
  access: "public",
  input: null,
  async run() {
    // Signing out ends every session of the person, not only this cookie: a copy of it (or a
    // session left open elsewhere) is refused from now on (decision 0033).
    const user = await getSessionUser();
    if (user) await endAllSessions(user.id);
    await signOut({ redirect: false });
    return { redirectTo: "/" };
  },
});
