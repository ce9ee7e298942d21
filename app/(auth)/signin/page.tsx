import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/guards";
import { authPageHref, safeCallbackPath } from "@/lib/auth/validation";
import { env } from "@/lib/env";
import { signInError, signInNotice, signInReason } from "./reason";
import { SchoolSignInButton } from "./school-button";
import { SignInForm } from "./signin-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/signin">) {
  const { callbackUrl, notice: rawNotice, error: rawError } = await searchParams;
  const rawCallback = Array.isArray(callbackUrl) ? callbackUrl[0] : callbackUrl;
  const returnTo = safeCallbackPath(rawCallback);
  // Not while answering the sign-in action: Next renders this page again in that response, and the
  // guards now see the new cookie (they read cookies(), decision 0033). A redirect from there would be
  // a client-side move that leaves the header signed out; the form makes a full page load instead.
  const answeringAction = (await headers()).has("next-action");
  if (!answeringAction && (await getSessionUser())) redirect(returnTo);
  // School sign-in only when the deployment configures it (decision 0047); its errors come back here.
  const school = env().oidc;
  const error = school ? signInError(Array.isArray(rawError) ? rawError[0] : rawError) : null;
  const reason = signInNotice(Array.isArray(rawNotice) ? rawNotice[0] : rawNotice) ?? (rawCallback ? signInReason(returnTo) : null);
  return (
    <section className="mx-auto max-w-md">
      <h1 className="text-3xl font-semibold">Sign in</h1>
      {reason ? (
        <p className="mt-3 rounded-md border border-rule bg-white px-4 py-3 font-semibold">{reason}</p>
      ) : (
        <p className="mt-2 text-muted">Pick up your reading and quizzes where you left them.</p>
      )}
      {error ? (
        <p role="alert" className="mt-3 rounded-md border border-rule bg-white px-4 py-3">
          {error}
        </p>
      ) : null}
      {school ? (
        <>
          <SchoolSignInButton name={school.name} callbackUrl={returnTo} />
          <p className="mt-6 flex items-center gap-3 text-sm text-muted" aria-hidden="true">
            <span className="h-px flex-1 bg-rule" />
            or with your email and password
            <span className="h-px flex-1 bg-rule" />
          </p>
        </>
      ) : null}
      <SignInForm callbackUrl={returnTo} />
      <p className="mt-4 text-sm">
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      <p className="mt-2 text-sm">
        New here? <Link href={authPageHref("/signup", rawCallback)}>Create an account</Link>.
      </p>
    </section>
  );
}
