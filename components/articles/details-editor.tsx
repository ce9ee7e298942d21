"use client";
// An article's details page: its meta, lessons, context notes, glossary, phases and events.
// Each form becomes one article edit (lib/articles/workspace-forms.ts), saved through the same
// action as the workspace's labels; the page is then refreshed from the saved draft.
import { useState, type FormEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/form-state";
import { VERDICT_VALUES } from "@/lib/content/vocabulary";
import type { ArticleEditInput } from "@/lib/articles/edit-schema";
import type { ArticleDoc } from "@/lib/articles/schema";
import { eventEdit, lessonEdit, metaEdit, noteEdit, phaseEdit, termEdit, type FormResult } from "@/lib/articles/workspace-forms";
import { FormField, FormMessage } from "@/components/form-field";
import { SelectField, TextAreaField } from "@/components/form-bits";

export type Paragraph = { id: string; label: string };
type EditAction = (input: { articleId: string; edits: ArticleEditInput[] }) => Promise<ActionResult>;
type Props = { articleId: string; doc: ArticleDoc; paragraphs: Paragraph[]; edit: EditAction };

const VERDICT_NAMES: Record<(typeof VERDICT_VALUES)[number], string> = {
  confirmed: "Confirmed",
  imprecise: "Imprecise",
  disputed: "Disputed",
  incorrect: "Incorrect",
};
const small = "rounded border border-rule bg-white px-2 py-1 font-sans text-sm hover:bg-[#f3f1ec]";

/** One form's saving: field errors from the form's own checks, a message from the server. */
function useSave(articleId: string, edit: EditAction) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  async function save(result: FormResult | ArticleEditInput, success: string, form?: HTMLFormElement): Promise<void> {
    const built: FormResult = "op" in result ? { edit: result } : result;
    if (built.errors) {
      setErrors(built.errors);
      setMessage({ tone: "error", text: "Some fields need a change." });
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const answer = await edit({ articleId, edits: [built.edit] });
      if (!answer.ok) {
        setMessage({ tone: "error", text: answer.message });
        return;
      }
      setMessage({ tone: "success", text: success });
      form?.reset();
      router.refresh();
    } catch {
      setMessage({ tone: "error", text: "The connection failed: nothing was saved. Try again." });
    } finally {
      setPending(false);
    }
  }
  return { errors, message, pending, save, err: (field: string) => (errors[field] ? [errors[field]] : undefined) };
}

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};
const list = (form: FormData, name: string) => form.getAll(name).filter((v): v is string => typeof v === "string" && v !== "");

function onSubmit(handler: (form: FormData, element: HTMLFormElement) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    handler(new FormData(event.currentTarget), event.currentTarget);
  };
}

function Section({ id, title, intro, children }: { id: string; title: string; intro: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-4">
      <div className="space-y-1">
        <h2 id={`${id}-heading`} className="text-2xl font-semibold">
          {title}
        </h2>
        <p className="text-muted">{intro}</p>
      </div>
      {children}
    </section>
  );
}

function Saving({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <button type="submit" className="btn" aria-disabled={pending || undefined}>
      {pending ? "Saving…" : children}
    </button>
  );
}

export function DetailsEditor({ articleId, doc, paragraphs, edit }: Props) {
  const place = new Map(paragraphs.map((p) => [p.id, p.label]));
  return (
    <div className="space-y-12">
      <MetaForm articleId={articleId} doc={doc} edit={edit} />
      <Section id="lessons" title="Lessons" intro="Each heading starts a lesson. Split a long one or merge short ones; write what students should learn.">
        <ol className="space-y-6">
          {doc.lessons.map((lesson, i) => (
            <li key={lesson.id}>
              <LessonForm
                articleId={articleId}
                edit={edit}
                number={i + 1}
                lesson={lesson}
                isLast={i === doc.lessons.length - 1}
                paragraphs={lesson.blockIds.slice(1).flatMap((id) => (place.has(id) ? [{ id, label: place.get(id) ?? id }] : []))}
              />
            </li>
          ))}
        </ol>
      </Section>
      <NotesSection articleId={articleId} doc={doc} edit={edit} paragraphs={paragraphs} place={place} />
      <GlossarySection articleId={articleId} doc={doc} edit={edit} paragraphs={paragraphs} />
      <TimelineSection articleId={articleId} doc={doc} edit={edit} paragraphs={paragraphs} />
    </div>
  );
}

