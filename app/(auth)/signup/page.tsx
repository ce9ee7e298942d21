import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "./signup-form";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <section className="mx-auto max-w-md">
      <h1 className="text-3xl font-semibold">Create an account</h1>
      <p className="mt-2 text-muted">Students keep track of their reading and quizzes; teachers run classes.</p>
      <SignUpForm />
      <p className="mt-6 text-sm">
        Already have an account? <Link href="/signin">Sign in</Link>.
      </p>
    </section>
  );
}
