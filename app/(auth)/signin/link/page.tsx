import type { Metadata } from "next";
import Link from "next/link";
import { linkTokenSchema } from "@/lib/auth/school-decision";
import { findLinkRequest } from "@/lib/auth/school-sign-in";
import { env } from "@/lib/env";
import { LinkSchoolAccountForm } from "./link-form";

export const metadata: Metadata = { title: "Link your school account", referrer: "no-referrer" };

/**
 * A school sign-in whose email already has a password account (decision 0047): the account's
 * password links the two, once. Public: the page's token is the school sign-in's, the password the
 * account's.
 */
export default async function LinkSchoolAccountPage({ searchParams }: PageProps<"/signin/link">) {
  const { token: raw } = await searchParams;
  const parsed = linkTokenSchema.safeParse(Array.isArray(raw) ? raw[0] : raw);
  const token = parsed.success ? parsed.data : null;
  const request = token ? await findLinkRequest(token) : null;
  const school = env().oidc?.name ?? "your school account";
  return (
    <section className="mx-auto max-w-md">
      <h1 className="text-3xl font-semibold">Link your school account</h1>
      {token && request ? (
        <>
          <p className="mt-3">
            You signed in with {school} as <strong className="break-all">{request.email}</strong>, and Backchannel already has an account with this email.
          </p>
          <p className="mt-2 text-muted">
            Enter that account’s password once to link the two. From then on, signing in with {school} opens this account directly.
          </p>
          <LinkSchoolAccountForm token={token} email={request.email} />
          <p className="mt-4 text-sm">
            <Link href="/forgot-password">Forgot your password?</Link>
          </p>
          <p className="mt-2 text-sm">
            <Link href="/signin">Cancel and go back to sign-in</Link>
          </p>
        </>
      ) : (
        <p className="mt-3 rounded-md border border-rule bg-white px-4 py-3">
          This link request has expired or has already been used. <Link href="/signin">Sign in again</Link>.
        </p>
      )}
    </section>
  );
}
