import type { Metadata } from "next";
import { LocalTime } from "@/components/local-time";
import { requireRole } from "@/lib/auth/guards";
import { scoresForTeacher, sendDueScores } from "@/lib/lti/outbox";
import { pickableResources } from "@/lib/lti/resources";
import { sendScoresNowAction } from "./actions";
import { SendNowButton } from "./send-now";

export const metadata: Metadata = { title: "Scores sent to your courses" };

const STATUS = { SENT: "sent", PENDING: "waiting", FAILED: "refused" } as const;
const statusOf = (status: string) => (status === "SENT" || status === "PENDING" || status === "FAILED" ? STATUS[status] : status);

// What Backchannel sent to the courses' gradebooks (LTI Assignment and Grade Services, decision
// 0051), for the course links this teacher opened: who, what score, whether the platform took it, when.
export default async function TeacherLtiPage() {
  const teacher = await requireRole("TEACHER", "/teacher/lti");
  // Opening the page sends what is due now, rather than at the server's next minute.
  await sendDueScores().catch((error: unknown) => console.error("LTI score outbox:", error));
  const links = await scoresForTeacher(teacher.id);
  const titles = new Map(pickableResources().map((item) => [item.key, item.title]));
  const waiting = links.some((link) => link.scores.some((score) => score.status === "PENDING"));
  return (
    <div className="mx-auto max-w-4xl space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold">Scores sent to your courses</h1>
        <p className="text-muted">
          Quizzes your students open from a Moodle or Canvas course send their score to the course&rsquo;s gradebook when they finish. A platform that is busy
          gets the score again, a little later each time, until it takes it.
        </p>
        {waiting ? <SendNowButton action={sendScoresNowAction} /> : null}
      </header>
      {links.length === 0 ? <p className="text-muted">Open a Backchannel quiz from your course as its teacher, and its scores appear here.</p> : null}
      {links.map((link) => (
        <section key={link.id} id={`link-${link.id}`} aria-labelledby={`heading-${link.id}`} className="space-y-3">
          <h2 id={`heading-${link.id}`} className="text-2xl font-semibold">
            {titles.get(link.resource) ?? link.resource}
          </h2>
          <p className="text-sm text-muted">
            {link.platform}
            {link.contextTitle ? ` · ${link.contextTitle}` : ""}
            {link.lineItem ? "" : " · this link has no gradebook column: scores are not sent"}
          </p>
          {link.scores.length === 0 ? (
            <p className="text-muted">No student has finished it yet.</p>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-rule bg-white">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Scores for {titles.get(link.resource) ?? link.resource}</caption>
                <thead>
                  <tr className="border-b border-rule">
                    <th scope="col" className="p-2">
                      Student
                    </th>
                    <th scope="col" className="p-2">
                      Score
                    </th>
                    <th scope="col" className="p-2">
                      Status
                    </th>
                    <th scope="col" className="p-2">
                      Sent
                    </th>
                    <th scope="col" className="p-2">
                      Tries
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {link.scores.map((score) => (
                    <tr key={score.id} className="border-b border-rule last:border-0">
                      <th scope="row" className="p-2 font-medium">
                        {score.student}
                      </th>
                      <td className="p-2">{score.value} / 100</td>
                      <td className="p-2">
                        {statusOf(score.status)}
                        {score.lastError && score.status !== "SENT" ? <span className="block text-muted">{score.lastError}</span> : null}
                      </td>
                      <td className="p-2">{score.sentAt ? <LocalTime iso={score.sentAt.toISOString()} /> : "not yet"}</td>
                      <td className="p-2">{score.tries}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </div>
  );
}
