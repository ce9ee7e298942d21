// Shown to someone who signed up as a teacher while an administrator has not yet approved it
// (decision 0037): the account is a student account until then, and the person should know why.
export function TeacherRequestNotice() {
  return (
    <section aria-labelledby="teacher-request-heading" className="space-y-1 rounded-lg border border-rule bg-white p-4">
      <h2 id="teacher-request-heading" className="text-lg font-semibold">
        Teacher request pending
      </h2>
      <p className="text-muted">
        You asked for a teacher account. The administrator of this Backchannel has been told; once they approve it, the teacher pages are yours the next time
        you sign in. Meanwhile you can use Backchannel as a student: read the lessons, take the quizzes and join classes.
      </p>
    </section>
  );
}
