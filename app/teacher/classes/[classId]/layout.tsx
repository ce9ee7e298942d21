import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/guards";
import { ClassNav } from "./class-nav";
import { classForTeacher } from "./data";

// The role guard and the access check run here, and no loading boundary sits above or below (see
// app/teacher/page.tsx and class-nav.tsx): another teacher's class is a real 404, and a page
// arrives in one piece. Each page checks again.
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
        {classroom.archivedAt ? (
          <p className="w-fit rounded bg-[#f3f1ec] px-2 py-1 font-sans text-sm">
            Archived: students no longer see this class. Bring it back under “Name and archive”.
          </p>
        ) : null}
        <ClassNav classId={classroom.id} />
      </header>
      {children}
    </div>
  );
}
