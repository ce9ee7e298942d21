import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { FormMessage } from "@/components/form-field";
import LoadingState from "@/components/loading-state";
import { requireRole } from "@/lib/auth/guards";
import { attentionForTeacher } from "@/lib/teacher/attention";
import { listClassesForTeacher, type ClassSummary } from "@/lib/teacher/classes";
import { nameList } from "@/lib/teacher/assignment-edit";
import { formatPercent } from "@/lib/teacher/report-math";
import { LocalTime } from "@/components/local-time";
import { formatJoinCode } from "@/lib/teacher/join-code";
import { invitationsFor } from "@/lib/teacher/invitations";
import { AnswerInvitation, CreateClassForm } from "./forms";

export const metadata: Metadata = { title: "Your classes" };

// No loading.tsx in this segment: it would wrap the class pages below too, and a class page must
// answer a real 404 (its layout checks access before anything streams). The list loads in its
// own Suspense boundary instead.
export default async function TeacherHomePage({ searchParams }: PageProps<"/teacher">) {
  const teacher = await requireRole("TEACHER", "/teacher");
  // Set by removeCoTeacherAction when a co-teacher leaves a class (it is gone from the list below),
  // and by declineInvitationAction (the invitation is gone from its list).
  const { left, declined } = await searchParams;
  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold">Your classes</h1>
        <p className="text-muted">
          Signed in as {teacher.name}. Open a class to see its students, set work and read its reports, or{" "}
          <Link href="/teacher/questions">write your own questions</Link>. Using Backchannel from Moodle or Canvas? See the{" "}
          <Link href="/teacher/lti">scores sent to your courses</Link>.
        </p>
        {left === "1" ? <FormMessage tone="success" message="You left the class. Its work and reports stay with the class." /> : null}
        {declined === "1" ? <FormMessage tone="success" message="Invitation declined. You have not been added to that class." /> : null}
      </header>

      <Suspense fallback={null}>
        <Invitations teacherId={teacher.id} />
      </Suspense>

      <section aria-labelledby="attention-heading" className="space-y-3">
        <h2 id="attention-heading" className="text-2xl font-semibold">
          Needs your attention
        </h2>
        <Suspense fallback={<LoadingState inline />}>
          <AttentionList teacherId={teacher.id} />
        </Suspense>
      </section>

      <Suspense fallback={<LoadingState inline />}>
        <ClassSections teacherId={teacher.id} />
      </Suspense>

      <section aria-labelledby="create-heading" className="max-w-xl space-y-3">
        <h2 id="create-heading" className="text-2xl font-semibold">
          Create a class
        </h2>
        <p className="text-muted">Each class gets a code. Students type it (or open the link) to join.</p>
        <CreateClassForm />
      </section>
    </div>
  );
}

/** Invitations to co-teach addressed to this teacher's email (decision 0038); nothing when there are none. */
async function Invitations({ teacherId }: { teacherId: string }) {
  const invitations = await invitationsFor(teacherId);
  if (invitations.length === 0) return null;
  return (
    <section aria-labelledby="invitations-heading" className="space-y-3">
      <h2 id="invitations-heading" tabIndex={-1} className="text-2xl font-semibold outline-none">
        Invitations to co-teach
      </h2>
      <p className="text-muted">Accept one to see the class, its students and its reports, and to set work for it. Until then you are not part of it.</p>
      <ul className="space-y-3">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-rule bg-white p-4">
            <div className="space-y-1">
              <p className="text-lg font-semibold">{invitation.className}</p>
              <p className="font-sans text-sm text-muted">
                From {invitation.inviterName} ({invitation.inviterEmail}) · sent <LocalTime iso={invitation.sentAt.toISOString()} withTime={false} /> · open
                until <LocalTime iso={invitation.expiresAt.toISOString()} withTime={false} />
              </p>
            </div>
            <AnswerInvitation invitationId={invitation.id} className={invitation.className} />
          </li>
        ))}
      </ul>
    </section>
  );
}

async function AttentionList({ teacherId }: { teacherId: string }) {
  const { overdue, missed } = await attentionForTeacher(teacherId);
  if (overdue.length === 0 && missed.length === 0) {
    return <p className="text-muted">Nothing for now: no late or missing work, and no question your classes keep missing.</p>;
  }
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="space-y-2">
        <h3 className="text-lg font-semibold">Late and missing work</h3>
        {overdue.length === 0 ? (
          <p className="text-muted">Everyone has handed in what was due.</p>
        ) : (
          <ul className="space-y-2">
            {overdue.map((work) => (
              <li key={work.assignmentId} className="space-y-1 rounded-lg border border-rule bg-white p-3 font-sans text-sm">
                <p>
                  <Link href={`/teacher/classes/${work.classId}/reports`} className="font-semibold">
                    {work.title}
                  </Link>{" "}
                  <span className="text-muted">
                    · {work.className} · due <LocalTime iso={work.dueAt.toISOString()} withTime={false} />
                  </span>
                </p>
                {work.missing.length > 0 ? (
                  <p>
                    <span className="font-semibold text-[#8f1c13]">{work.missing.length} missing:</span> {nameList(work.missing.map((s) => s.name))}
                  </p>
                ) : null}
                {work.late.length > 0 ? (
                  <p>
                    <span className="font-semibold text-[#6b4600]">{work.late.length} late:</span> {nameList(work.late.map((s) => s.name))}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="space-y-2">
        <h3 className="text-lg font-semibold">Most-missed questions</h3>
        {missed.length === 0 ? (
          <p className="text-muted">Not enough answers yet.</p>
        ) : (
          <ol className="space-y-2">
            {missed.map((item) => (
              <li key={`${item.classId}:${item.questionId}`} className="space-y-1 rounded-lg border border-rule bg-white p-3 font-sans text-sm">
                <p className="font-medium">{item.prompt}</p>
                {item.statement ? <p className="font-serif text-muted">“{item.statement}”</p> : null}
                <div className="flex items-center gap-2">
                  <span className="block h-2 w-24 overflow-hidden rounded-full bg-[#e7e3da]" aria-hidden="true">
                    <span className="block h-full rounded-full bg-quote" style={{ width: `${Math.round(item.correctShare * 100)}%` }} />
                  </span>
                  <span>
                    {formatPercent(item.correctShare)} right of {item.answers} ·{" "}
                    <Link href={`/teacher/classes/${item.classId}/reports/questions`}>{item.className}</Link>
                  </span>
                </div>
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}

async function ClassSections({ teacherId }: { teacherId: string }) {
  const classes = await listClassesForTeacher(teacherId);
  const active = classes.filter((c) => c.archivedAt === null);
  const archived = classes.filter((c) => c.archivedAt !== null);
  return (
    <>
      <section aria-labelledby="classes-heading" className="space-y-3">
        <h2 id="classes-heading" className="text-2xl font-semibold">
          Classes
        </h2>
        {active.length === 0 ? (
          <p className="text-muted">
            {archived.length === 0 ? "You have no classes yet. Create your first one below." : "All your classes are archived. Create a new one below."}
          </p>
        ) : (
          <ClassList classes={active} />
        )}
      </section>
      {archived.length > 0 ? (
        <section aria-labelledby="archived-heading" className="space-y-3">
          <h2 id="archived-heading" className="text-2xl font-semibold">
            Archived
          </h2>
          <p className="text-muted">Students no longer see these. Their reports and CSV are still here; open one to bring it back.</p>
          <ClassList classes={archived} />
        </section>
      ) : null}
    </>
  );
}

function ClassList({ classes }: { classes: ClassSummary[] }) {
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
