// The learner's own answer after Check, kept in view: every option with what they chose and the
// right one, marked with a symbol and words (never colour alone), for every question type.
import type { AnswerMarks, Mark } from "@/lib/quiz/marks";

const ROW_TONE: Record<Exclude<Mark, null> | "none", string> = {
  right: "border-quote bg-[#eef7f0]",
  wrong: "border-[#b42318] bg-[#fef3f2]",
  missed: "border-quote border-dashed bg-white",
  none: "border-rule bg-white",
};
const NOTE_TONE: Record<Exclude<Mark, null> | "none", string> = {
  right: "text-quote",
  wrong: "text-[#b42318]",
  missed: "text-quote",
  none: "text-muted",
};

function tone(mark: Mark) {
  return mark ?? "none";
}

/** A drawn radio or checkbox, so the learner still sees what they picked; the words carry the meaning. */
function ChoiceGlyph({ chosen, multiple }: { chosen: boolean; multiple: boolean }) {
  const shape = multiple ? "rounded-[3px]" : "rounded-full";
  return (
    <span aria-hidden="true" className={`mt-1 inline-flex h-4 w-4 shrink-0 items-center justify-center border-2 border-ink ${shape}`}>
      {chosen ? <span className={`h-2 w-2 bg-ink ${shape}`} /> : null}
    </span>
  );
}

export function AnswerReview({ marks }: { marks: AnswerMarks }) {
  if (marks.kind === "choices") {
    return (
      <ul className="space-y-2" aria-label="Your answer, marked">
        {marks.rows.map((row) => (
          <li
            key={row.id}
            data-mark={row.mark ?? "none"}
            data-chosen={row.chosen}
            className={`flex items-start gap-3 rounded-md border px-3 py-2.5 ${ROW_TONE[tone(row.mark)]}`}
          >
            <ChoiceGlyph chosen={row.chosen} multiple={marks.multiple} />
            <span className="flex-1">
              <span>{row.text}</span>
              {row.note ? (
                <span className={`block font-sans text-sm font-semibold ${NOTE_TONE[tone(row.mark)]}`}>{row.note}</span>
              ) : (
                <span className="sr-only">(not chosen)</span>
              )}
            </span>
          </li>
        ))}
      </ul>
    );
  }
  if (marks.kind === "order") {
    return (
      <div>
        <p className="mb-2 font-sans text-sm text-muted">Your order, earliest at the top:</p>
        <ol className="space-y-2" aria-label="Your order, marked">
          {marks.rows.map((row) => (
            <li key={row.id} data-mark={row.mark ?? "none"} className={`flex items-start gap-3 rounded-md border px-3 py-2 ${ROW_TONE[tone(row.mark)]}`}>
              <span className="w-6 font-sans text-sm tabular-nums text-muted">{row.position}.</span>
              <span className="flex-1">
                <span>{row.text}</span>
                {row.note ? <span className={`block font-sans text-sm font-semibold ${NOTE_TONE[tone(row.mark)]}`}>{row.note}</span> : null}
              </span>
            </li>
          ))}
        </ol>
      </div>
    );
  }
  return (
    <ul className="space-y-2" aria-label="Your matches, marked">
      {marks.rows.map((row) => (
        <li
          key={row.id}
          data-mark={row.mark ?? "none"}
          className={`grid gap-1 rounded-md border px-3 py-2 sm:grid-cols-2 sm:gap-4 ${ROW_TONE[tone(row.mark)]}`}
        >
          <span>{row.text}</span>
          <span>
            <span className="block">
              <span className="font-sans text-sm text-muted">Your match: </span>
              {row.chosen ?? <span className="text-muted">none</span>}
            </span>
            {row.note ? <span className={`block font-sans text-sm font-semibold ${NOTE_TONE[tone(row.mark)]}`}>{row.note}</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
