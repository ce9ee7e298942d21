import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/guards";
import { builtInView } from "@/lib/articles/built-in";
import { getPhases } from "@/lib/content";
import { listAssignments, scopeTitle } from "@/lib/teacher/assignments";
import { getRoster } from "@/lib/teacher/classes";
import { listClassInvitations } from "@/lib/teacher/invitations";
import { formatJoinCode, joinPath } from "@/lib/teacher/join-code";
import { assignableOwnQuestions } from "@/lib/teacher/questions";
import { gradebookForClass } from "@/lib/teacher/reports";
import { assignableImportedLessons } from "@/lib/articles/lessons";
import type { Viewer } from "@/lib/articles/store";
import { REVEAL_LABELS, REVEAL_POLICIES, scopeValue } from "@/lib/teacher/validation";
import { TableWrapper } from "@/components/form-bits";
import { LocalTime } from "@/components/local-time";
import { countingRule } from "@/lib/teacher/lateness";
import { classForTeacher } from "./data";
import {
  CancelInvitationButton,
  InviteCoTeacherForm,
  RemoveCoTeacherButton,
  CreateAssignmentForm,
  DeleteAssignmentButton,
  ExtensionForm,
  RegenerateCodeButton,
  RemoveExtensionButton,
  RemoveStudentButton,
  RenameClassForm,
  ArchiveClassButton,
  type ScopeOption,
} from "./forms";

export async function generateMetadata({ params }: PageProps<"/teacher/classes/[classId]">): Promise<Metadata> {
  const { classId } = await params;
  const teacher = await requireRole("TEACHER", `/teacher/classes/${classId}`);
  const classroom = await classForTeacher(teacher.id, classId);
  return { title: classroom ? classroom.name : "Class not found" };
}

/** The address students open to join, on the host this page was asked for. */
async function joinUrl(code: string): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? (/^(localhost|127\.0\.0\.1)(:|$)/.test(host) ? "http" : "https");
  return `${proto}://${host}${joinPath(code)}`;
}

async function scopeOptions(teacher: Viewer): Promise<ScopeOption[]> {
  const imported = await assignableImportedLessons(teacher);
  return [
    ...builtInView().lessons.map((l): ScopeOption => ({ value: scopeValue("LESSON", l.key), label: scopeTitle("LESSON", l.key), group: "Lessons" })),
    ...imported.flatMap(({ articleTitle, lessons }) =>
      lessons.map((l): ScopeOption => ({ value: scopeValue("LESSON", l.key), label: `Lesson ${l.number}: ${l.title}`, group: `Article: ${articleTitle}` })),
    ),
    ...getPhases().map((p): ScopeOption => ({ value: scopeValue("PHASE", p.id), label: scopeTitle("PHASE", p.id), group: "Phases" })),
    { value: scopeValue("MIXED", null), label: scopeTitle("MIXED", null), group: "Whole article" },
  ];
}

