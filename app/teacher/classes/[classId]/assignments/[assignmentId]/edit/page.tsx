import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/guards";
import { getAssignmentForTeacher } from "@/lib/teacher/assignments";
import { getRoster } from "@/lib/teacher/classes";
import { DomainError } from "@/lib/errors";
import { REVEAL_LABELS, REVEAL_POLICIES } from "@/lib/teacher/validation";
import { classForTeacher } from "../../../data";
import { EditAssignmentForm } from "./edit-form";

type Props = PageProps<"/teacher/classes/[classId]/assignments/[assignmentId]/edit">;

async function load(teacherId: string, classId: string, assignmentId: string) {
  try {
    return await getAssignmentForTeacher(teacherId, classId, assignmentId);
  } catch (error) {
    if (error instanceof DomainError && error.code === "not_found") return null;
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { classId, assignmentId } = await params;
  const teacher = await requireRole("TEACHER", `/teacher/classes/${classId}`);
  const assignment = await load(teacher.id, classId, assignmentId);
  return { title: assignment ? `Edit: ${assignment.title}` : "Assignment not found" };
}

export default async function EditAssignmentPage({ params }: Props) {
  const { classId, assignmentId } = await params;
  const teacher = await requireRole("TEACHER", `/teacher/classes/${classId}/assignments/${assignmentId}/edit`);
  const classroom = await classForTeacher(teacher.id, classId);
  if (!classroom) notFound();
  const [assignment, roster] = await Promise.all([load(teacher.id, classId, assignmentId), getRoster(teacher.id, classId)]);
  if (!assignment) notFound();
  return (
    <div className="max-w-2xl space-y-6">
      <p className="font-sans text-sm">
        <Link href={`/teacher/classes/${classId}`}>← Students and assignments</Link>
      </p>
      <header className="space-y-1">
        <h2 className="text-2xl font-semibold">Edit “{assignment.title}”</h2>
        <p className="text-muted">
          Change the dates, when answers are shown, the number of attempts, whether late work counts or who it is for. If students have already started, you see
          what changes for them before anything is saved.
        </p>
      </header>
      <EditAssignmentForm
        assignmentId={assignment.id}
        defaults={{
          title: assignment.title,
          opensAt: assignment.opensAt.toISOString(),
          dueAt: assignment.dueAt.toISOString(),
          reveal: assignment.reveal,
          maxAttempts: String(assignment.maxAttempts),
          lateWorkCounts: assignment.lateWorkCounts ? "yes" : "no",
          afterRevealCounts: assignment.afterRevealCounts ? "yes" : "no",
          studentIds: assignment.targets.map((t) => t.id),
        }}
        students={roster.map((s) => ({ id: s.id, name: s.name }))}
        reveals={REVEAL_POLICIES.map((value) => ({ value, label: REVEAL_LABELS[value] }))}
      />
    </div>
  );
}
