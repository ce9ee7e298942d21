import type { Metadata } from "next";
import Link from "next/link";
import { FormMessage } from "@/components/form-field";
import { requireUser } from "@/lib/auth/guards";
import { getReadingProgress } from "@/lib/progress/reading";
import { studentAssignments } from "@/lib/teacher/assignments";
import { studentClasses } from "@/lib/teacher/classes";
import { StudentAssignmentList } from "./assignment-list";

export const metadata: Metadata = { title: "Your classes" };

export default async function StudentClassesPage({ searchParams }: PageProps<"/classes">) {
  const user = await requireUser("/classes");
  if (user.role === "TEACHER") {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1 className="text-3xl font-semibold">Classes</h1>
        <p className="text-muted">
          This page is for students. You manage your classes on <Link href="/teacher">your classes page</Link>.
        </p>
      </div>
    );
  }
  const [classes, assignments, reading, query] = await Promise.all([
    studentClasses(user.id),
    studentAssignments(user.id),
    getReadingProgress(user.id),
    searchParams,
  ]);
  const joinedId = typeof query.joined === "string" ? query.joined : typeof query.already === "string" ? query.already : null;
  const joined = joinedId ? classes.find((c) => c.id === joinedId) : undefined;

  return (
    <div className="mx-auto max-w-3xl space-y-10">
      <header className="space-y-3">
        <h1 className="text-3xl font-semibold">Your classes</h1>
        {joined ? <FormMessage tone="success" message={query.joined ? `You have joined ${joined.name}.` : `You are already in ${joined.name}.`} /> : null}
        <p>
          <Link href="/classes/join" className="btn btn-secondary">
            Join a class
          </Link>
        </p>
      </header>

      <section aria-labelledby="assignments-heading" className="space-y-3">
        <h2 id="assignments-heading" className="text-2xl font-semibold">
          Assignments
        </h2>
        <StudentAssignmentList assignments={assignments} reading={reading} />
      </section>

      <section aria-labelledby="classes-heading" className="space-y-3">
        <h2 id="classes-heading" className="text-2xl font-semibold">
          Classes
        </h2>
        {classes.length === 0 ? (
          <p className="text-muted">You are not in a class yet. Ask your teacher for the class code.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            {classes.map((c) => (
              <li key={c.id}>
                {c.name} <span className="text-muted">with {c.teachers.join(" and ")}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
