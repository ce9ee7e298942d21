import type { Metadata } from "next";
import { StudentAssignmentList } from "@/app/classes/assignment-list";
import { StartQuizButton } from "@/components/quiz/start-quiz-button";
import { startQuizAction } from "@/app/quiz/actions";
import { requireUser } from "@/lib/auth/guards";
import { builtInView } from "@/lib/articles/built-in";
import { getPhases } from "@/lib/content";
import { db } from "@/lib/db";
import { getQuestionsForLesson, getQuestionsForPhase } from "@/lib/quiz/bank";
import { QUIZ_LENGTH, type QuizKind } from "@/lib/quiz/attempts";
import { practiceStatus, practiceStatusText, type PracticeAttempt } from "@/lib/quiz/list-status";
import { reviewQueueSize } from "@/lib/quiz/review";
import { getReadingProgress } from "@/lib/progress/reading";
import { studentAssignments } from "@/lib/teacher/assignments";

export const metadata: Metadata = { title: "Quizzes" };

export default async function QuizzesPage() {
  const user = await requireUser("/quiz");
  const student = user.role === "STUDENT";
  const [attempts, review, assignments, reading] = await Promise.all([
    // Whole practice quizzes only: an assignment's attempts are shown with the assignment, and a
    // retry of a few missed questions is no score for the quiz.
    db.attempt.findMany({
      where: { userId: user.id, assignmentId: null, retryOfId: null },
      select: { kind: true, scopeId: true, finishedAt: true, score: true },
    }),
    reviewQueueSize(user.id, new Date()),
    student ? studentAssignments(user.id) : Promise.resolve([]),
    // The assignment cards say how far the lesson's reading is (read-then-quiz).
    student ? getReadingProgress(user.id) : Promise.resolve([]),
  ]);
  const status = (kind: QuizKind, scopeId: string | null) => practiceStatus(attempts, kind, scopeId);
  const verb = (kind: QuizKind, scopeId: string | null) => (status(kind, scopeId).state === "in-progress" ? "Resume" : "Start");
  const count = (n: number, max: number) => `${Math.min(n, max)} questions`;

  return (
    <div className="space-y-10">
      <header className="max-w-3xl space-y-2">
        <h1 className="text-4xl font-semibold">Quizzes</h1>
        <p className="text-muted">Every question points back to the paragraph it rests on. Your answers are saved as you go.</p>
      </header>

      {assignments.length > 0 ? (
        <section aria-labelledby="assigned-heading" className="space-y-3">
          <h2 id="assigned-heading" className="text-2xl font-semibold">
            Assigned to you
          </h2>
          <p className="text-muted">Set by your teacher, with a due date. Your teacher sees these scores.</p>
          <StudentAssignmentList assignments={assignments} reading={reading} />
        </section>
      ) : null}

      <section aria-labelledby="practice-heading" className="space-y-8">
        <div className="space-y-1">
          <h2 id="practice-heading" className="text-2xl font-semibold">
            Practice
          </h2>
          <p className="text-muted">For yourself: take them as often as you like. Your best score is kept.</p>
        </div>

        <section aria-labelledby="review-heading" className="rounded-lg border border-rule bg-white p-5">
          <h3 id="review-heading" className="text-xl font-semibold">
            Review my mistakes
          </h3>
          <p className="mt-1 text-muted">
            {review.due > 0
              ? `${review.due} question${review.due === 1 ? "" : "s"} due for review, spaced out so they stick.`
              : review.total > 0
                ? "Nothing due right now. Questions you missed come back when it is time to review them."
                : "Questions you miss will come back here, spaced out over days."}
          </p>
          {review.due > 0 ? (
            <div className="mt-3">
              <StartQuizButton action={startQuizAction} kind="REVIEW" scopeId={null} label={`${verb("REVIEW", null)} review`} />
            </div>
          ) : null}
        </section>

        <section aria-labelledby="lesson-quizzes" className="space-y-4">
          <h3 id="lesson-quizzes" className="text-xl font-semibold">
            By lesson
          </h3>
          <ul className="grid gap-4 md:grid-cols-2">
            {builtInView().lessons.map((lesson) => (
              <QuizCard
                key={lesson.key}
                kind="LESSON"
                scopeId={lesson.key}
                title={lesson.title}
                attempts={attempts}
                meta={`Lesson ${lesson.number} · ${count(getQuestionsForLesson(lesson.key).length, QUIZ_LENGTH.LESSON)}`}
                label={`${verb("LESSON", lesson.key)} the quiz`}
              />
            ))}
          </ul>
        </section>

        <section aria-labelledby="phase-quizzes" className="space-y-4">
          <h3 id="phase-quizzes" className="text-xl font-semibold">
            By phase
          </h3>
          <ul className="grid gap-4 md:grid-cols-2">
            {getPhases().map((phase) => (
              <QuizCard
                key={phase.id}
                kind="PHASE"
                scopeId={phase.id}
                title={phase.title}
                attempts={attempts}
                meta={`Phase ${phase.position} · ${phase.startYear}–${phase.endYear} · ${count(getQuestionsForPhase(phase.id).length, QUIZ_LENGTH.PHASE)}`}
                label={`${verb("PHASE", phase.id)} the quiz`}
              />
            ))}
          </ul>
        </section>

        <ul>
          <QuizCard
            kind="MIXED"
            scopeId={null}
            title="Mixed review"
            attempts={attempts}
            meta={`${QUIZ_LENGTH.MIXED} questions from the whole article, in random order`}
            label={`${verb("MIXED", null)} mixed review`}
          />
        </ul>
      </section>
    </div>
  );
}

function QuizCard({
  kind,
  scopeId,
  title,
  meta,
  label,
  attempts,
}: {
  kind: QuizKind;
  scopeId: string | null;
  title: string;
  meta: string;
  label: string;
  attempts: PracticeAttempt[];
}) {
  const status = practiceStatus(attempts, kind, scopeId);
  const best = status.state === "not-started" ? null : status.best;
  return (
    <li className="flex flex-col justify-between gap-3 rounded-lg border border-rule bg-white p-4">
      <div className="space-y-1">
        <p className="font-sans text-sm text-muted">Practice · {meta}</p>
        <h4 className="text-lg font-semibold">{title}</h4>
        <p className="font-sans text-sm" data-quiz-status={status.state}>
          <span className="font-semibold">{practiceStatusText(status)}</span>
        </p>
        {best !== null ? (
          <div
            role="meter"
            aria-label={`${title}: best score`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(best * 100)}
            className="h-1.5 w-full max-w-48 overflow-hidden rounded-full bg-[#e7e3da]"
          >
            <div className="h-full rounded-full bg-quote" style={{ width: `${Math.round(best * 100)}%` }} />
          </div>
        ) : null}
      </div>
      <StartQuizButton action={startQuizAction} kind={kind} scopeId={scopeId} label={label} />
    </li>
  );
}
