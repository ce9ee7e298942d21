import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ProgressBar } from "@/components/lesson/reading-progress";
import { MasteryBar } from "@/components/charts/mastery-bar";
import { ScoreChart } from "@/components/charts/score-chart";
import { requireUser } from "@/lib/auth/guards";
import { builtInView } from "@/lib/articles/built-in";
import { formatPartialDate } from "@/lib/content/dates";
import { finishedQuizzes, gradedAnswers, masterySummary } from "@/lib/progress/learner";
import { lessonHref, nextSteps } from "@/lib/progress/next-step";
import { getReadingProgress } from "@/lib/progress/reading";
import { describeLessons } from "@/lib/articles/lessons";
import { importedMastery } from "@/lib/articles/mastery";
import { MASTERY_LEVELS } from "@/lib/quiz/mastery";
import { reviewQueueSize } from "@/lib/quiz/review";
import { studentAssignments } from "@/lib/teacher/assignments";
import { StudentAssignmentList } from "../classes/assignment-list";
import { NextSteps } from "./next-steps";
import { TeacherRequestNotice } from "@/components/teacher-request-notice";

export const metadata: Metadata = { title: "Your dashboard" };

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  // Teachers have a home of their own: what needs their attention across their classes.
  if (user.role === "TEACHER") redirect("/teacher");
  const [reading, answers, quizzes, review, assignments] = await Promise.all([
    getReadingProgress(user.id),
    gradedAnswers(user.id),
    finishedQuizzes(user.id),
    reviewQueueSize(user.id, new Date()),
    studentAssignments(user.id),
  ]);
  const mastery = masterySummary(answers);
  const lessons = builtInView().lessons.map((lesson) => ({ slug: lesson.key, title: lesson.title, number: lesson.number }));
  const steps = nextSteps({ lessons, reading, assignments, reviewDue: review.due, answeredAny: answers.length > 0 });
  const brandNew = steps[0]?.kind === "first-lesson" && assignments.length === 0;
  const read = reading.filter((l) => l.read && lessons.some((lesson) => lesson.slug === l.slug)).length;
  // Lessons of teachers' own articles she has opened (the built-in ones are listed above them).
  const otherReading = reading.filter((l) => !lessons.some((lesson) => lesson.slug === l.slug));
  const [otherLessons, articleMastery] = await Promise.all([describeLessons(otherReading.map((l) => l.slug)), importedMastery(answers)]);
  const startedEvents = mastery.events.filter((e) => e.mastery.level !== "not-started");

  if (brandNew) {
    return (
      <div className="max-w-3xl space-y-10">
        <header className="space-y-2">
          <h1 className="text-3xl font-semibold">Welcome, {user.name}</h1>
          <p className="text-muted">Backchannel teaches one article in four short lessons. Each ends with a few questions on what you read.</p>
        </header>
        {user.teacherRequested ? <TeacherRequestNotice /> : null}
        <NextSteps steps={steps} />
        <p className="font-sans text-sm">
          Has your teacher given you a class code? <Link href="/classes/join">Join your class</Link> to see the work they set.
        </p>
      </div>
    );
  }

  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold">Welcome back, {user.name}</h1>
        <p className="text-muted">
          {read === lessons.length ? "You have read every lesson." : `You have read ${read} of ${lessons.length} lessons.`}{" "}
          {review.due > 0 ? `${review.due} question${review.due === 1 ? " is" : "s are"} due for review.` : null}
        </p>
      </header>
      {user.teacherRequested ? <TeacherRequestNotice /> : null}

      <NextSteps steps={steps} />

      <section aria-labelledby="assignments-heading" className="space-y-3">
        <h2 id="assignments-heading" className="text-2xl font-semibold">
          Assignments
        </h2>
        <StudentAssignmentList assignments={assignments} reading={reading} />
        <p className="font-sans text-sm">
          <Link href="/classes">Your classes</Link> · <Link href="/classes/join">Join a class</Link>
        </p>
      </section>

      <section aria-labelledby="reading-heading" className="space-y-3">
        <h2 id="reading-heading" className="text-2xl font-semibold">
          Reading
        </h2>
        <ul className="grid gap-3 md:grid-cols-2">
          {lessons.map((lesson) => {
            const progress = reading.find((r) => r.slug === lesson.slug);
            return (
              <li key={lesson.slug} className="space-y-1 rounded-lg border border-rule bg-white p-4">
                <Link href={lessonHref(`/lessons/${lesson.slug}`, progress)} className="font-medium">
                  Lesson {lesson.number}: {lesson.title}
                </Link>
                <ProgressBar percent={progress?.percent ?? 0} label={`${lesson.title}: reading progress`} />
              </li>
            );
          })}
          {otherReading.flatMap((progress) => {
            const lesson = otherLessons.get(progress.slug);
            return lesson
              ? [
                  <li key={progress.slug} className="space-y-1 rounded-lg border border-rule bg-white p-4">
                    <Link href={lessonHref(lesson.href, progress)} className="font-medium">
                      {lesson.title}
                    </Link>
                    <ProgressBar percent={progress.percent} label={`${lesson.title}: reading progress`} />
                  </li>,
                ]
              : [];
          })}
        </ul>
      </section>

      <section aria-labelledby="mastery-heading" className="space-y-3">
        <h2 id="mastery-heading" className="text-2xl font-semibold">
          Mastery by phase
        </h2>
        <p className="text-sm text-muted">
          Levels:{" "}
          {Object.values(MASTERY_LEVELS)
            .map((l) => l.label)
            .join(" → ")}
          . Only your latest answer to each question counts; “Mastered” also needs a question answered right again a day or more later.
        </p>
        <ul className="grid gap-4 md:grid-cols-2">
          {mastery.phases.map((phase) => (
            <li key={phase.id} className="rounded-lg border border-rule bg-white p-4">
              <MasteryBar mastery={phase.mastery} label={`Phase ${phase.position}: ${phase.title}`} />
            </li>
          ))}
        </ul>
      </section>

      {articleMastery.map((article) => (
        <section key={article.articleId} aria-labelledby={`article-${article.articleId}-heading`} className="space-y-3">
          <h2 id={`article-${article.articleId}-heading`} className="text-2xl font-semibold">
            Mastery in “{article.title}”
          </h2>
          <ul className="grid gap-4 md:grid-cols-2">
            {article.lessons.map((lesson) => (
              <li key={lesson.key} className="rounded-lg border border-rule bg-white p-4">
                <MasteryBar mastery={lesson.mastery} label={`Lesson: ${lesson.title}`} />
              </li>
            ))}
            {article.events.map((event) => (
              <li key={event.id} className="rounded-lg border border-rule bg-white p-4">
                <MasteryBar mastery={event.mastery} label={`${event.title} (${formatPartialDate(event.date)})`} />
              </li>
            ))}
          </ul>
        </section>
      ))}

      <section aria-labelledby="events-heading" className="space-y-3">
        <h2 id="events-heading" className="text-2xl font-semibold">
          Key events
        </h2>
        {startedEvents.length === 0 ? (
          <p className="text-muted">
            Questions on the {mastery.events.length} key events of the <Link href="/timeline">timeline</Link> build your mastery of each one. None answered yet.
          </p>
        ) : (
          <>
            <p className="text-muted">
              You have answered questions on {startedEvents.length} of the {mastery.events.length} key events.
            </p>
            <div className="overflow-x-auto rounded-lg border border-rule bg-white">
              <table className="w-full text-left font-sans text-sm">
                <caption className="sr-only">Your mastery of the key events you have answered questions on</caption>
                <thead className="bg-paper">
                  <tr>
                    <th scope="col" className="px-3 py-2">
                      Event
                    </th>
                    <th scope="col" className="px-3 py-2">
                      Date
                    </th>
                    <th scope="col" className="px-3 py-2">
                      Mastery
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {startedEvents.map((event) => (
                    <tr key={event.id} className="border-t border-rule">
                      <td className="px-3 py-2">
                        <Link href={`/timeline#${event.id}`}>{event.title}</Link>
                      </td>
                      <td className="whitespace-nowrap px-3 py-2 text-muted">{formatPartialDate(event.date)}</td>
                      <td className="px-3 py-2">{MASTERY_LEVELS[event.mastery.level].label}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="scores-heading" className="space-y-3">
        <h2 id="scores-heading" className="text-2xl font-semibold">
          Quiz scores over time
        </h2>
        {quizzes.length > 0 ? (
          <ScoreChart points={quizzes.map((q) => ({ id: q.id, label: q.title, date: q.finishedAt.toLocaleDateString("en-GB"), score: q.score }))} />
        ) : (
          <p className="text-muted">
            No finished quizzes yet. <Link href="/quiz">Take your first quiz</Link>.
          </p>
        )}
      </section>
    </div>
  );
}
