"use client";
import { useEffect, useRef } from "react";
import type { AttemptView } from "@/lib/quiz/attempts";
import type { ParagraphLink } from "@/lib/quiz/links";
import { ShowInText } from "./paragraph-dialog";

type Answered = Extract<AttemptView["items"][number], { status: "answered" }>;

function chosenWrongExplanations(item: Answered): string[] {
  const question = item.question;
  if (!("wrongExplanations" in question)) return [];
  const response = item.response;
  const chosen = response?.type === "single" ? [response.choice] : response?.type === "multiple" ? response.choices : [];
  return chosen.flatMap((id) => (question.wrongExplanations[id] ? [question.wrongExplanations[id]] : []));
}

/** Said where an earlier answer no longer fits its question: its score stands, its marks are gone. */
export const CHANGED_SINCE = "This question has changed since you answered it; your answer counts as it was marked then.";

/** The verdict in words and a symbol (not colour alone), as one line. */
export function verdictText(result: { correct: boolean; score: number }): string {
  if (result.correct) return "✓ Correct.";
  if (result.score > 0) return `◐ Partly right (${Math.round(result.score * 100)}%).`;
  return "✗ Not quite.";
}

export function verdictTone(result: { correct: boolean; score: number }): string {
  return result.correct ? "border-quote bg-[#eef7f0]" : result.score > 0 ? "border-opinion bg-[#fbf6e6]" : "border-[#b42318] bg-[#fef3f2]";
}

/** Right or wrong (in words, not colour alone), why, and where in the text to check. */
export function AnswerFeedback({ item, links, focusOnMount = false }: { item: Answered; links: ParagraphLink[]; focusOnMount?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  // Right after answering, move focus here so keyboard and screen-reader users land on the result.
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  if (!item.result) {
    return (
      <div ref={ref} id="answer-feedback" tabIndex={-1} className="rounded-md border border-rule bg-paper p-4 outline-none">
        <p className="font-semibold">Answer saved.</p>
        <p className="text-muted">Your teacher will show the results later.</p>
      </div>
    );
  }
  const { correct, feedback } = item.result;
  return (
    <div ref={ref} id="answer-feedback" tabIndex={-1} role="status" className={`space-y-2 rounded-md border p-4 outline-none ${verdictTone(item.result)}`}>
      <p className="font-semibold">
        {verdictText(item.result)}
        {!correct && feedback ? <span className="font-normal"> The answer: {feedback.correctAnswer.text}</span> : null}
      </p>
      {feedback ? null : <p className="text-muted">{CHANGED_SINCE}</p>}
      {"explanation" in item.question ? <p>{item.question.explanation}</p> : null}
      {!correct
        ? chosenWrongExplanations(item).map((text) => (
            <p key={text} className="text-muted">
              {text}
            </p>
          ))
        : null}
      <ShowInText links={links} />
    </div>
  );
}
