import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/components/local-time";
import { adminOverview } from "@/lib/admin/teachers";
import { requireAdmin } from "@/lib/auth/guards";
import { approveTeacherAction, declineTeacherAction, inviteTeacherAction, removeTeacherAction } from "./actions";
import { InviteTeacherForm, RowButton } from "./forms";

export const metadata: Metadata = { title: "Administration" };

// Who may teach on this deployment (decision 0037): requests to approve, invitations, teachers.
export default async function AdminPage() {
  const admin = await requireAdmin("/admin");
  const { requests, teachers, invitations } = await adminOverview();
  return (
    <div className="mx-auto max-w-3xl space-y-10">
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold">Administration</h1>
        <p className="text-muted">
          Teachers see the answer keys and their students&rsquo; names and emails, so a teacher account is given here: approve a request or invite someone by
          email. Until then an account is a student account.
        </p>
        <p>
          <Link href="/admin/lti">Course platforms (LTI 1.3)</Link>: use Backchannel from your school&rsquo;s Moodle or Canvas.
        </p>
      </header>

      <section aria-labelledby="requests-heading" className="space-y-3">
        <h2 id="requests-heading" tabIndex={-1} className="text-2xl font-semibold">
          Teacher requests
        </h2>
        {requests.length === 0 ? (
          <p className="text-muted">No requests are waiting.</p>
        ) : (
          <ul className="divide-y divide-rule rounded-lg border border-rule bg-white">
            {requests.map((request) => (
              <li key={request.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
                <div>
                  <p className="font-medium">{request.name}</p>
                  <p className="text-sm text-muted">
                    {request.email}
                    {request.teacherRequestedAt ? (
                      <>
                        {" "}
                        · asked <LocalTime iso={request.teacherRequestedAt.toISOString()} />
                      </>
                    ) : null}
                  </p>
                </div>
                <div className="flex gap-2">
                  <RowButton
                    action={approveTeacherAction}
                    userId={request.id}
                    label="Approve"
                    accessibleLabel={`Approve ${request.name} as a teacher`}
                    focusAfterRemoval="requests-heading"
                  />
                  <RowButton
                    action={declineTeacherAction}
                    userId={request.id}
                    label="Decline"
                    accessibleLabel={`Decline ${request.name}'s request`}
                    focusAfterRemoval="requests-heading"
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="invite-heading" className="max-w-xl space-y-3">
        <h2 id="invite-heading" className="text-2xl font-semibold">
          Invite a teacher
        </h2>
        <InviteTeacherForm action={inviteTeacherAction} />
        {invitations.length > 0 ? (
          <div className="space-y-1">
            <h3 className="font-medium">Invitations not yet used</h3>
            <ul className="text-sm text-muted">
              {invitations.map((invitation) => (
                <li key={invitation.id}>
                  {invitation.email} · until <LocalTime iso={invitation.expiresAt.toISOString()} />
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="teachers-heading" className="space-y-3">
        <h2 id="teachers-heading" tabIndex={-1} className="text-2xl font-semibold">
          Teachers
        </h2>
        <ul className="divide-y divide-rule rounded-lg border border-rule bg-white">
          {teachers.map((teacher) => (
            <li key={teacher.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <div>
                <p className="font-medium">
                  {teacher.name}
                  {teacher.isAdmin ? <span className="ml-2 text-sm font-normal text-muted">administrator</span> : null}
                </p>
                <p className="text-sm text-muted">{teacher.email}</p>
              </div>
              {teacher.id === admin.id ? (
                <p className="text-sm text-muted">You</p>
              ) : (
                <RowButton
                  action={removeTeacherAction}
                  userId={teacher.id}
                  label="Remove teacher role"
                  accessibleLabel={`Remove ${teacher.name}'s teacher role`}
                  focusAfterRemoval="teachers-heading"
                />
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
