"use client";
// A question as a student sees it before answering, drawn with the quiz's own controls, for the
// question editor. It is given only the public view of the draft (lib/teacher/draft-flaws.ts
// draftPreview): no key and no explanation reach it.
import type { PublicQuestion } from "@/lib/quiz/public";
import { QuestionInput } from "./question-input";

export function QuestionPreview({ question }: { question: PublicQuestion | null }) {
  return (
    <section aria-labelledby="question-preview" className="space-y-3">
      <h2 id="question-preview" className="font-sans text-sm font-semibold text-muted">
        Preview as a student sees it
      </h2>
      {question ? (
        <div className="space-y-4 rounded-lg border border-rule bg-white p-5" data-testid="question-preview">
          <fieldset className="space-y-4">
            <legend className="font-serif text-xl leading-snug">{question.prompt}</legend>
            {question.type === "classify" ? (
              <blockquote className="border-l-[3px] border-rule pl-4 font-serif-italic text-lg italic">{question.statement}</blockquote>
            ) : null}
            {/* Keyed by the draft, so a changed option list starts with nothing chosen. */}
            <QuestionInput key={JSON.stringify(question)} question={{ ...question, id: "preview" }} disabled={false} onChange={() => {}} />
          </fieldset>
          <p className="font-sans text-xs text-muted">Students see the options in a shuffled order, and the explanation only after answering.</p>
        </div>
      ) : (
        <p className="rounded-lg border border-dashed border-rule p-4 font-sans text-sm text-muted">
          The preview appears once the question has a prompt and what its type needs (options, items or pairs).
        </p>
      )}
    </section>
  );
}