export default async function ClassPage({ params }: PageProps<"/teacher/classes/[classId]">) {
  const { classId } = await params;
  const teacher = await requireRole("TEACHER", `/teacher/classes/${classId}`);
  const classroom = await classForTeacher(teacher.id, classId);
  if (!classroom) notFound();
  const [roster, assignments, { gradebook }, ownQuestions, link, invitations] = await Promise.all([
    getRoster(teacher.id, classId),
    listAssignments(teacher.id, classId),
    gradebookForClass(teacher.id, classId),
    assignableOwnQuestions(teacher.id),
    joinUrl(classroom.joinCode),
    // Only the owner invites, so only the owner sees who is invited.
    classroom.role === "OWNER" ? listClassInvitations(teacher.id, classId) : Promise.resolve([]),
  ]);
  const handedIn = new Map(gradebook.columns.map((c) => [c.id, c]));
  const students = roster.map((s) => ({ id: s.id, name: s.name }));

  return (
    <div className="space-y-12">
      <section aria-labelledby="join-heading" className="space-y-3 rounded-lg border border-rule bg-white p-5">
        <h2 id="join-heading" className="text-2xl font-semibold">
          Join code
        </h2>
        <p className="font-mono text-3xl font-semibold tracking-widest" aria-describedby="join-help">
          {formatJoinCode(classroom.joinCode)}
        </p>
        <p id="join-help" className="text-muted">
          Students sign in, open <strong>Join a class</strong> and type this code, or open this link:
        </p>
        <p className="break-all font-sans text-sm">
          <a href={joinPath(classroom.joinCode)}>{link}</a>
        </p>
        <p className="font-sans text-sm">
          <Link href={`/teacher/classes/${classroom.id}/projector`}>Show the code on the projector, with a QR code</Link>
        </p>
        <div className="flex flex-wrap items-start gap-3">
          <RegenerateCodeButton classId={classroom.id} />
          <p className="max-w-md text-sm text-muted">A new code stops the old one from working. Students already in the class stay in it.</p>
        </div>
      </section>

      <section aria-labelledby="students-heading" className="space-y-3">
        <h2 id="students-heading" tabIndex={-1} className="text-2xl font-semibold outline-none">
          Students ({roster.length})
        </h2>
        {roster.length === 0 ? (
          <p className="text-muted">Nobody has joined yet. Share the code above.</p>
        ) : (
          <TableWrapper label="Student list">
            <table className="w-full text-left font-sans text-sm">
              <caption className="sr-only">Students in {classroom.name}</caption>
              <thead className="bg-paper">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Name
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Email
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Joined
                  </th>
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {roster.map((s) => (
                  <tr key={s.id} className="border-t border-rule">
                    <th scope="row" className="px-3 py-2 font-medium">
                      {s.name}
                    </th>
                    <td className="px-3 py-2 text-muted">{s.email}</td>
                    <td className="whitespace-nowrap px-3 py-2 text-muted">
                      <LocalTime iso={s.joinedAt.toISOString()} withTime={false} />
                    </td>
                    <td className="px-3 py-2 text-right">
                      <RemoveStudentButton classId={classroom.id} studentId={s.id} name={s.name} focusAfterRemoval="students-heading" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrapper>
        )}
      </section>

      <section aria-labelledby="assignments-heading" className="space-y-3">
        <h2 id="assignments-heading" tabIndex={-1} className="text-2xl font-semibold outline-none">
          Assignments
        </h2>
        {assignments.length === 0 ? (
          <p className="text-muted">No assignments yet. Set the first one below.</p>
        ) : (
          <ul className="space-y-3">
            {assignments.map((a) => {
              const column = handedIn.get(a.id);
              return (
                <li key={a.id} className="space-y-2 rounded-lg border border-rule bg-white p-4">
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div>
                      <h3 id={`assignment-${a.id}`} tabIndex={-1} className="text-lg font-semibold outline-none">
                        {a.title}
                      </h3>
                      <p className="font-sans text-sm text-muted">
                        {scopeTitle(a.kind, a.scopeId)}
                        {a.questionIds ? ` · ${a.questionIds.length} chosen questions` : ""}
                      </p>
                      <p className="font-sans text-sm">
                        Questions for Moodle:{" "}
                        <a
                          href={`/api/v1/teacher/classes/${classroom.id}/assignments/${a.id}/questions?format=gift`}
                          download
                          aria-label={`The questions of “${a.title}” as GIFT`}
                        >
                          GIFT
                        </a>{" "}
                        ·{" "}
                        <a
                          href={`/api/v1/teacher/classes/${classroom.id}/assignments/${a.id}/questions?format=moodle-xml`}
                          download
                          aria-label={`The questions of “${a.title}” as Moodle XML`}
                        >
                          Moodle XML
                        </a>
                      </p>
                    </div>
                    <div className="flex flex-wrap items-start gap-2">
                      <Link
                        href={`/teacher/classes/${classroom.id}/assignments/${a.id}/edit`}
                        className="btn btn-secondary px-3 py-1.5 text-sm no-underline"
                        aria-label={`Edit the assignment “${a.title}”`}
                      >
                        Edit
                      </Link>
                      <DeleteAssignmentButton assignmentId={a.id} title={a.title} focusAfterRemoval="assignments-heading" />
                    </div>
                  </div>
                  <dl className="grid gap-x-6 gap-y-1 font-sans text-sm sm:grid-cols-2">
                    <div>
                      <dt className="inline text-muted">Opens: </dt>
                      <dd className="inline">
                        <LocalTime iso={a.opensAt.toISOString()} />
                      </dd>
                    </div>
                    <div>
                      <dt className="inline text-muted">Due: </dt>
                      <dd className="inline">
                        <LocalTime iso={a.dueAt.toISOString()} />
                      </dd>
                    </div>
                    <div>
                      <dt className="inline text-muted">Answers shown: </dt>
                      <dd className="inline">{REVEAL_LABELS[a.reveal]}</dd>
                    </div>
                    <div>
                      <dt className="inline text-muted">Attempts: </dt>
                      <dd className="inline">{a.maxAttempts}</dd>
                    </div>
                    <div className="sm:col-span-2">
                      <dt className="inline text-muted">What counts: </dt>
                      <dd className="inline">{countingRule(a)}</dd>
                    </div>
                    <div>
                      <dt className="inline text-muted">For: </dt>
                      <dd className="inline">{a.targets.length === 0 ? "the whole class" : a.targets.map((t) => t.name).join(", ")}</dd>
                    </div>
                    <div>
                      <dt className="inline text-muted">Handed in: </dt>
                      <dd className="inline">{column ? `${column.submitted} of ${column.assigned}` : "—"}</dd>
                    </div>
                  </dl>
                  {a.extensions.length > 0 ? (
                    <div className="space-y-1">
                      <h4 className="font-sans text-sm font-semibold">Extensions</h4>
                      <ul className="space-y-1 font-sans text-sm">
                        {a.extensions.map((e) => (
                          <li key={e.userId} className="flex flex-wrap items-center gap-2">
                            <span>
                              {e.name}
                              {e.dueAt ? (
                                <>
                                  {" "}
                                  — due <LocalTime iso={e.dueAt.toISOString()} />
                                </>
                              ) : null}
                              {e.extraAttempts > 0 ? ` — ${e.extraAttempts} extra ${e.extraAttempts === 1 ? "attempt" : "attempts"}` : null}
                            </span>
                            <RemoveExtensionButton assignmentId={a.id} studentId={e.userId} name={e.name} focusAfterRemoval={`assignment-${a.id}`} />
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        <p className="font-sans text-sm">
          <Link href={`/teacher/classes/${classroom.id}/reports`}>See scores, statuses and mastery in the gradebook</Link>
        </p>
      </section>

      <section aria-labelledby="new-assignment-heading" className="max-w-2xl space-y-3">
        <h2 id="new-assignment-heading" className="text-2xl font-semibold">
          Set an assignment
        </h2>
        <CreateAssignmentForm
          classId={classroom.id}
          scopes={await scopeOptions(teacher)}
          students={students}
          ownQuestions={ownQuestions}
          reveals={REVEAL_POLICIES.map((value) => ({ value, label: REVEAL_LABELS[value] }))}
        />
      </section>

      {assignments.length > 0 && students.length > 0 ? (
        <section aria-labelledby="extension-heading" className="max-w-2xl space-y-3">
          <h2 id="extension-heading" className="text-2xl font-semibold">
            Give an extension
          </h2>
          <p className="text-muted">A later due date, extra attempts, or both, for one student.</p>
          <ExtensionForm assignments={assignments.map((a) => ({ id: a.id, title: a.title }))} students={students} />
        </section>
      ) : null}

      <section aria-labelledby="teachers-heading" className="max-w-2xl space-y-3">
        <h2 id="teachers-heading" tabIndex={-1} className="text-2xl font-semibold outline-none">
          Teachers
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          {classroom.teachers.map((t) => (
            <li key={t.id}>
              {t.name} <span className="text-muted">({t.role === "OWNER" ? "created the class" : "co-teacher"})</span>
              {t.role === "CO_TEACHER" && (classroom.role === "OWNER" || t.id === teacher.id) ? (
                <>
                  {" "}
                  <RemoveCoTeacherButton
                    classId={classroom.id}
                    teacherId={t.id}
                    name={t.name}
                    self={t.id === teacher.id}
                    focusAfterRemoval="teachers-heading"
                  />
                </>
              ) : null}
            </li>
          ))}
        </ul>
        {invitations.length > 0 ? (
          <div className="space-y-2">
            <h3 className="text-lg font-semibold">Invited, not yet accepted</h3>
            <ul className="space-y-2 font-sans text-sm">
              {invitations.map((invitation) => (
                <li
                  key={invitation.id}
                  className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-rule bg-white px-3 py-2 sm:flex-nowrap"
                >
                  <span className="min-w-0 flex-1 break-all">
                    {invitation.email}{" "}
                    <span className="text-muted">
                      · sent <LocalTime iso={invitation.sentAt.toISOString()} withTime={false} />
                      {invitation.expired ? " · expired: invite them again to send a new one" : ""}
                    </span>
                  </span>
                  <CancelInvitationButton classId={classroom.id} invitationId={invitation.id} email={invitation.email} focusAfterRemoval="teachers-heading" />
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {classroom.role === "OWNER" ? (
          <div className="space-y-2">
            <h3 className="text-lg font-semibold">Invite a co-teacher</h3>
            <p className="text-muted">A co-teacher sees the class’s students and reports and can set work. Only you can invite or remove co-teachers.</p>
            <InviteCoTeacherForm classId={classroom.id} />
          </div>
        ) : (
          <p className="text-muted">Only the teacher who created the class can invite co-teachers.</p>
        )}
      </section>

      <section aria-labelledby="settings-heading" className="max-w-2xl space-y-4">
        <h2 id="settings-heading" tabIndex={-1} className="text-2xl font-semibold outline-none">
          Name and archive
        </h2>
        <RenameClassForm classId={classroom.id} name={classroom.name} />
        <div className="space-y-2">
          <p className="text-muted">
            {classroom.archivedAt
              ? "This class is archived: students do not see it or its work, and its code lets no one join. Its reports and CSV stay here."
              : "At the end of the year, archive the class: it leaves your students’ lists and moves to “Archived” on your home page. Nothing is deleted, and you can bring it back."}
          </p>
          {classroom.role === "OWNER" ? (
            <ArchiveClassButton classId={classroom.id} name={classroom.name} archived={classroom.archivedAt !== null} />
          ) : (
            <p className="text-muted">Only the teacher who created the class can archive it.</p>
          )}
        </div>
      </section>
    </div>
  );
}
