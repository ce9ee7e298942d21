"use server";
// "Forgot your password?" and the reset link's form, declared once (lib/actions/define.ts). Public:
// the guard is the throttle, the single-use link and the validation (decision 0033).
import { after } from "next/server";
import { headers } from "next/headers";
import { formAction } from "@/lib/actions/define";
import { hidden, secret } from "@/lib/actions/fields";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { forgotPasswordSchema, resetPasswordSchema } from "@/lib/auth/reset-validation";
import { DomainError } from "@/lib/errors";
import { clientAddress } from "@/lib/security/client-address";
import { publicBaseUrl } from "@/lib/auth/public-url";

function resetBaseUrl(requestHeaders: Headers): string {
  const url = publicBaseUrl(requestHeaders);
  if (url) return url;
  throw new DomainError("forbidden", "Password reset by email is not set up on this server yet. Ask your teacher or the site's administrator.");
}

export const forgotPasswordAction = formAction({
  access: "public",
  input: forgotPasswordSchema,
  async run({ input }) {
    const requestHeaders = await headers();
    const { delivery } = await requestPasswordReset(input.email, clientAddress(requestHeaders), resetBaseUrl(requestHeaders));
    // Sent after the answer, so an address with an account takes no longer to answer than one without.
    after(delivery.catch((error: unknown) => console.error("password reset mail could not be sent:", error)));
    return {
      success: `If an account uses ${input.email}, we have sent it a link to choose a new password. The link works once, for an hour. Check your spam folder if it does not arrive.`,
      values: { email: input.email },
    };
  },
});

const { token, newPassword, confirmPassword } = resetPasswordSchema.shape;

export const resetPasswordAction = formAction({
  access: "public",
  invalid: "This reset link is not valid. Ask for a new one.",
  input: resetPasswordSchema.safeExtend({ token: hidden(token), newPassword: secret(newPassword), confirmPassword: secret(confirmPassword) }),
  async run({ input }) {
    await resetPassword(input.token, input.newPassword);
    return { redirectTo: "/signin?notice=password-reset" };
  },
});
