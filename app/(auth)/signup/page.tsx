import type { Metadata } from "next";
import Link from "next/link";
import { authPageHref, safeCallbackPath } from "@/lib/auth/validation";
import { SignUpForm } from "./signup-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: PageProps<"/signup">) {
  const { callbackUrl } = await searchParams;
  const raw = Array.isArray(callbackUrl) ? callbackUrl[0] : callbackUrl;
  // Empty when none was given: the new account then goes to its role's home.
  const returnTo = safeCallbackPath(raw, "");
  return (
    <section className="mx-auto max-w-md">
      <h1 className="text-3xl font-semibold">Create an account</h1>
      <p className="mt-2 text-muted">
        Students keep track of their reading and quizzes; teachers run classes. A teacher account is approved by this Backchannel&rsquo;s administrator: until
        then you use it as a student.
      </p>
      <SignUpForm callbackUrl={returnTo} />
      <p className="mt-6 text-sm">
        Already have an account? <Link href={authPageHref("/signin", raw)}>Sign in</Link>.
      </p>
    </section>
  );
}
