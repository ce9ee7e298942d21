import type { Metadata } from "next";
import Link from "next/link";
import { getContextNotes, getEventsForPhase, getParagraphPlace, getPhases } from "@/lib/content";
import { formatPartialDate, fractionalYear } from "@/lib/content/dates";

export const metadata: Metadata = {
  title: "Timeline",
  description: "The four phases of US–Russian relations, 2001–2016, and every key event the article mentions.",
};

const PHASE_COLORS = ["bg-[#2f6b8f]", "bg-[#8a5a00]", "bg-[#2f6b3a]", "bg-[#7a2e1f]"];

export default function TimelinePage() {
  const phases = getPhases();
  const notes = getContextNotes();
  const first = Math.min(...phases.map((p) => p.startYear));
  const last = Math.max(...phases.map((p) => p.endYear));
  const span = last + 1 - first;

  return (
    <div className="space-y-10">
      <header className="max-w-3xl space-y-3">
        <h1 className="text-4xl font-semibold">
          Four phases, {first}–{last}
        </h1>
        <p className="prose-article text-muted">
          How the article divides sixteen years of US–Russian relations, with every key event it mentions. Each event links to the paragraphs that mention it;
          the phases are the author’s framing.
        </p>
      </header>

      <figure className="space-y-2">
        <div className="relative flex h-10 overflow-hidden rounded-md" aria-hidden="true">
          {phases.map((phase, index) => {
            // Phases share their boundary years (2003, 2012): each runs until the next one starts.
            const until = phases[index + 1]?.startYear ?? last + 1;
            return (
              <div
                key={phase.id}
                className={`${PHASE_COLORS[index % PHASE_COLORS.length]} border-r-2 border-paper`}
                style={{ width: `${((until - phase.startYear) / span) * 100}%` }}
              />
            );
          })}
          {phases.flatMap((phase) =>
            getEventsForPhase(phase.id).map((event) => (
              <span
                key={event.id}
                className="absolute top-1/2 h-3 w-0.5 -translate-y-1/2 bg-white/90"
                style={{ left: `${((fractionalYear(event.date) - first) / span) * 100}%` }}
              />
            )),
          )}
        </div>
        <div className="flex justify-between font-sans text-xs text-muted" aria-hidden="true">
          <span>{first}</span>
          <span>{Math.round((first + last) / 2)}</span>
          <span>{last}</span>
        </div>
        <figcaption>
          <nav aria-label="Phases">
            <ol className="grid gap-2 font-sans text-sm sm:grid-cols-2 lg:grid-cols-4">
              {phases.map((phase, index) => (
                <li key={phase.id} className="flex items-start gap-2">
                  <span aria-hidden="true" className={`mt-1 h-3 w-3 shrink-0 rounded-sm ${PHASE_COLORS[index % PHASE_COLORS.length]}`} />
                  <a href={`#${phase.id}`}>
                    Phase {phase.position}: {phase.title} ({phase.startYear}–{phase.endYear})
                  </a>
                </li>
              ))}
            </ol>
          </nav>
        </figcaption>
      </figure>

      {phases.map((phase, index) => {
        const events = getEventsForPhase(phase.id);
        return (
          <section key={phase.id} id={phase.id} aria-labelledby={`${phase.id}-heading`} className="scroll-mt-20 space-y-4">
            <div className="flex items-baseline gap-3">
              <span aria-hidden="true" className={`h-4 w-4 shrink-0 rounded-sm ${PHASE_COLORS[index % PHASE_COLORS.length]}`} />
              <h2 id={`${phase.id}-heading`} className="text-2xl font-semibold">
                Phase {phase.position}: {phase.title}{" "}
                <span className="font-sans text-base font-normal text-muted">
                  ({phase.startYear}–{phase.endYear})
                </span>
              </h2>
            </div>
            <p className="max-w-3xl">{phase.summary}</p>
            <p className="font-sans text-sm text-muted">
              In the text: <ParagraphLinks ids={phase.paragraphIds} />
            </p>
            <ol className="relative space-y-5 border-l-2 border-rule pl-6">
              {events.map((event) => {
                const eventNotes = notes.filter((note) => event.contextNoteIds.includes(note.id) && note.verdict !== "confirmed");
                return (
                  <li key={event.id} id={event.id} className="relative scroll-mt-20">
                    <span
                      aria-hidden="true"
                      className={`absolute -left-[1.95rem] top-1.5 h-3 w-3 rounded-full border-2 border-paper ${PHASE_COLORS[index % PHASE_COLORS.length]}`}
                    />
                    <p className="font-sans text-sm font-semibold text-muted">
                      <time dateTime={event.date}>{formatPartialDate(event.date)}</time> · {event.place}
                    </p>
                    <h3 className="text-lg font-semibold">{event.title}</h3>
                    <p className="max-w-3xl">{event.description}</p>
                    {event.people.length > 0 ? <p className="font-sans text-sm text-muted">People: {event.people.join(", ")}</p> : null}
                    {event.mentionedOnlyIn ? (
                      <p className="mt-1 inline-block rounded border border-imagined/40 px-2 py-0.5 font-sans text-xs text-imagined">
                        The article mentions this only in {event.mentionedOnlyIn === "imagined-dialogue" ? "the imagined dialogue" : "the author’s opinion"}
                      </p>
                    ) : null}
                    {eventNotes.map((note) => (
                      <p key={note.id} className="mt-1 max-w-3xl rounded border border-[#c9b98f] bg-[#fbf6e6] px-2 py-1 font-sans text-sm">
                        <strong>Context:</strong> {note.verifiedFact}
                      </p>
                    ))}
                    <p className="mt-1 font-sans text-sm">
                      Mentioned in: <ParagraphLinks ids={event.paragraphIds} />
                    </p>
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </div>
  );
}

function ParagraphLinks({ ids }: { ids: readonly string[] }) {
  return (
    <>
      {ids.map((id, index) => {
        const place = getParagraphPlace(id);
        return (
          <span key={id}>
            {index > 0 ? ", " : null}
            {place ? (
              <Link href={place.href} title={place.lesson.title}>
                {place.label}
              </Link>
            ) : (
              id
            )}
          </span>
        );
      })}
    </>
  );
}
