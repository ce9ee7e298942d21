// Input rules for everything account-related, in one place so the forms, the server actions
// and the tests agree.
import { z } from "zod";
import type { FieldErrors } from "@/lib/errors";
import { Role } from "@/lib/enums";
import { isShowableText } from "@/lib/security/hidden-characters";
import { COMMON_PASSWORDS } from "./common-passwords";

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-rules";

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@school.org." }));

export const nameSchema = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(80, "Keep your name under 80 characters.")
  // Control characters show up as garbage in reports and CSV files; invisible and text-direction
  // characters let one name pass for another in a roster (lib/security/hidden-characters.ts).
  .refine(isShowableText, "Your name contains invisible or text-direction characters. Type it again without them.");

/** A new password: long enough, not trivially guessable, not the email itself. */
export function newPasswordSchema(email?: string) {
  return z
    .string({ error: "Choose a password." })
    .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
    .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`)
    .refine((password) => !COMMON_PASSWORDS.has(password.toLowerCase()), "That password is one of the most common ones. Choose another.")
    .refine((password) => !email || password.trim().toLowerCase() !== email.trim().toLowerCase(), "Your password must not be your email address.");
}

export const roleSchema = z.enum(Role, { error: "Choose whether you are a student or a teacher." });

export const signUpSchema = z
  .object({
    name: nameSchema,
    email: emailSchema,
    password: z.string({ error: "Choose a password." }),
    role: roleSchema,
  })
  .superRefine((input, ctx) => {
    const result = newPasswordSchema(input.email).safeParse(input.password);
    if (!result.success) {
      for (const issue of result.error.issues) ctx.addIssue({ code: "custom", path: ["password"], message: issue.message });
    }
  });

export const signInSchema = z.object({
  email: emailSchema,
  // Not the new-password rules: an old account may predate them, and the error must not hint at anything.
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(PASSWORD_MAX_LENGTH, "Email or password is incorrect."),
});

export const changeNameSchema = z.object({ name: nameSchema });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(PASSWORD_MAX_LENGTH),
    newPassword: z.string(),
    confirmPassword: z.string(),
  })
  .superRefine((input, ctx) => {
    const result = newPasswordSchema().safeParse(input.newPassword);
    if (!result.success) {
      for (const issue of result.error.issues) ctx.addIssue({ code: "custom", path: ["newPassword"], message: issue.message });
    }
    if (input.newPassword !== input.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The two new passwords do not match." });
    }
  });

export const deleteAccountSchema = z.object({
  password: z.string().min(1, "Enter your password to confirm.").max(PASSWORD_MAX_LENGTH),
  confirm: z.literal("DELETE", { error: "Type DELETE to confirm." }),
});

export type { FieldErrors };

/** zod issues → { field: [messages] }, the shape the forms render next to each field. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  return z.flattenError(error).fieldErrors as FieldErrors;
}

/** Reduces a callback URL to a local path, so that sign-in can never redirect off-site. */
export function safeCallbackPath(raw: unknown, fallback = "/dashboard"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return fallback;
  let url: URL;
  try {
    url = new URL(raw, "http://backchannel.invalid");
  } catch {
    return fallback;
  }
  // Absolute URLs (even to localhost) are reduced to their path; the base host is a placeholder.
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  if (path.startsWith("/signin") || path.startsWith("/signup") || path.startsWith("/api/")) return fallback;
  return path;
}

/**
 * Where a new account goes: back where it was headed (a join link from the teacher), else its
 * role's home. Only a teacher account goes to /teacher; someone who asked to be a teacher is a
 * student until approved (decision 0037) and lands on the dashboard, which says so.
 */
export function afterSignUpPath(role: Role, rawCallback: unknown): string {
  return safeCallbackPath(rawCallback, role === Role.TEACHER ? "/teacher" : "/dashboard");
}

/**
 * The link between the sign-in and sign-up pages keeps where the person was headed, so a student
 * who follows a join link without an account can create one and still land on the join page.
 */
export function authPageHref(page: "/signin" | "/signup", rawCallback: unknown): string {
  const callback = safeCallbackPath(rawCallback, "");
  return callback ? `${page}?callbackUrl=${encodeURIComponent(callback)}` : page;
}

/** An invitation link's token: 32 random bytes in base64url (43 characters), as a reset link's. */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This invitation link is not valid. Ask the administrator for a new one.");

/** Signing up through a teacher invitation: the email is the invited one, so only a name and a password. */
export const invitationSignUpSchema = z
  .object({ token: invitationTokenSchema, name: nameSchema, password: z.string({ error: "Choose a password." }) })
  .superRefine((input, ctx) => {
    const result = newPasswordSchema().safeParse(input.password);
    if (!result.success) {
      for (const issue of result.error.issues) ctx.addIssue({ code: "custom", path: ["password"], message: issue.message });
    }
  });
