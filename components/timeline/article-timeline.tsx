// An article's phases and dated events, each linked to the paragraphs that tell of them: the
// built-in article's timeline page and an imported article's page both render this (decision 0045).
import Link from "next/link";
import type { DocEvent, DocPhase } from "@/lib/articles/schema";
import type { ArticleView, ViewLesson } from "@/lib/articles/view";
import { formatPartialDate, fractionalYear } from "@/lib/content/dates";

const PHASE_COLORS = ["bg-[#2f6b8f]", "bg-[#8a5a00]", "bg-[#2f6b3a]", "bg-[#7a2e1f]"];
const NO_PHASE_COLOR = "bg-muted";

type Props = {
  view: ArticleView;
  lessonHref: (lesson: ViewLesson) => string;
  /** The level of each phase's heading: 2 on a page of its own, 3 under an article page's "Timeline". */
  level: 2 | 3;
};

/** The years the timeline spans: its phases', or its events' when it has no phases. */
export function timelineSpan(view: ArticleView): { first: number; last: number } | null {
  const { phases, events } = view.doc;
  const years = phases.length > 0 ? phases.flatMap((p) => [p.startYear, p.endYear]) : events.map((e) => Math.floor(fractionalYear(e.date)));
  return years.length > 0 ? { first: Math.min(...years), last: Math.max(...years) } : null;
}

function byDate(events: readonly DocEvent[]): DocEvent[] {
  return [...events].sort((a, b) => fractionalYear(a.date) - fractionalYear(b.date));
}

export function ArticleTimeline({ view, lessonHref, level }: Props) {
  const span = timelineSpan(view);
  if (!span) return null;
  const { first, last } = span;
  const years = last + 1 - first;
  const phases = view.doc.phases;
  const loose = byDate(view.doc.events.filter((e) => e.phaseId === null || !phases.some((p) => p.id === e.phaseId)));
  const colorOf = (index: number) => PHASE_COLORS[index % PHASE_COLORS.length] ?? NO_PHASE_COLOR;
  const eventsOf = (phase: DocPhase) => byDate(view.doc.events.filter((e) => e.phaseId === phase.id));
  const Heading = level === 2 ? "h2" : "h3";
  const allEvents = [...phases.flatMap((phase, index) => eventsOf(phase).map((event) => ({ event, index }))), ...loose.map((event) => ({ event, index: -1 }))];

  return (
    <>
      <figure className="space-y-2">
        <div className="relative flex h-10 overflow-hidden rounded-md bg-rule" aria-hidden="true">
          {phases.map((phase, index) => {
            // Phases can share their boundary years: each runs until the next one starts.
            const until = phases[index + 1]?.startYear ?? last + 1;
            return (
              <div key={phase.id} className={`${colorOf(index)} border-r-2 border-paper`} style={{ width: `${((until - phase.startYear) / years) * 100}%` }} />
            );
          })}
          {allEvents.map(({ event }) => (
            <span
              key={event.id}
              className={`absolute top-1/2 h-3 w-0.5 -translate-y-1/2 ${phases.length > 0 ? "bg-white/90" : "bg-ink"}`}
              style={{ left: `${((fractionalYear(event.date) - first) / years) * 100}%` }}
            />
          ))}
        </div>
        <div className="flex justify-between font-sans text-xs text-muted" aria-hidden="true">
          <span>{first}</span>
          {/* A middle year only when it differs from both ends (a short timeline has none). */}
          {last - first >= 2 ? <span>{Math.round((first + last) / 2)}</span> : null}
          <span>{last}</span>
        </div>
        {phases.length > 0 ? (
          <figcaption>
            <nav aria-label="Phases">
              <ol className="grid gap-2 font-sans text-sm sm:grid-cols-2 lg:grid-cols-4">
                {phases.map((phase, index) => (
                  <li key={phase.id} className="flex items-start gap-2">
                    <span aria-hidden="true" className={`mt-1 h-3 w-3 shrink-0 rounded-sm ${colorOf(index)}`} />
                    <a href={`#${phase.id}`}>
                      Phase {index + 1}: {phase.title} ({phase.startYear}–{phase.endYear})
                    </a>
                  </li>
                ))}
              </ol>
            </nav>
          </figcaption>
        ) : null}
      </figure>

      {phases.map((phase, index) => (
        <section key={phase.id} id={phase.id} aria-labelledby={`${phase.id}-heading`} className="scroll-mt-20 space-y-4">
          <div className="flex items-baseline gap-3">
            <span aria-hidden="true" className={`h-4 w-4 shrink-0 rounded-sm ${colorOf(index)}`} />
            <Heading id={`${phase.id}-heading`} className="text-2xl font-semibold">
              Phase {index + 1}: {phase.title}{" "}
              <span className="font-sans text-base font-normal text-muted">
                ({phase.startYear}–{phase.endYear})
              </span>
            </Heading>
          </div>
          {phase.summary ? <p className="max-w-3xl">{phase.summary}</p> : null}
          {phase.blockIds.length > 0 ? (
            <p className="font-sans text-sm text-muted">
              In the text: <ParagraphLinks view={view} lessonHref={lessonHref} ids={phase.blockIds} />
            </p>
          ) : null}
          <EventList view={view} lessonHref={lessonHref} events={eventsOf(phase)} color={colorOf(index)} level={level} />
        </section>
      ))}

      {loose.length > 0 ? (
        <section aria-labelledby="other-events-heading" className="space-y-4">
          <Heading id="other-events-heading" className="text-2xl font-semibold">
            {phases.length > 0 ? "Other dated events" : "Dated events"}
          </Heading>
          <EventList view={view} lessonHref={lessonHref} events={loose} color={NO_PHASE_COLOR} level={level} />
        </section>
      ) : null}
    </>
  );
}

