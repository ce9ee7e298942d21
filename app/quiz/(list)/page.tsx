import type { Metadata } from "next";
import { StartQuizButton } from "@/components/quiz/start-quiz-button";
import { requireUser } from "@/lib/auth/guards";
import { getLessons, getPhases } from "@/lib/content";
import { db } from "@/lib/db";
import { getQuestionsForLesson, getQuestionsForPhase } from "@/lib/quiz/bank";
import { QUIZ_LENGTH } from "@/lib/quiz/attempts";
import { reviewQueueSize } from "@/lib/quiz/review";

export const metadata: Metadata = { title: "Quizzes" };

export default async function QuizzesPage() {
  const user = await requireUser("/quiz");
  const [open, review] = await Promise.all([
    db.attempt.findMany({ where: { userId: user.id, finishedAt: null }, select: { kind: true, scopeId: true } }),
    reviewQueueSize(user.id, new Date()),
  ]);
  const isOpen = (kind: string, scopeId: string | null) => open.some((a) => a.kind === kind && a.scopeId === scopeId);
  const label = (kind: string, scopeId: string | null) => (isOpen(kind, scopeId) ? "Resume" : "Start");
  const count = (n: number, max: number) => `${Math.min(n, max)} questions`;

  return (
    <div className="space-y-10">
      <header className="max-w-3xl space-y-2">
        <h1 className="text-4xl font-semibold">Quizzes</h1>
        <p className="text-muted">Every question points back to the paragraph it rests on. Your answers are saved as you go.</p>
      </header>

      <section aria-labelledby="review-heading" className="rounded-lg border border-rule bg-white p-5">
        <h2 id="review-heading" className="text-2xl font-semibold">Review my mistakes</h2>
        <p className="mt-1 text-muted">
          {review.due > 0
            ? `${review.due} question${review.due === 1 ? "" : "s"} due for review, spaced out so they stick.`
            : review.total > 0
              ? "Nothing due right now. Questions you missed come back when it is time to review them."
              : "Questions you miss will come back here, spaced out over days."}
        </p>
        {review.due > 0 ? <div className="mt-3"><StartQuizButton kind="REVIEW" scopeId={null} label={isOpen("REVIEW", null) ? "Resume review" : "Start review"} /></div> : null}
      </section>

      <section aria-labelledby="lesson-quizzes" className="space-y-4">
        <h2 id="lesson-quizzes" className="text-2xl font-semibold">By lesson</h2>
        <ul className="grid gap-4 md:grid-cols-2">
          {getLessons().map((lesson, index) => (
            <li key={lesson.slug} className="flex flex-col justify-between gap-3 rounded-lg border border-rule bg-white p-4">
              <div>
                <p className="font-sans text-sm text-muted">Lesson {index + 1} · {count(getQuestionsForLesson(lesson.slug).length, QUIZ_LENGTH.LESSON)}</p>
                <h3 className="text-lg font-semibold">{lesson.title}</h3>
              </div>
              <StartQuizButton kind="LESSON" scopeId={lesson.slug} label={`${label("LESSON", lesson.slug)} the quiz`} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="phase-quizzes" className="space-y-4">
        <h2 id="phase-quizzes" className="text-2xl font-semibold">By phase</h2>
        <ul className="grid gap-4 md:grid-cols-2">
          {getPhases().map((phase) => (
            <li key={phase.id} className="flex flex-col justify-between gap-3 rounded-lg border border-rule bg-white p-4">
              <div>
                <p className="font-sans text-sm text-muted">Phase {phase.position} · {phase.startYear}–{phase.endYear} · {count(getQuestionsForPhase(phase.id).length, QUIZ_LENGTH.PHASE)}</p>
                <h3 className="text-lg font-semibold">{phase.title}</h3>
              </div>
              <StartQuizButton kind="PHASE" scopeId={phase.id} label={`${label("PHASE", phase.id)} the quiz`} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="mixed-heading" className="rounded-lg border border-rule bg-white p-5">
        <h2 id="mixed-heading" className="text-2xl font-semibold">Mixed review</h2>
        <p className="mt-1 text-muted">{QUIZ_LENGTH.MIXED} questions from the whole article, in random order.</p>
        <div className="mt-3"><StartQuizButton kind="MIXED" scopeId={null} label={label("MIXED", null) === "Resume" ? "Resume mixed review" : "Start mixed review"} /></div>
      </section>
    </div>
  );
}
