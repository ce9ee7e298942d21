import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/guards";
import { TeacherRequestNotice } from "@/components/teacher-request-notice";
import { ChangeNameForm, ChangePasswordForm, DeleteAccountForm, SignOutEverywhereForm } from "./forms";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  return (
    <div className="mx-auto max-w-2xl space-y-10">
      <header>
        <h1 className="text-3xl font-semibold">Your account</h1>
        <p className="mt-2 text-muted">
          Signed in as <strong className="text-ink">{user.email}</strong> ({user.role === "TEACHER" ? "teacher" : "student"}
          {user.isAdmin ? ", administrator" : ""}).
        </p>
      </header>
      {user.teacherRequested ? <TeacherRequestNotice /> : null}

      <section aria-labelledby="name-heading" className="space-y-3">
        <h2 id="name-heading" className="text-xl font-semibold">
          Display name
        </h2>
        <ChangeNameForm name={user.name} />
      </section>

      <section aria-labelledby="password-heading" className="space-y-3">
        <h2 id="password-heading" className="text-xl font-semibold">
          Password
        </h2>
        <ChangePasswordForm />
      </section>

      <section aria-labelledby="sessions-heading" className="space-y-3">
        <h2 id="sessions-heading" className="text-xl font-semibold">
          Where you are signed in
        </h2>
        <p className="text-muted">
          Signed in on a shared computer, or lost a device? This ends every session of your account, this one included, and you sign in again. Signing out or
          changing your password does the same on every other device.
        </p>
        <SignOutEverywhereForm />
      </section>

      <section aria-labelledby="data-heading" className="space-y-3">
        <h2 id="data-heading" className="text-xl font-semibold">
          Your data
        </h2>
        <p className="text-muted">A JSON file with everything Backchannel stores about you: your account, reading progress and quiz answers.</p>
        <a href="/api/account/export" className="btn btn-secondary" download>
          Download all my data
        </a>
      </section>

      <section aria-labelledby="delete-heading" className="space-y-3 rounded-lg border border-[#e5b8b3] p-5">
        <h2 id="delete-heading" className="text-xl font-semibold">
          Delete your account
        </h2>
        {user.role === "TEACHER" ? (
          <p className="text-muted">
            Your account and the classes you created are deleted. A class that has a co-teacher is handed to them instead, with its assignments and reports.
            Your students keep their own accounts and their answers.
          </p>
        ) : (
          <p className="text-muted">Your account, your reading progress and all your quiz attempts are deleted for good. You leave every class you joined.</p>
        )}
        <DeleteAccountForm />
      </section>
    </div>
  );
}
