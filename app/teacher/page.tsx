import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Your classes" };

export default async function TeacherHomePage() {
  const teacher = await requireRole("TEACHER", "/teacher");
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-semibold">Your classes</h1>
      <p className="text-muted">Signed in as {teacher.name}. Classes, assignments and reports appear here.</p>
    </div>
  );
}
