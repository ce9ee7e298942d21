import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/guards";
import { ClassNav } from "./class-nav";
import { classForTeacher } from "./data";

// The role guard and the access check run here, above this segment's loading boundary (and with
// none above it: see app/teacher/page.tsx), so another teacher's class is a real 404 before
// anything streams. Each page checks again.
export default async function ClassLayout({ children, params }: LayoutProps<"/teacher/classes/[classId]">) {
  const { classId } = await params;
  const teacher = await requireRole("TEACHER", `/teacher/classes/${classId}`);
  const classroom = await classForTeacher(teacher.id, classId);
  if (!classroom) notFound();
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <p className="font-sans text-sm">
          <Link href="/teacher">← All classes</Link>
        </p>
        <h1 className="text-3xl font-semibold">{classroom.name}</h1>
        <ClassNav classId={classroom.id} />
      </header>
      {children}
    </div>
  );
}
