"use client";
// One question for a visitor who has not signed up: answer, Check, and the same feedback a
// student gets (their own choice marked against the right one, why, and the paragraph).
import Link from "next/link";
import { useEffect, useRef, useState, useTransition } from "react";
import { answerMarks } from "@/lib/quiz/marks";
import type { PublicQuestion } from "@/lib/quiz/public";
import type { ActionResult } from "@/lib/actions/form-state";
import type { SampleOutcome } from "@/lib/quiz/sample";
import type { QuestionResponse } from "@/lib/quiz/schema";
import { useHydrated } from "@/components/use-hydrated";
import { verdictText, verdictTone } from "./answer-feedback";
import { AnswerReview } from "./answer-review";
import { ShowInText } from "./paragraph-dialog";
import { QuestionInput } from "./question-input";

/** The server action that checks an answer, passed in by the page (components never import app/). */
export type CheckSampleAnswer = (input: { questionId: string; response: QuestionResponse }) => Promise<ActionResult<SampleOutcome>>;

export function SampleQuestion({ check: checkAnswer, question }: { check: CheckSampleAnswer; question: PublicQuestion }) {
  const [response, setResponse] = useState<QuestionResponse | null>(null);
  const [outcome, setOutcome] = useState<SampleOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const feedback = useRef<HTMLDivElement>(null);
  const hydrated = useHydrated();

  const check = () => {
    if (pending || !response) return;
    setError(null);
    startTransition(async () => {
      let result: ActionResult<SampleOutcome>;
      try {
        result = await checkAnswer({ questionId: question.id, response });
      } catch {
        setError("Couldn’t reach the server: check your connection and try again. Your choice is kept.");
        return;
      }
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setOutcome(result);
    });
  };

  // The Check button goes away with the answer: hand focus to the verdict once it is on screen
  // (an effect, not a timer: a transition's commit can come after the next animation frame).
  useEffect(() => {
    if (outcome) feedback.current?.focus();
  }, [outcome]);

  return (
    <div className="space-y-4 rounded-lg border border-rule bg-white p-5">
      <fieldset className="space-y-4" disabled={pending}>
        <legend className="font-serif text-xl leading-snug">{question.prompt}</legend>
        {question.type === "classify" ? (
          <blockquote className="border-l-[3px] border-rule pl-4 font-serif-italic text-lg italic">{question.statement}</blockquote>
        ) : null}
        {outcome && response ? (
          <AnswerReview marks={answerMarks(question, response, outcome.result.feedback)} />
        ) : (
          <QuestionInput question={question} disabled={false} onChange={setResponse} />
        )}
      </fieldset>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      {outcome ? (
        <div ref={feedback} tabIndex={-1} role="status" className={`space-y-2 rounded-md border p-4 outline-none ${verdictTone(outcome.result)}`}>
          <p className="font-semibold">
            {verdictText(outcome.result)}
            {!outcome.result.correct ? <span className="font-normal"> The answer: {outcome.result.feedback.correctAnswer.text}</span> : null}
          </p>
          <p>{outcome.explanation}</p>
          <ShowInText links={outcome.links} />
        </div>
      ) : (
        <button type="button" className="btn" onClick={check} disabled={!hydrated || !response} aria-disabled={pending || undefined}>
          {pending ? "Checking…" : "Check answer"}
        </button>
      )}
      <p className="font-sans text-sm">
        <Link href="/quiz">Take a whole quiz</Link> <span className="text-muted">(with a free account, so your score is kept)</span>
      </p>
    </div>
  );
}
