"use client";
// One question at a time: answer, see right/wrong with the explanation and the paragraph it rests
// on, go on. Every answer is saved by the server the moment it is checked, so closing the tab and
// coming back resumes exactly here.
import Link from "next/link";
import { useEffect, useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/form-state";
import type { AnswerOutcome, AttemptView } from "@/lib/quiz/attempts";
import type { ParagraphLink } from "@/lib/quiz/links";
import type { QuestionResponse } from "@/lib/quiz/schema";
import { ProgressBar } from "@/components/lesson/reading-progress";
import { useHydrated } from "@/components/use-hydrated";
import { answerMarks } from "@/lib/quiz/marks";
import { initialResponse, QuestionInput } from "./question-input";
import { AnswerFeedback, CHANGED_SINCE } from "./answer-feedback";
import { AnswerReview } from "./answer-review";
import { handFocusToResults } from "./results-focus";

type Item = AttemptView["items"][number];

/** The quiz's server actions, passed in by the page (components never import app/). */
export type QuizRunnerActions = {
  answer: (input: {
    attemptId: string;
    questionId: string;
    response: QuestionResponse;
  }) => Promise<ActionResult<{ outcome: AnswerOutcome; links: ParagraphLink[] }>>;
  finish: (input: { attemptId: string }) => Promise<ActionResult<{ score: number }>>;
};

export function QuizRunner({ actions, attempt, links }: { actions: QuizRunnerActions; attempt: AttemptView; links: Record<string, ParagraphLink[]> }) {
  const [items, setItems] = useState<Item[]>(attempt.items);
  const [linksByQuestion, setLinks] = useState(links);
  const firstOpen = attempt.items.findIndex((item) => item.status === "open");
  const [current, setCurrent] = useState(firstOpen === -1 ? Math.max(0, attempt.items.length - 1) : firstOpen);
  const [response, setResponse] = useState<QuestionResponse | null>(() => {
    const start = attempt.items[firstOpen];
    return start ? initialResponse(start.question) : null;
  });
  const [error, setError] = useState<string | null>(null);
  // A save that never reached the server (offline, a dropped connection): the choice stays on
  // screen, the learner can retry, and it is retried by itself when the browser is back online.
  const [unsent, setUnsent] = useState<"answer" | "finish" | null>(null);
  const [pending, startTransition] = useTransition();
  const retry = useRef<() => void>(() => {});
  const headingRef = useRef<HTMLHeadingElement>(null);
  const hydrated = useHydrated();
  const item = items[current];
  const answered = items.filter((i) => i.status === "answered").length;

  useEffect(() => {
    if (!unsent) return;
    const onOnline = () => retry.current();
    window.addEventListener("online", onOnline);
    return () => window.removeEventListener("online", onOnline);
  }, [unsent]);

  const check = () => {
    if (pending || !response || !item || item.status !== "open") return;
    setError(null);
    startTransition(async () => {
      let result;
      try {
        result = await actions.answer({ attemptId: attempt.id, questionId: item.question.id, response });
      } catch {
        // Not the error boundary: that would throw the quiz and the choice away. The server
        // takes the same answer twice without harm, so retrying is always safe.
        setUnsent("answer");
        return;
      }
      setUnsent(null);
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setItems((list) => list.map((i) => (i.question.id === item.question.id ? result.outcome.item : i)));
      setLinks((map) => ({ ...map, [item.question.id]: result.links }));
    });
  };

  const next = () => {
    const following = items.findIndex((i, index) => index > current && i.status === "open");
    const anyOpen = following === -1 ? items.findIndex((i) => i.status === "open") : following;
    const target = items[anyOpen];
    if (target) {
      setCurrent(anyOpen);
      setResponse(initialResponse(target.question));
      requestAnimationFrame(() => headingRef.current?.focus());
    }
  };

  const finishQuiz = () => {
    if (pending) return;
    setError(null);
    startTransition(async () => {
      // On success the server re-renders this page as the results, which take the focus.
      handFocusToResults(attempt.id);
      try {
        const result = await actions.finish({ attemptId: attempt.id });
        setUnsent(null);
        if (!result.ok) {
          handFocusToResults(null);
          setError(result.message);
        }
      } catch {
        handFocusToResults(null);
        setUnsent("finish");
      }
    });
  };
  useEffect(() => {
    retry.current = unsent === "finish" ? finishQuiz : check;
  });

  if (!item) return <p>This quiz has no questions.</p>;

  const allAnswered = answered === items.length;
  return (
    <div className="space-y-6">
      <ProgressBar percent={Math.round((answered / items.length) * 100)} label={`Answered ${answered} of ${items.length} questions`} />
      <section aria-labelledby="question-heading" className="space-y-4 rounded-lg border border-rule bg-white p-5">
        <h2 id="question-heading" ref={headingRef} tabIndex={-1} className="font-sans text-sm font-semibold text-muted outline-none">
          Question {current + 1} of {items.length}
        </h2>
        <fieldset className="space-y-4" disabled={pending}>
          <legend className="font-serif text-xl leading-snug">{item.question.prompt}</legend>
          {item.question.type === "classify" ? (
            <blockquote className="border-l-[3px] border-rule pl-4 font-serif-italic text-lg italic">{item.question.statement}</blockquote>
          ) : null}
          {item.status === "answered" ? (
            item.response ? (
              <AnswerReview marks={answerMarks(item.question, item.response, item.result?.feedback ?? null)} />
            ) : (
              <p className="font-sans text-sm text-muted">{CHANGED_SINCE}</p>
            )
          ) : (
            // Held while a save is unsent: the server may have recorded it already, and answers are final.
            <QuestionInput key={item.question.id} question={item.question} disabled={unsent === "answer"} onChange={setResponse} />
          )}
        </fieldset>
        {error ? (
          <p role="alert" className="field-error">
            {error}
          </p>
        ) : null}
        {unsent ? (
          <div role="alert" className="flex flex-wrap items-center gap-3 rounded-md border border-[#b42318] bg-[#fef3f2] px-3 py-2 font-sans text-sm">
            <p className="flex-1">
              <strong>Couldn’t save{unsent === "finish" ? " your finish" : ""}.</strong> You may be offline.{" "}
              {unsent === "answer" ? "Your choice is kept" : "Your answers are kept"}, and it is sent again when the connection is back.
            </p>
            <button type="button" className="btn btn-secondary px-3 py-1 text-sm" onClick={() => retry.current()} aria-disabled={pending || undefined}>
              {pending ? "Retrying…" : "Retry"}
            </button>
          </div>
        ) : null}
        {item.status === "open" ? (
          // aria-disabled, not disabled, while saving: a disabled button drops its focus to <body>.
          <button type="button" className="btn" onClick={check} disabled={!hydrated || !response} aria-disabled={pending || undefined}>
            {pending ? "Saving…" : "Check answer"}
          </button>
        ) : (
          <>
            <AnswerFeedback key={item.question.id} item={item} links={linksByQuestion[item.question.id] ?? []} focusOnMount />
            <div className="flex flex-wrap gap-3">
              {!allAnswered ? (
                <button type="button" className="btn" onClick={next} disabled={!hydrated}>
                  Next question
                </button>
              ) : null}
            </div>
          </>
        )}
      </section>
      <div className="flex flex-wrap items-center justify-between gap-3 font-sans text-sm">
        <p className="text-muted">Your answers are saved as you go: you can close this page and come back later.</p>
        <button
          type="button"
          className={allAnswered ? "btn" : "btn btn-secondary"}
          onClick={finishQuiz}
          disabled={!hydrated || answered === 0}
          aria-disabled={pending || undefined}
        >
          {allAnswered ? "Finish and see your score" : `Finish now (${items.length - answered} unanswered count as wrong)`}
        </button>
      </div>
      <p className="font-sans text-sm">
        <Link href="/quiz">Back to all quizzes</Link>
      </p>
    </div>
  );
}
