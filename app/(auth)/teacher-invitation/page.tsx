import type { Metadata } from "next";
import Link from "next/link";
import { invitationState } from "@/lib/admin/teachers";
import { getSessionUser } from "@/lib/auth/guards";
import { invitationTokenSchema } from "@/lib/auth/validation";
import { AcceptInvitationForm, InvitationSignUpForm } from "./invitation-forms";

export const metadata: Metadata = { title: "Teacher invitation", referrer: "no-referrer" };

// The link in an administrator's invitation (decision 0037). Opening it uses nothing up: only a
// form's submit does.
export default async function TeacherInvitationPage({ searchParams }: PageProps<"/teacher-invitation">) {
  const { token: raw } = await searchParams;
  const parsed = invitationTokenSchema.safeParse(Array.isArray(raw) ? raw[0] : raw);
  const invitation = parsed.success ? await invitationState(parsed.data) : ({ state: "expired-or-used" } as const);
  const user = await getSessionUser();
  const here = parsed.success ? `/teacher-invitation?token=${encodeURIComponent(parsed.data)}` : "/teacher-invitation";
  return (
    <section className="mx-auto max-w-md">
      <h1 className="text-3xl font-semibold">Teacher invitation</h1>
      {invitation.state !== "valid" || !parsed.success ? (
        <p className="mt-3 rounded-md border border-rule bg-white px-4 py-3">
          This invitation has expired or has already been used. Ask the administrator who sent it for a new one.
        </p>
      ) : user && user.email === invitation.email ? (
        user.role === "TEACHER" ? (
          <p className="mt-3 text-muted">
            Your account is already a teacher account. <Link href="/teacher">Go to your classes</Link>.
          </p>
        ) : (
          <>
            <p className="mt-2 text-muted">
              You are signed in as <strong className="text-ink">{user.email}</strong>. Accepting makes this account a teacher account: you can run classes and
              set work. Your reading and quiz history stay with it.
            </p>
            <AcceptInvitationForm token={parsed.data} />
          </>
        )
      ) : user ? (
        <p className="mt-3 rounded-md border border-rule bg-white px-4 py-3">
          This invitation is for {invitation.email}, and you are signed in as {user.email}. Sign out, then open the link again.
        </p>
      ) : invitation.hasAccount ? (
        <p className="mt-3 text-muted">
          {invitation.email} already has a Backchannel account. <Link href={`/signin?callbackUrl=${encodeURIComponent(here)}`}>Sign in</Link> with it to accept
          the invitation.
        </p>
      ) : (
        <>
          <p className="mt-2 text-muted">You are invited to teach on Backchannel. Choose your name and a password to create your teacher account.</p>
          <InvitationSignUpForm token={parsed.data} email={invitation.email} />
        </>
      )}
    </section>
  );
}
