"use server";
// Sign-up, sign-in and sign-out. Shape of each action: parse with zod → return field errors →
// write → redirect. Anyone may call these (they are how people get a session), so the "guard"
// here is the throttle and the validation.
import { AuthError } from "next-auth";
import { signIn, signOut, TooManyAttempts } from "@/auth";
import { createAccount } from "@/lib/auth/accounts";
import { describeRetry } from "@/lib/auth/throttle-policy";
import { afterSignUpPath, fieldErrors, safeCallbackPath, signInSchema, signUpSchema, type FieldErrors } from "@/lib/auth/validation";

export type AuthFormState = {
  message?: string;
  /** Where to go after success. The form navigates with a full page load, so every part of the
   * page (the header's account menu included) starts from the new session. */
  redirectTo?: string;
  errors?: FieldErrors;
  /** Submitted values (never the password), so that React's form reset does not wipe them. */
  values?: Record<string, string>;
};

function text(form: FormData, name: string): string {
  // A crafted request may send something other than FormData: read it as an empty form.
  const value = form instanceof FormData ? form.get(name) : null;
  return typeof value === "string" ? value : "";
}

export async function signInAction(_: AuthFormState, form: FormData): Promise<AuthFormState> {
  const values = { email: text(form, "email") };
  const parsed = signInSchema.safeParse({ email: values.email, password: text(form, "password") });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    if (error instanceof TooManyAttempts) {
      return { message: `Too many failed sign-in attempts. For your safety, try again ${describeRetry(error.retryAfterMs)}.`, values };
    }
    if (error instanceof AuthError) {
      if (error.type === "CredentialsSignin" && "code" in error && error.code === "locked") {
        return { message: "Too many failed sign-in attempts. For your safety, try again in a few minutes.", values };
      }
      return { message: "Email or password is incorrect.", values };
    }
    throw error;
  }
  return { redirectTo: safeCallbackPath(text(form, "callbackUrl")) };
}

export async function signUpAction(_: AuthFormState, form: FormData): Promise<AuthFormState> {
  const values = { name: text(form, "name"), email: text(form, "email"), role: text(form, "role") };
  const parsed = signUpSchema.safeParse({ ...values, password: text(form, "password") });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };

  const created = await createAccount(parsed.data);
  if (!created.ok) return { errors: { email: [created.message] }, values };

  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  return { redirectTo: afterSignUpPath(parsed.data.role, text(form, "callbackUrl")) };
}

export async function signOutAction(): Promise<{ redirectTo: string }> {
  await signOut({ redirect: false });
  return { redirectTo: "/" };
}