function MetaForm({ articleId, doc, edit }: Omit<Props, "paragraphs">) {
  const { err, message, pending, save } = useSave(articleId, edit);
  const m = doc.meta;
  return (
    <Section id="meta" title="The article" intro="Shown with the article, as on the built-in one.">
      <form
        noValidate
        className="space-y-3"
        onSubmit={onSubmit(
          (form) =>
            void save(
              metaEdit({
                title: text(form, "title"),
                author: text(form, "author"),
                publisher: text(form, "publisher"),
                date: text(form, "date"),
                url: text(form, "url"),
                usageNote: text(form, "usageNote"),
              }),
              "Details saved.",
            ),
        )}
      >
        <FormField id="meta-title" name="title" label="Title" defaultValue={m.title} errors={err("title")} />
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField id="meta-author" name="author" label="Author" defaultValue={m.author} errors={err("author")} />
          <FormField id="meta-publisher" name="publisher" label="Publisher" defaultValue={m.publisher} errors={err("publisher")} />
          <FormField id="meta-date" name="date" label="Date" hint="YYYY, YYYY-MM or YYYY-MM-DD." defaultValue={m.date ?? ""} errors={err("date")} />
          <FormField id="meta-url" name="url" label="Web address (optional)" type="url" defaultValue={m.url ?? ""} errors={err("url")} />
        </div>
        <TextAreaField id="meta-usage" name="usageNote" label="Usage note" rows={2} defaultValue={m.usageNote} errors={err("usageNote")} />
        <FormMessage message={message?.text} tone={message?.tone} />
        <Saving pending={pending}>Save the details</Saving>
      </form>
    </Section>
  );
}

