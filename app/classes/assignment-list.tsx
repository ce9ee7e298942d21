// A student's assignments, soonest due first: used on /classes and on the dashboard.
import type { StudentAssignment } from "@/lib/teacher/assignments";
import { formatPercent } from "@/lib/teacher/report-math";
import { STATUS_LABELS } from "@/lib/teacher/status";
import { LocalTime } from "../teacher/_components/local-time";
import { StartAssignmentButton } from "./assignment-button";

export function StudentAssignmentList({ assignments }: { assignments: StudentAssignment[] }) {
  return (
    <>
      {assignments.length === 0 ? (
        <p className="text-muted">No assignments yet.</p>
      ) : (
        <ul className="space-y-3">
          {assignments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-rule bg-white p-4">
              <div className="space-y-1">
                <h3 className="text-lg font-semibold">{a.title}</h3>
                <p className="font-sans text-sm text-muted">
                  {a.className} · due <LocalTime iso={a.dueAt.toISOString()} />
                  {a.extended ? " (extended)" : ""}
                </p>
                <p className="font-sans text-sm">
                  <span className="font-semibold">{STATUS_LABELS[a.status]}</span>
                  {a.bestScore !== null ? ` · best score ${formatPercent(a.bestScore)}` : ""} · {a.attemptsUsed} of {a.attemptsAllowed}{" "}
                  {a.attemptsAllowed === 1 ? "attempt" : "attempts"} used
                </p>
                {!a.isOpen ? (
                  <p className="font-sans text-sm text-muted">Opens <LocalTime iso={a.opensAt.toISOString()} /></p>
                ) : null}
              </div>
              {a.canStart ? <StartAssignmentButton assignmentId={a.id} title={a.title} label={a.openAttemptId ? "Continue" : a.attemptsUsed > 0 ? "Try again" : "Start"} /> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
