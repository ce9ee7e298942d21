import type { Metadata } from "next";
import Link from "next/link";
import { resetLinkState } from "@/lib/auth/password-reset";
import { resetTokenSchema } from "@/lib/auth/reset-validation";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ searchParams }: PageProps<"/reset-password">) {
  const { token: raw } = await searchParams;
  const parsed = resetTokenSchema.safeParse(Array.isArray(raw) ? raw[0] : raw);
  // Looking the link up uses nothing: only the form's submit does.
  const usable = parsed.success && (await resetLinkState(parsed.data)) === "valid";
  return (
    <section className="mx-auto max-w-md">
      <h1 className="text-3xl font-semibold">Choose a new password</h1>
      {usable ? (
        <>
          <p className="mt-2 text-muted">Choosing a new password signs you out on every device. You then sign in with the new one.</p>
          <ResetPasswordForm token={parsed.data} />
        </>
      ) : (
        <p className="mt-3 rounded-md border border-rule bg-white px-4 py-3">
          This reset link has expired or has already been used. <Link href="/forgot-password">Ask for a new link</Link>.
        </p>
      )}
    </section>
  );
}
