import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/guards";
import { JoinClassForm } from "./form";

export const metadata: Metadata = { title: "Join a class" };

export default async function JoinClassPage({ searchParams }: PageProps<"/classes/join">) {
  const { code } = await searchParams;
  const prefill = typeof code === "string" ? code.slice(0, 40) : "";
  // The way back after sign-in (or sign-up) keeps the code of the teacher's join link.
  const user = await requireUser(prefill ? `/classes/join?code=${encodeURIComponent(prefill)}` : "/classes/join");
  return (
    <div className="mx-auto max-w-md space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold">Join a class</h1>
        <p className="text-muted">Type the code your teacher gave you. Your teacher will see your name, your email, and your quiz results.</p>
      </header>
      {user.role === "TEACHER" ? (
        <p className="rounded-md border border-rule bg-white p-4">
          You are signed in with a teacher account, which cannot join a class as a student. To teach a class with a colleague, ask them to invite you as a
          co-teacher. <Link href="/teacher">Go to your classes</Link>.
        </p>
      ) : (
        <JoinClassForm code={prefill} />
      )}
    </div>
  );
}
