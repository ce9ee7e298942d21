import Link from "next/link";
import { NOT_FOUND_MESSAGES } from "@/lib/teacher/errors";

// Shown when a class page's layout finds no class this teacher teaches: the same page whether the
// class does not exist or belongs to someone else.
export default function ClassNotFound() {
  return (
    <section className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-3xl font-semibold">Class not found</h1>
      <p className="mt-3 text-muted">{NOT_FOUND_MESSAGES.class}</p>
      <p className="mt-6">
        <Link href="/teacher" className="btn">See your classes</Link>
      </p>
    </section>
  );
}
