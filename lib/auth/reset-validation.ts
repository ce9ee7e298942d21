// Input rules for "forgot your password" and the reset form (the new password follows sign-up's rules).
import { z } from "zod";
import { emailSchema, newPasswordSchema } from "./validation";

export const forgotPasswordSchema = z.object({ email: emailSchema });

/** The link's token: 32 random bytes in base64url (43 characters). */
export const resetTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This reset link is not valid. Ask for a new one.");

export const resetPasswordSchema = z.object({ token: resetTokenSchema, newPassword: z.string(), confirmPassword: z.string() }).superRefine((input, ctx) => {
  const result = newPasswordSchema().safeParse(input.newPassword);
  if (!result.success) {
    for (const issue of result.error.issues) ctx.addIssue({ code: "custom", path: ["newPassword"], message: issue.message });
  }
  if (input.newPassword !== input.confirmPassword) {
    ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The two new passwords do not match." });
  }
});
