"use client";
// The end of every lesson offers its quiz: the assigned one first (read, then quiz), and a
// practice round on the same paragraphs. Static page, so who is reading is asked from the browser.
// Beside its only page, since it starts quizzes through the app's actions.
import Link from "next/link";
import { StartAssignmentButton } from "@/app/classes/assignment-button";
import { LateTag } from "@/app/classes/late-tag";
import { startQuizAction } from "@/app/quiz/actions";
import { useReaderData } from "@/components/lesson/reading-progress";
import { LocalTime } from "@/components/local-time";
import { StartQuizButton } from "@/components/quiz/start-quiz-button";
import { STATUS_LABELS } from "@/lib/teacher/status";

/** `questionCount`: null on an imported lesson's page, which is the same for the life of its version while its questions change. */
export function LessonQuizOffer({ slug, lessonTitle, questionCount }: { slug: string; lessonTitle: string; questionCount: number | null }) {
  const questions = questionCount === null ? "the questions" : `${questionCount} questions`;
  const { account, data } = useReaderData();
  if (account.state === "unknown") return <div className="h-24" aria-hidden="true" />;
  if (account.state === "signed-out") {
    return (
      <p>
        Check what you have read with {questions} on this lesson.{" "}
        <Link href={`/signin?callbackUrl=${encodeURIComponent(`/lessons/${slug}`)}`}>Sign in to take the quiz</Link> and keep your score.
      </p>
    );
  }
  const assigned = data?.assignments.filter((a) => a.lessonSlug === slug) ?? [];
  return (
    <div className="space-y-4">
      {assigned.map((a) => (
        <div key={a.id} className="space-y-2 rounded-md border border-rule p-4">
          <p className="font-sans text-sm text-muted">
            Set by {a.className} · due <LocalTime iso={a.dueAt} /> · {STATUS_LABELS[a.status]}
            {a.bestScore !== null ? ` · best score ${Math.round(a.bestScore * 100)}%` : ""}
          </p>
          <p className="font-semibold">
            {a.title}
            {a.late ? <LateTag /> : null}
          </p>
          {a.startNotice ? <p className="font-sans text-sm text-[#6b4600]">{a.startNotice}</p> : null}
          {a.canStart ? (
            <StartAssignmentButton assignmentId={a.id} title={a.title} label={a.resume ? "Continue the assigned quiz" : "Take the assigned quiz"} />
          ) : (
            <p className="font-sans text-sm text-muted">You have used all your attempts at this assignment.</p>
          )}
        </div>
      ))}
      <div className="space-y-2">
        <p>
          {assigned.length > 0 ? "Or practise on your own: " : ""}
          {questionCount === null ? "Questions" : `${questionCount} questions`} on “{lessonTitle}”, each pointing back to its paragraph. Practice does not count
          towards any assignment.
        </p>
        <StartQuizButton action={startQuizAction} kind="LESSON" scopeId={slug} label="Practice quiz on this lesson" secondary={assigned.length > 0} />
      </div>
    </div>
  );
}
