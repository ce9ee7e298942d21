import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/guards";
import type { MasteryLevel } from "@/lib/quiz/mastery";
import { MASTERY_LEVEL_IDS, MASTERY_LEVELS } from "@/lib/quiz/mastery";
import { formatPercent, type GradebookCell } from "@/lib/teacher/report-math";
import { gradebookReport } from "@/lib/teacher/reports";
import { STATUS_LABELS, type AssignmentStatus } from "@/lib/teacher/status";
import { readingLabel, type ReadingState } from "@/lib/teacher/student-work-math";
import { TableWrapper } from "@/components/form-bits";
import { LocalTime } from "@/components/local-time";
import { classForTeacher } from "../data";

export async function generateMetadata({ params }: PageProps<"/teacher/classes/[classId]/reports">): Promise<Metadata> {
  const { classId } = await params;
  const teacher = await requireRole("TEACHER", `/teacher/classes/${classId}/reports`);
  const classroom = await classForTeacher(teacher.id, classId);
  return { title: classroom ? `Gradebook: ${classroom.name}` : "Class not found" };
}

// Colour only reinforces what the text says; every pair below has at least 4.5:1 contrast.
const STATUS_STYLES: Record<AssignmentStatus, string> = {
  "not-started": "bg-[#f3f1ec] text-ink",
  "in-progress": "bg-[#e4eef7] text-[#174a6e]",
  done: "bg-[#e6f2e8] text-[#1d4727]",
  late: "bg-[#fdf0d5] text-[#6b4600]",
  "not-counted": "bg-[#f3f1ec] text-[#6b4600]",
  missing: "bg-[#fde7e5] text-[#8f1c13]",
};

const LEVEL_STYLES: Record<MasteryLevel, string> = {
  "not-started": "bg-[#f3f1ec] text-ink",
  attempted: "bg-[#fbe3c4] text-ink",
  familiar: "bg-[#f1d27e] text-ink",
  proficient: "bg-[#a9d8b1] text-ink",
  mastered: "bg-[#2f6b3a] text-white",
};

