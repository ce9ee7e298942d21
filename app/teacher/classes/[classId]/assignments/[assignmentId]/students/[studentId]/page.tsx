import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/guards";
import { DomainError } from "@/lib/errors";
import { formatPercent } from "@/lib/teacher/report-math";
import { STATUS_LABELS } from "@/lib/teacher/status";
import { studentWorkForTeacher, type StudentWork } from "@/lib/teacher/student-work";
import { readingLabel } from "@/lib/teacher/student-work-math";
import { LocalTime } from "@/components/local-time";
import { AnswerReview } from "../../../../../../_components/answer-review";
import { classForTeacher } from "../../../../data";

type Props = PageProps<"/teacher/classes/[classId]/assignments/[assignmentId]/students/[studentId]">;

async function load(teacherId: string, classId: string, assignmentId: string, studentId: string): Promise<StudentWork | null> {
  try {
    return await studentWorkForTeacher(teacherId, classId, assignmentId, studentId);
  } catch (error) {
    if (error instanceof DomainError && error.code === "not_found") return null;
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { classId, assignmentId, studentId } = await params;
  const teacher = await requireRole("TEACHER", `/teacher/classes/${classId}/reports`);
  const work = await load(teacher.id, classId, assignmentId, studentId);
  return { title: work ? `${work.student.name}: ${work.assignment.title}` : "Not found" };
}

export default async function StudentWorkPage({ params }: Props) {
  const { classId, assignmentId, studentId } = await params;
  const teacher = await requireRole("TEACHER", `/teacher/classes/${classId}/assignments/${assignmentId}/students/${studentId}`);
  const classroom = await classForTeacher(teacher.id, classId);
  if (!classroom) notFound();
  const work = await load(teacher.id, classId, assignmentId, studentId);
  if (!work) notFound();
  const { student, assignment, attempts } = work;

  return (
    <div className="space-y-8">
      <p className="font-sans text-sm">
        <Link href={`/teacher/classes/${classId}/reports`}>← Gradebook</Link>
      </p>
      <header className="space-y-2">
        <h2 className="text-2xl font-semibold">
          {student.name}: {assignment.title}
        </h2>
        <dl className="grid gap-x-6 gap-y-1 font-sans text-sm sm:grid-cols-2">
          <div>
            <dt className="inline text-muted">Work: </dt>
            <dd className="inline">{assignment.scope}</dd>
          </div>
          <div>
            <dt className="inline text-muted">Status: </dt>
            <dd className="inline font-semibold">{STATUS_LABELS[work.status]}</dd>
          </div>
          <div>
            <dt className="inline text-muted">Grade (best counted score): </dt>
            <dd className="inline">{formatPercent(work.bestScore)}</dd>
          </div>
          {work.notCountedScore !== null ? (
            <div>
              <dt className="inline text-muted">Best not counted: </dt>
              <dd className="inline">{formatPercent(work.notCountedScore)}</dd>
            </div>
          ) : null}
          <div className="sm:col-span-2">
            <dt className="inline text-muted">What counts: </dt>
            <dd className="inline">{work.countingRule}</dd>
          </div>
          <div>
            <dt className="inline text-muted">Due{assignment.extended ? " (extended)" : ""}: </dt>
            <dd className="inline">
              <LocalTime iso={assignment.dueAt.toISOString()} />
            </dd>
          </div>
          <div>
            <dt className="inline text-muted">Attempts: </dt>
            <dd className="inline">
              {attempts.length} of {assignment.attemptsAllowed}
            </dd>
          </div>
          {work.reading ? (
            <div>
              <dt className="inline text-muted">Reading: </dt>
              <dd className="inline">{readingLabel(work.reading)}</dd>
            </div>
          ) : null}
        </dl>
        {work.reading ? (
          <div className="h-2 w-full max-w-xs overflow-hidden rounded-full bg-[#e7e3da]" aria-hidden="true">
            <div className="h-full rounded-full bg-quote" style={{ width: `${work.reading.percent}%` }} />
          </div>
        ) : null}
      </header>

      {attempts.length === 0 ? (
        <p className="text-muted">{student.name} has not started this assignment yet.</p>
      ) : (
        attempts.map((attempt) => (
          <section key={attempt.id} aria-labelledby={`attempt-${attempt.id}`} className="space-y-4">
            <div className="space-y-1">
              <h3 id={`attempt-${attempt.id}`} className="text-xl font-semibold">
                Attempt {attempt.number}
                {attempt.score !== null ? `: ${formatPercent(attempt.score)}` : ""}
                {attempt.label ? (
                  <span className="ml-2 rounded bg-[#fdf0d5] px-1.5 py-0.5 align-middle font-sans text-xs font-semibold text-[#6b4600]">{attempt.label}</span>
                ) : null}
              </h3>
              <p className="font-sans text-sm text-muted">
                Started <LocalTime iso={attempt.startedAt.toISOString()} />
                {attempt.finishedAt ? (
                  <>
                    {" "}
                    · finished <LocalTime iso={attempt.finishedAt.toISOString()} /> · took {attempt.duration}
                  </>
                ) : (
                  " · not finished yet"
                )}
                {attempt.late ? " · started after the due date" : ""}
                {attempt.counted ? "" : " · does not count toward the grade"} · {attempt.answeredCount} of {attempt.items.length} answered
              </p>
            </div>
            <ol className="space-y-3">
              {attempt.items.map((item) => (
                <li key={item.questionId}>
                  <AnswerReview item={item} number={item.position + 1} />
                </li>
              ))}
            </ol>
          </section>
        ))
      )}
    </div>
  );
}
