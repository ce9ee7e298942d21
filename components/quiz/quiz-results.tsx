"use client";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { MASTERY_LEVELS } from "@/lib/quiz/mastery";
import { responseText } from "@/lib/quiz/marks";
import type { AttemptView } from "@/lib/quiz/attempts";
import type { ParagraphLink } from "@/lib/quiz/links";
import type { MasteryChange } from "@/lib/progress/learner";
import { ProgressBar } from "@/components/lesson/reading-progress";
import { MasteryBar } from "@/components/charts/mastery-bar";
import { CHANGED_SINCE, verdictText, verdictTone } from "./answer-feedback";
import { ShowInText } from "./paragraph-dialog";
import type { FormAction } from "@/components/action-form-button";
import { RetryMissedButton } from "./retry-missed-button";
import { takeResultsFocus } from "./results-focus";

type Item = AttemptView["items"][number];

export function QuizResults({
  retryMissed,
  attemptId,
  score,
  changes,
  items,
  links,
  reveal,
  practice,
}: {
  retryMissed: FormAction;
  attemptId: string;
  score: number;
  changes: MasteryChange[];
  items: Item[];
  links: Record<string, ParagraphLink[]>;
  reveal: boolean;
  practice: boolean;
}) {
  const scoreHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeResultsFocus(attemptId)) scoreHeading.current?.focus();
  }, [attemptId]);
  const missed = items.filter((item) => item.status === "open" || !item.result?.correct).length;
  const right = items.length - missed;
  return (
    <div className="space-y-8">
      <section aria-labelledby="score-heading" className="space-y-3 rounded-lg border border-rule bg-white p-5">
        <h2 id="score-heading" ref={scoreHeading} tabIndex={-1} className="text-2xl font-semibold outline-none">
          {reveal ? `Your score: ${Math.round(score * 100)}%` : "Quiz handed in"}
        </h2>
        {reveal ? (
          <>
            <ProgressBar percent={Math.round(score * 100)} label="Your score" />
            <p className="font-sans text-sm text-muted">
              {right} of {items.length} questions fully right{practice ? " · practice quiz" : ""}.
            </p>
            {practice && missed > 0 ? <RetryMissedButton action={retryMissed} attemptId={attemptId} missed={missed} /> : null}
          </>
        ) : (
          <p className="text-muted">Your teacher will share the results later.</p>
        )}
      </section>
      {/* Mastery moves with right answers: held back with them. */}
      {reveal && changes.length > 0 ? (
        <section aria-labelledby="mastery-heading" className="space-y-3">
          <h2 id="mastery-heading" className="text-xl font-semibold">
            {changes.some((c) => c.levelChanged) ? "Your mastery changed" : "Your mastery"}
          </h2>
          <ul className="space-y-3">
            {changes.map((change) => (
              <li key={change.id} className="space-y-2 rounded-md border border-rule bg-white p-3">
                <MasteryBar mastery={change.mastery} label={change.title} />
                <p className="font-sans text-sm">
                  {change.levelChanged ? (
                    <>
                      {MASTERY_LEVELS[change.before].label} → <strong>{MASTERY_LEVELS[change.after].label}</strong>
                    </>
                  ) : (
                    <>
                      Still <strong>{MASTERY_LEVELS[change.after].label}</strong>
                      {change.closer && change.mastery.nextStep ? ", one step closer." : "."}
                    </>
                  )}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {reveal ? (
        <section aria-labelledby="review-heading" className="space-y-4">
          <h2 id="review-heading" className="text-xl font-semibold">
            Your answers
          </h2>
          <ol className="space-y-4">
            {items.map((item, index) => (
              <li key={item.question.id} className="space-y-2">
                <p className="font-serif text-lg">
                  {index + 1}. {item.question.prompt}
                </p>
                {item.question.type === "classify" ? (
                  <blockquote className="border-l-[3px] border-rule pl-4 font-serif-italic italic">{item.question.statement}</blockquote>
                ) : null}
                <ResultLine item={item} links={links[item.question.id] ?? []} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <p className="flex flex-wrap gap-3">
        <Link href="/dashboard" className="btn btn-secondary">
          See your progress
        </Link>
        <Link href="/quiz" className="btn btn-secondary">
          More quizzes
        </Link>
      </p>
    </div>
  );
}

function ResultLine({ item, links }: { item: Item; links: ParagraphLink[] }) {
  if (item.status === "open") return <p className="text-muted">✗ Not answered (counts as wrong).</p>;
  if (!item.result) return null;
  const explanation = "explanation" in item.question ? item.question.explanation : null;
  return (
    <div className={`space-y-1.5 rounded-md border p-3 ${verdictTone(item.result)}`}>
      <p className="font-semibold">{verdictText(item.result)}</p>
      {item.result.feedback && item.response ? (
        <dl className="grid gap-x-3 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-sans text-sm text-muted">You answered:</dt>
          <dd>{responseText(item.question, item.response)}</dd>
          <dt className="font-sans text-sm text-muted">The answer:</dt>
          <dd>{item.result.feedback.correctAnswer.text}</dd>
        </dl>
      ) : (
        // The answer names options the question no longer has: "You answered" would be wrong.
        <p>{CHANGED_SINCE}</p>
      )}
      {explanation ? <p className="text-muted">{explanation}</p> : null}
      <ShowInText links={links} />
    </div>
  );
}