function EventList({ view, lessonHref, events, color, level }: Omit<Props, "level"> & { events: DocEvent[]; color: string; level: 2 | 3 }) {
  const Heading = level === 2 ? "h3" : "h4";
  return (
    <ol className="relative space-y-5 border-l-2 border-rule pl-6">
      {events.map((event) => {
        const only = view.mentionedOnlyIn(event);
        return (
          <li key={event.id} id={event.id} className="relative scroll-mt-20">
            <span aria-hidden="true" className={`absolute -left-[1.95rem] top-1.5 h-3 w-3 rounded-full border-2 border-paper ${color}`} />
            <p className="font-sans text-sm font-semibold text-muted">
              <time dateTime={event.date}>{formatPartialDate(event.date)}</time>
              {event.place ? ` · ${event.place}` : ""}
            </p>
            <Heading className="text-lg font-semibold">{event.title}</Heading>
            {event.description ? <p className="max-w-3xl">{event.description}</p> : null}
            {event.people && event.people.length > 0 ? <p className="font-sans text-sm text-muted">People: {event.people.join(", ")}</p> : null}
            {only ? (
              <p className="mt-1 inline-block rounded border border-imagined/40 px-2 py-0.5 font-sans text-xs text-imagined">
                The article mentions this only in {only === "imagined-dialogue" ? "the imagined dialogue" : "the author’s opinion"}
              </p>
            ) : null}
            {view
              .notesForEvent(event)
              .filter((note) => note.verdict !== "confirmed")
              .map((note) => (
                <p key={note.id} className="mt-1 max-w-3xl rounded border border-[#c9b98f] bg-[#fbf6e6] px-2 py-1 font-sans text-sm">
                  <strong>Context:</strong> {note.verifiedFact}
                </p>
              ))}
            <p className="mt-1 font-sans text-sm">
              Mentioned in: <ParagraphLinks view={view} lessonHref={lessonHref} ids={event.blockIds} />
            </p>
          </li>
        );
      })}
    </ol>
  );
}

function ParagraphLinks({ view, lessonHref, ids }: Omit<Props, "level"> & { ids: readonly string[] }) {
  return (
    <>
      {ids.map((id, index) => {
        const place = view.paragraphPlace(id);
        return (
          <span key={id}>
            {index > 0 ? ", " : null}
            {place ? (
              <Link href={`${lessonHref(place.lesson)}#${id}`} title={place.lesson.title}>
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
