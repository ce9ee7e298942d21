import type { ReaderNote } from "@/lib/articles/view";

const VERDICT_TEXT: Record<ReaderNote["verdict"], string> = {
  confirmed: "Checked: the record agrees",
  imprecise: "Context: the article is imprecise here",
  disputed: "Context: this is disputed",
  incorrect: "Correction: the record differs",
};

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** A clearly marked note beside a paragraph: the verified fact and where it comes from. */
export function ContextNoteAside({ note }: { note: ReaderNote }) {
  return (
    // Named after its claim: several notes on one page must each have a distinct landmark name.
    <aside
      aria-label={`${VERDICT_TEXT[note.verdict]}: “${shorten(note.claim, 70)}”`}
      className="mt-3 ml-4 rounded-md border border-[#c9b98f] bg-[#fbf6e6] p-3 font-sans text-[0.92rem] leading-relaxed"
    >
      <p className="font-semibold text-[#5c4a12]">{VERDICT_TEXT[note.verdict]}</p>
      <p className="mt-1">
        The article says: <q>{note.claim}</q>
      </p>
      <p className="mt-1">{note.verifiedFact}</p>
      <ul className="mt-1 list-none text-sm text-muted">
        {note.sources.map((source) => (
          <li key={source.url}>
            Source:{" "}
            <a href={source.url} rel="noopener noreferrer">
              {source.title}
            </a>{" "}
            {source.publisher || source.date ? `(${[source.publisher, source.date].filter(Boolean).join(", ")})` : null}
          </li>
        ))}
      </ul>
    </aside>
  );
}

/** Claims checked and confirmed: quiet, folded away, but there for anyone who wants the source. */
export function ConfirmedChecks({ notes }: { notes: readonly ReaderNote[] }) {
  if (notes.length === 0) return null;
  return (
    <details className="mt-1 ml-4 font-sans text-sm text-muted">
      <summary className="cursor-pointer">Fact-checked: {notes.length === 1 ? "1 claim" : `${notes.length} claims`} confirmed</summary>
      <ul className="mt-1 space-y-1">
        {notes.map((note) => (
          <li key={note.id}>
            <q>{note.claim}</q> — {note.verifiedFact}{" "}
            {note.sources.map((source, index) => (
              <span key={source.url}>
                {index > 0 ? "; " : ""}
                <a href={source.url} rel="noopener noreferrer">
                  {source.publisher ?? source.title}
                </a>
              </span>
            ))}
          </li>
        ))}
      </ul>
    </details>
  );
}
