"use client";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { MASTERY_LEVELS } from "@/lib/quiz/mastery";
import type { AttemptView } from "@/lib/quiz/attempts";
import type { ParagraphLink } from "@/lib/quiz/links";
import type { MasteryChange } from "@/lib/progress/learner";
import { ProgressBar } from "@/components/lesson/reading-progress";
import { AnswerFeedback } from "./answer-feedback";
import { takeResultsFocus } from "./results-focus";

export function QuizResults({ attemptId, score, changes, items, links, reveal }: {
  attemptId: string; score: number; changes: MasteryChange[]; items: AttemptView["items"]; links: Record<string, ParagraphLink[]>; reveal: boolean;
}) {
  const scoreHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeResultsFocus(attemptId)) scoreHeading.current?.focus();
  }, [attemptId]);
  return (
    <div className="space-y-8">
      <section aria-labelledby="score-heading" className="space-y-3 rounded-lg border border-rule bg-white p-5">
        <h2 id="score-heading" ref={scoreHeading} tabIndex={-1} className="text-2xl font-semibold outline-none">{reveal ? `Your score: ${Math.round(score * 100)}%` : "Quiz handed in"}</h2>
        {reveal ? <ProgressBar percent={Math.round(score * 100)} label="Your score" /> : <p className="text-muted">Your teacher will share the results later.</p>}
      </section>
      {changes.length > 0 ? (
        <section aria-labelledby="mastery-heading" className="space-y-3">
          <h2 id="mastery-heading" className="text-xl font-semibold">Your mastery changed</h2>
          <ul className="space-y-3">
            {changes.map((change) => (
              <li key={change.id} className="rounded-md border border-rule bg-white p-3">
                <p className="font-semibold">{change.title}</p>
                <p className="text-muted">
                  {MASTERY_LEVELS[change.before].label} → <strong className="text-ink">{MASTERY_LEVELS[change.after].label}</strong>
                </p>
                <ProgressBar percent={Math.round(change.progressAfter * 100)} label={`${change.title}: progress to the next level`} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {reveal ? (
        <section aria-labelledby="review-heading" className="space-y-4">
          <h2 id="review-heading" className="text-xl font-semibold">Your answers</h2>
          <ol className="space-y-4">
            {items.map((item, index) => (
              <li key={item.question.id} className="space-y-2">
                <p className="font-serif text-lg">{index + 1}. {item.question.prompt}</p>
                {item.status === "answered" ? <AnswerFeedback item={item} links={links[item.question.id] ?? []} /> : <p className="text-muted">Not answered (counts as wrong).</p>}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <p className="flex flex-wrap gap-3">
        <Link href="/dashboard" className="btn">See your progress</Link>
        <Link href="/quiz" className="btn btn-secondary">More quizzes</Link>
      </p>
    </div>
  );
}
