import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Your dashboard" };

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold">Welcome, {user.name}</h1>
      <p className="text-muted">Start with the first lesson, or carry on where you left off.</p>
      <p>
        <Link href="/lessons" className="btn">Go to the lessons</Link>
      </p>
    </div>
  );
}
