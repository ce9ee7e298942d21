// One question of a student's attempt as their teacher reads it: the student's answer next to
// the right one, in words and marks (never colour alone), why, and where in the article it is.
// Server-rendered, no state: the student's own quiz screens are elsewhere (components/quiz).
import type { ReviewedItem } from "@/lib/teacher/student-work";

export function AnswerReview({ item, number }: { item: ReviewedItem; number: number }) {
  const a = item.answered;
  const partial = a !== null && !a.correct && a.score > 0;
  const verdict = a === null ? "Not answered" : a.correct ? "✓ Right" : partial ? `◐ Partly right (${Math.round(a.score * 100)}%)` : "✗ Wrong";
  const tone = a === null ? "border-rule" : a.correct ? "border-quote" : partial ? "border-opinion" : "border-[#b42318]";
  return (
    <article
      aria-labelledby={`q-${item.questionId}-${number}`}
      className={`space-y-2 rounded-lg border-l-4 ${tone} border-y border-r border-y-rule border-r-rule bg-white p-4`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 id={`q-${item.questionId}-${number}`} className="font-medium">
          <span className="text-muted">Question {number}. </span>
          {item.prompt}
        </h4>
        <span className="font-sans text-sm font-semibold">{verdict}</span>
      </div>
      {item.statement ? <blockquote className="border-l-4 border-rule pl-3 font-serif text-muted">{item.statement}</blockquote> : null}
      {a ? (
        <>
          <dl className="grid gap-1 font-sans text-sm sm:grid-cols-[9rem_1fr]">
            <dt className="text-muted">Student answered</dt>
            <dd>{a.studentAnswer}</dd>
            {!a.correct ? (
              <>
                <dt className="text-muted">The answer</dt>
                <dd>{a.correctAnswer}</dd>
              </>
            ) : null}
          </dl>
          <p className="text-sm">{a.explanation}</p>
          {a.links.length > 0 ? (
            <p className="font-sans text-sm">
              In the text:{" "}
              {a.links.map((link, i) => (
                <span key={link.id}>
                  {i > 0 ? ", " : null}
                  <a href={link.href}>{link.place}</a> <span className="text-muted">({link.lessonTitle})</span>
                </span>
              ))}
            </p>
          ) : null}
        </>
      ) : null}
    </article>
  );
}
