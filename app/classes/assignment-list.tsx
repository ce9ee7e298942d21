// A student's assignments, soonest due first: used on /classes and on the dashboard. A lesson
// assignment is read-then-quiz: the card links to the lesson and says how far the reading is.
import Link from "next/link";
import { ProgressBar } from "@/components/lesson/reading-progress";
import { describeLessons } from "@/lib/articles/lessons";
import { lessonHref } from "@/lib/progress/next-step";
import type { LessonProgressView } from "@/lib/progress/reading";
import type { StudentAssignment } from "@/lib/teacher/assignments";
import { formatPercent } from "@/lib/teacher/report-math";
import { STATUS_LABELS } from "@/lib/teacher/status";
import { LocalTime } from "@/components/local-time";
import { StartAssignmentButton } from "./assignment-button";
import { LateTag } from "./late-tag";

export async function StudentAssignmentList({ assignments, reading }: { assignments: StudentAssignment[]; reading: readonly LessonProgressView[] }) {
  if (assignments.length === 0) return <p className="text-muted">No assignments yet.</p>;
  const lessons = await describeLessons(assignments.map((a) => (a.kind === "LESSON" ? a.scopeId : null)));
  return (
    <ul className="space-y-3">
      {assignments.map((a) => {
        const lesson = a.kind === "LESSON" && a.scopeId ? lessons.get(a.scopeId) : undefined;
        const progress = lesson ? reading.find((r) => r.slug === lesson.key) : undefined;
        return (
          <li key={a.id} className="space-y-3 rounded-lg border border-rule bg-white p-4">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="space-y-1">
                <h3 className="text-lg font-semibold">
                  {a.title}
                  {a.late ? <LateTag /> : null}
                </h3>
                <p className="font-sans text-sm text-muted">
                  {a.className} · due <LocalTime iso={a.dueAt.toISOString()} />
                  {a.extended ? " (extended)" : ""}
                </p>
                <p className="font-sans text-sm">
                  <span className="font-semibold">{STATUS_LABELS[a.status]}</span>
                  {a.bestScore !== null ? ` · best score ${formatPercent(a.bestScore)}` : ""} · {a.attemptsUsed} of {a.attemptsAllowed}{" "}
                  {a.attemptsAllowed === 1 ? "attempt" : "attempts"} used
                </p>
                {a.startNotice ? (
                  <p className="max-w-prose font-sans text-sm text-[#6b4600]" id={`late-notice-${a.id}`}>
                    {a.startNotice}
                  </p>
                ) : null}
                {!a.isOpen ? (
                  <p className="font-sans text-sm text-muted">
                    Opens <LocalTime iso={a.opensAt.toISOString()} />
                  </p>
                ) : null}
              </div>
              {a.canStart ? (
                <StartAssignmentButton
                  assignmentId={a.id}
                  title={a.title}
                  label={a.openAttemptId ? "Continue the quiz" : a.attemptsUsed > 0 ? "Try the quiz again" : "Take the quiz"}
                />
              ) : null}
            </div>
            {lesson ? (
              <div className="space-y-1 border-t border-rule pt-3 font-sans text-sm">
                <p>
                  Read{" "}
                  <Link href={lessonHref(lesson.href, progress)}>
                    Lesson {lesson.number}: {lesson.title}
                  </Link>
                  {progress?.read ? " (read)" : progress?.lastParagraphId ? " (where you left off)" : ""}, then take its quiz.
                </p>
                <ProgressBar percent={progress?.percent ?? 0} label={`${a.title}: reading progress`} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