/** A cell opens the student's work on the assignment: their attempts, answers and time taken. */
function Cell({ cell, href, who, reading }: { cell: GradebookCell; href: string; who: string; reading: ReadingState | undefined }) {
  if (!cell.assigned) return <span className="text-muted">Not assigned</span>;
  return (
    <Link href={href} className="-m-1 flex flex-col items-start gap-0.5 rounded p-1 text-ink no-underline hover:bg-paper">
      <span className="sr-only">{who}: </span>
      <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${STATUS_STYLES[cell.status]}`}>{STATUS_LABELS[cell.status]}</span>
      <span className="underline">{cell.bestScore === null ? "no score" : formatPercent(cell.bestScore)}</span>
      {cell.notCountedScore !== null ? (
        <span className="text-xs text-[#6b4600]">
          {cell.late ? "late · " : ""}
          {formatPercent(cell.notCountedScore)} not counted
        </span>
      ) : cell.late && cell.status === "done" ? (
        <span className="text-xs text-[#6b4600]">and a late attempt</span>
      ) : null}
      {reading ? (
        <span className="flex w-full items-center gap-1.5 text-xs">
          <span className="block h-1.5 w-10 overflow-hidden rounded-full bg-[#e7e3da]" aria-hidden="true">
            <span className="block h-full rounded-full bg-quote" style={{ width: `${reading.percent}%` }} />
          </span>
          {readingLabel(reading)}
        </span>
      ) : null}
      {cell.extended ? <span className="text-xs text-muted">extended</span> : null}
    </Link>
  );
}

export default async function GradebookPage({ params }: PageProps<"/teacher/classes/[classId]/reports">) {
  const { classId } = await params;
  const teacher = await requireRole("TEACHER", `/teacher/classes/${classId}/reports`);
  const classroom = await classForTeacher(teacher.id, classId);
  if (!classroom) notFound();
  const { gradebook, mastery, reading } = await gradebookReport(teacher.id, classId);

  return (
    <div className="space-y-12">
      <section aria-labelledby="gradebook-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="gradebook-heading" className="text-2xl font-semibold">
            Gradebook
          </h2>
          <div className="flex flex-wrap items-center gap-2">
            <a href={`/api/v1/teacher/classes/${classroom.id}/gradebook`} className="btn btn-secondary" download>
              Download CSV
            </a>
            <a href={`/api/v1/teacher/classes/${classroom.id}/gradebook?layout=moodle`} className="btn btn-secondary" download>
              CSV for Moodle
            </a>
            <a href={`/api/v1/teacher/classes/${classroom.id}/gradebook?layout=canvas`} className="btn btn-secondary" download>
              CSV for Canvas
            </a>
          </div>
        </div>
        <p className="text-muted">
          Each student’s grade is the best score of the finished attempts that count, and where they stand with each assignment (extensions included); for a
          lesson, how far they have read. Attempts started after a student’s due date are marked late; each assignment says whether they count, and work that
          does not count is shown apart, never deleted. Open a cell to see that student’s answers.
        </p>
        {gradebook.rows.length === 0 || gradebook.columns.length === 0 ? (
          <p className="text-muted">The gradebook fills in once the class has students and assignments.</p>
        ) : (
          <TableWrapper label="Gradebook table">
            <table className="w-full text-left font-sans text-sm">
              <caption className="px-3 py-2 text-left text-muted">Students and assignments: status and best score (of the attempts that count)</caption>
              <thead className="bg-paper">
                <tr>
                  <th scope="col" className="sticky left-0 bg-paper px-3 py-2">
                    Student
                  </th>
                  {gradebook.columns.map((c) => (
                    <th key={c.id} scope="col" className="min-w-36 px-3 py-2 align-bottom">
                      <span className="block">{c.title}</span>
                      <span className="block text-xs font-normal text-muted">
                        due <LocalTime iso={c.dueAt.toISOString()} withTime={false} /> · {c.submitted}/{c.assigned} in · avg {formatPercent(c.averageScore)}
                      </span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {gradebook.rows.map((row) => (
                  <tr key={row.student.id} className="border-t border-rule align-top">
                    <th scope="row" className="sticky left-0 bg-white px-3 py-2 font-medium">
                      {row.student.name}
                    </th>
                    {row.cells.map((cell, i) => {
                      const column = gradebook.columns[i];
                      if (!column) return null;
                      return (
                        <td key={column.id} className="px-3 py-2">
                          <Cell
                            cell={cell}
                            href={`/teacher/classes/${classroom.id}/assignments/${column.id}/students/${row.student.id}`}
                            who={`${row.student.name}, ${column.title}`}
                            reading={reading.get(`${row.student.id}:${column.id}`)}
                          />
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrapper>
        )}
      </section>

      <section aria-labelledby="mastery-heading" className="space-y-3">
        <h2 id="mastery-heading" className="text-2xl font-semibold">
          Mastery by phase
        </h2>
        <p className="text-muted">
          From every answer each student has given in Backchannel. Levels: {MASTERY_LEVEL_IDS.map((l) => MASTERY_LEVELS[l].label).join(" → ")}.
        </p>
        {mastery.rows.length === 0 ? (
          <p className="text-muted">No students yet.</p>
        ) : (
          <TableWrapper label="Mastery table">
            <table className="w-full text-left font-sans text-sm">
              <caption className="px-3 py-2 text-left text-muted">Students and phases: mastery level (answers right / answered)</caption>
              <thead className="bg-paper">
                <tr>
                  <th scope="col" className="sticky left-0 bg-paper px-3 py-2">
                    Student
                  </th>
                  {mastery.phases.map((p) => (
                    <th key={p.id} scope="col" className="min-w-32 px-3 py-2 align-bottom">
                      Phase {p.position}: {p.title}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {mastery.rows.map((row) => (
                  <tr key={row.student.id} className="border-t border-rule">
                    <th scope="row" className="sticky left-0 bg-white px-3 py-2 font-medium">
                      {row.student.name}
                    </th>
                    {row.cells.map((cell) => (
                      <td key={cell.phaseId} className={`px-3 py-2 ${LEVEL_STYLES[cell.level]}`}>
                        <span className="block font-semibold">{cell.label}</span>
                        <span className="block text-xs">
                          {cell.correct}/{cell.answered} right
                        </span>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrapper>
        )}
      </section>
    </div>
  );
}
