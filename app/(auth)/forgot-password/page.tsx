import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <section className="mx-auto max-w-md">
      <h1 className="text-3xl font-semibold">Forgot your password?</h1>
      <p className="mt-2 text-muted">Enter the email you sign in with. We send it a link to choose a new password.</p>
      <ForgotPasswordForm />
      <p className="mt-6 text-sm">
        Remembered it? <Link href="/signin">Sign in</Link>.
      </p>
    </section>
  );
}
