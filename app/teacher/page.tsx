import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import LoadingState from "@/components/loading-state";
import { requireRole } from "@/lib/auth/guards";
import { listClassesForTeacher } from "@/lib/teacher/classes";
import { formatJoinCode } from "@/lib/teacher/join-code";
import { CreateClassForm } from "./forms";

export const metadata: Metadata = { title: "Your classes" };

// No loading.tsx in this segment: it would wrap the class pages below too, and a class page must
// answer a real 404 (its layout checks access before anything streams). The list loads in its
// own Suspense boundary instead.
export default async function TeacherHomePage() {
  const teacher = await requireRole("TEACHER", "/teacher");
  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold">Your classes</h1>
        <p className="text-muted">
          Signed in as {teacher.name}. Open a class to see its students, set work and read its reports, or{" "}
          <Link href="/teacher/questions">write your own questions</Link>.
        </p>
      </header>

      <section aria-labelledby="classes-heading" className="space-y-3">
        <h2 id="classes-heading" className="text-2xl font-semibold">Classes</h2>
        <Suspense fallback={<LoadingState inline />}>
          <ClassList teacherId={teacher.id} />
        </Suspense>
      </section>

      <section aria-labelledby="create-heading" className="max-w-xl space-y-3">
        <h2 id="create-heading" className="text-2xl font-semibold">Create a class</h2>
        <p className="text-muted">Each class gets a code. Students type it (or open the link) to join.</p>
        <CreateClassForm />
      </section>
    </div>
  );
}

async function ClassList({ teacherId }: { teacherId: string }) {
  const classes = await listClassesForTeacher(teacherId);
  if (classes.length === 0) return <p className="text-muted">You have no classes yet. Create your first one below.</p>;
  return (
    <ul className="grid gap-3 md:grid-cols-2">
      {classes.map((c) => (
        <li key={c.id} className="space-y-1 rounded-lg border border-rule bg-white p-4">
          <Link href={`/teacher/classes/${c.id}`} className="text-lg font-semibold">
            {c.name}
          </Link>
          <p className="font-sans text-sm text-muted">
            {c.students} {c.students === 1 ? "student" : "students"} · {c.assignments} {c.assignments === 1 ? "assignment" : "assignments"}
            {c.role === "CO_TEACHER" ? " · co-teacher" : ""}
          </p>
          <p className="font-sans text-sm">
            Join code: <span className="font-mono font-semibold tracking-wider">{formatJoinCode(c.joinCode)}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