function LessonForm({
  articleId,
  edit,
  number,
  lesson,
  isLast,
  paragraphs,
}: {
  articleId: string;
  edit: EditAction;
  number: number;
  lesson: ArticleDoc["lessons"][number];
  isLast: boolean;
  paragraphs: Paragraph[];
}) {
  const { err, message, pending, save } = useSave(articleId, edit);
  const prefix = `lesson-${lesson.id}`;
  return (
    <div className="space-y-3 rounded-lg border border-rule bg-white px-4 py-3">
      <h3 className="text-lg font-semibold">
        Lesson {number}: {lesson.title}
      </h3>
      <form
        noValidate
        className="space-y-3"
        onSubmit={onSubmit(
          (form) =>
            void save(
              lessonEdit(lesson.id, { title: text(form, "title"), objectives: text(form, "objectives"), summary: text(form, "summary") }),
              "Lesson saved.",
            ),
        )}
      >
        <FormField id={`${prefix}-title`} name="title" label="Title" defaultValue={lesson.title} errors={err("title")} />
        <TextAreaField
          id={`${prefix}-objectives`}
          name="objectives"
          label="Objectives"
          hint="One a line, at most 8: what a student can do after the lesson."
          rows={3}
          defaultValue={lesson.objectives.join("\n")}
          errors={err("objectives")}
        />
        <TextAreaField
          id={`${prefix}-summary`}
          name="summary"
          label="Summary (optional)"
          rows={2}
          defaultValue={lesson.summary ?? ""}
          errors={err("summary")}
        />
        <Saving pending={pending}>Save lesson {number}</Saving>
      </form>
      <div className="flex flex-wrap items-end gap-3 border-t border-rule pt-3 font-sans text-sm">
        {paragraphs.length > 0 ? (
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={onSubmit((form) => void save({ op: "splitLesson", lessonId: lesson.id, beforeBlockId: text(form, "before") }, "Lesson split in two."))}
          >
            <SelectField id={`${prefix}-split`} name="before" label="Start a new lesson at">
              {paragraphs.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </SelectField>
            <button type="submit" className={small}>
              Split
            </button>
          </form>
        ) : null}
        {!isLast ? (
          <button type="button" className={small} onClick={() => void save({ op: "mergeLessons", lessonId: lesson.id }, "Lessons merged.")}>
            Merge with lesson {number + 1}
          </button>
        ) : null}
      </div>
      <FormMessage message={message?.text} tone={message?.tone} />
    </div>
  );
}

function ParagraphSelect({
  id,
  paragraphs,
  multiple,
  errors,
  label,
}: {
  id: string;
  paragraphs: Paragraph[];
  multiple?: boolean;
  errors?: string[] | undefined;
  label: string;
}) {
  return (
    <SelectField
      id={id}
      name="blockIds"
      label={label}
      hint={multiple ? "Hold Ctrl (⌘ on a Mac) to choose several." : undefined}
      multiple={multiple}
      size={multiple ? 5 : undefined}
      errors={errors}
      defaultValue={multiple ? [] : ""}
    >
      {multiple ? null : <option value="">Choose a paragraph</option>}
      {paragraphs.map((p) => (
        <option key={p.id} value={p.id}>
          {p.label}
        </option>
      ))}
    </SelectField>
  );
}

type ListProps = { articleId: string; doc: ArticleDoc; edit: EditAction; paragraphs: Paragraph[] };

function NotesSection({ articleId, doc, edit, paragraphs, place }: ListProps & { place: Map<string, string> }) {
  const { err, message, pending, save } = useSave(articleId, edit);
  return (
    <Section
      id="notes"
      title="Context notes"
      intro="Check a claim against the record. Notes that are not confirmed show beside their paragraph, as on the built-in article."
    >
      {doc.contextNotes.length > 0 ? (
        <ul className="space-y-2">
          {doc.contextNotes.map((note) => (
            <li key={note.id} className="flex flex-wrap items-start justify-between gap-2 rounded-lg border border-rule bg-white px-4 py-2">
              <div className="space-y-0.5">
                <p>
                  <span className="font-sans text-sm font-semibold">{VERDICT_NAMES[note.verdict]}:</span> “{note.claim}”
                </p>
                <p className="font-sans text-sm text-muted">
                  {place.get(note.blockId) ?? note.blockId} · {note.verifiedFact}
                </p>
              </div>
              <button type="button" className={small} onClick={() => void save({ op: "deleteNote", noteId: note.id }, "Note deleted.")}>
                Delete<span className="sr-only"> the note “{note.claim}”</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted">None yet.</p>
      )}
      <form
        noValidate
        className="space-y-3 rounded-lg border border-rule bg-white px-4 py-3"
        onSubmit={onSubmit(
          (form, element) =>
            void save(
              noteEdit({
                blockId: text(form, "blockIds"),
                claim: text(form, "claim"),
                verdict: text(form, "verdict"),
                verifiedFact: text(form, "verifiedFact"),
                sourceTitle: text(form, "sourceTitle"),
                sourceUrl: text(form, "sourceUrl"),
                sourceDate: text(form, "sourceDate"),
              }),
              "Note added.",
              element,
            ),
        )}
      >
        <h3 className="text-lg font-semibold">Write a context note</h3>
        <ParagraphSelect id="note-paragraph" label="Paragraph" paragraphs={paragraphs} errors={err("blockId")} />
        <TextAreaField id="note-claim" name="claim" label="The claim" hint="The words of the article the note checks." rows={2} errors={err("claim")} />
        <SelectField id="note-verdict" name="verdict" label="Verdict" defaultValue="" errors={err("verdict")}>
          <option value="">Choose</option>
          {VERDICT_VALUES.map((v) => (
            <option key={v} value={v}>
              {VERDICT_NAMES[v]}
            </option>
          ))}
        </SelectField>
        <TextAreaField id="note-fact" name="verifiedFact" label="What the record says" rows={2} errors={err("verifiedFact")} />
        <fieldset className="space-y-3">
          <legend className="font-medium">Source</legend>
          <FormField id="note-source-title" name="sourceTitle" label="Title" errors={err("sourceTitle")} />
          <div className="grid gap-3 sm:grid-cols-2">
            <FormField id="note-source-url" name="sourceUrl" label="Web address" type="url" errors={err("sourceUrl")} />
            <FormField id="note-source-date" name="sourceDate" label="Date (optional)" hint="YYYY, YYYY-MM or YYYY-MM-DD." errors={err("sourceDate")} />
          </div>
        </fieldset>
        <FormMessage message={message?.text} tone={message?.tone} />
        <Saving pending={pending}>Add the note</Saving>
      </form>
    </Section>
  );
}

function GlossarySection({ articleId, doc, edit, paragraphs }: ListProps) {
  const { err, message, pending, save } = useSave(articleId, edit);
  return (
    <Section id="glossary" title="Glossary" intro="Terms students may not know, shown with the lessons whose paragraphs use them.">
      {doc.glossary.length > 0 ? (
        <ul className="space-y-2">
          {doc.glossary.map((term) => (
            <li key={term.id} className="flex flex-wrap items-start justify-between gap-2 rounded-lg border border-rule bg-white px-4 py-2">
              <p>
                <span className="font-semibold">{term.term}</span>: {term.definition}
              </p>
              <button type="button" className={small} onClick={() => void save({ op: "deleteTerm", termId: term.id }, "Term deleted.")}>
                Delete<span className="sr-only"> the term {term.term}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted">None yet.</p>
      )}
      <form
        noValidate
        className="space-y-3 rounded-lg border border-rule bg-white px-4 py-3"
        onSubmit={onSubmit(
          (form, element) =>
            void save(termEdit({ term: text(form, "term"), definition: text(form, "definition"), blockIds: list(form, "blockIds") }), "Term added.", element),
        )}
      >
        <h3 className="text-lg font-semibold">Add a term</h3>
        <FormField id="term-term" name="term" label="Term" errors={err("term")} />
        <TextAreaField id="term-definition" name="definition" label="Definition" rows={2} errors={err("definition")} />
        <ParagraphSelect id="term-paragraphs" label="Paragraphs that use it" paragraphs={paragraphs} multiple errors={err("blockIds")} />
        <FormMessage message={message?.text} tone={message?.tone} />
        <Saving pending={pending}>Add the term</Saving>
      </form>
    </Section>
  );
}

function TimelineSection({ articleId, doc, edit, paragraphs }: ListProps) {
  const phase = useSave(articleId, edit);
  const event = useSave(articleId, edit);
  return (
    <Section id="timeline" title="Phases and events" intro="Optional: dated events and the phases they belong to, linked to the paragraphs that tell of them.">
      {doc.phases.length + doc.events.length > 0 ? (
        <ul className="space-y-2">
          {doc.phases.map((p) => (
            <li key={p.id} className="flex flex-wrap items-start justify-between gap-2 rounded-lg border border-rule bg-white px-4 py-2">
              <p>
                <span className="font-sans text-sm text-muted">Phase</span> {p.title} ({p.startYear}–{p.endYear})
              </p>
              <button type="button" className={small} onClick={() => void phase.save({ op: "deletePhase", phaseId: p.id }, "Phase deleted.")}>
                Delete<span className="sr-only"> the phase {p.title}</span>
              </button>
            </li>
          ))}
          {doc.events.map((e) => (
            <li key={e.id} className="flex flex-wrap items-start justify-between gap-2 rounded-lg border border-rule bg-white px-4 py-2">
              <p>
                <span className="font-sans text-sm text-muted">{e.date}</span> {e.title}
              </p>
              <button type="button" className={small} onClick={() => void event.save({ op: "deleteEvent", eventId: e.id }, "Event deleted.")}>
                Delete<span className="sr-only"> the event {e.title}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted">None yet.</p>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <form
          noValidate
          className="space-y-3 rounded-lg border border-rule bg-white px-4 py-3"
          onSubmit={onSubmit(
            (form, element) =>
              void phase.save(
                phaseEdit({
                  title: text(form, "title"),
                  startYear: text(form, "startYear"),
                  endYear: text(form, "endYear"),
                  summary: text(form, "summary"),
                  blockIds: list(form, "blockIds"),
                }),
                "Phase added.",
                element,
              ),
          )}
        >
          <h3 className="text-lg font-semibold">Add a phase</h3>
          <FormField id="phase-title" name="title" label="Title" errors={phase.err("title")} />
          <div className="grid grid-cols-2 gap-3">
            <FormField id="phase-start" name="startYear" label="First year" inputMode="numeric" errors={phase.err("startYear")} />
            <FormField id="phase-end" name="endYear" label="Last year" inputMode="numeric" errors={phase.err("endYear")} />
          </div>
          <TextAreaField id="phase-summary" name="summary" label="Summary (optional)" rows={2} errors={phase.err("summary")} />
          <ParagraphSelect id="phase-paragraphs" label="Paragraphs (optional)" paragraphs={paragraphs} multiple />
          <FormMessage message={phase.message?.text} tone={phase.message?.tone} />
          <Saving pending={phase.pending}>Add the phase</Saving>
        </form>
        <form
          noValidate
          className="space-y-3 rounded-lg border border-rule bg-white px-4 py-3"
          onSubmit={onSubmit(
            (form, element) =>
              void event.save(
                eventEdit({
                  title: text(form, "title"),
                  date: text(form, "date"),
                  phaseId: text(form, "phaseId"),
                  description: text(form, "description"),
                  blockIds: list(form, "blockIds"),
                }),
                "Event added.",
                element,
              ),
          )}
        >
          <h3 className="text-lg font-semibold">Add an event</h3>
          <FormField id="event-title" name="title" label="Title" errors={event.err("title")} />
          <FormField id="event-date" name="date" label="Date" hint="YYYY, YYYY-MM or YYYY-MM-DD." errors={event.err("date")} />
          <SelectField id="event-phase" name="phaseId" label="Phase (optional)" defaultValue="">
            <option value="">None</option>
            {doc.phases.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </SelectField>
          <TextAreaField id="event-description" name="description" label="Description (optional)" rows={2} errors={event.err("description")} />
          <ParagraphSelect id="event-paragraphs" label="Paragraphs that tell of it" paragraphs={paragraphs} multiple errors={event.err("blockIds")} />
          <FormMessage message={event.message?.text} tone={event.message?.tone} />
          <Saving pending={event.pending}>Add the event</Saving>
        </form>
      </div>
    </Section>
  );
}
