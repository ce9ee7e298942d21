"use client";
// The article's text to choose a question's sources from: every shown paragraph with its place
// and statement kind, styled as the lesson page styles them, each sentence a checkbox (click it,
// or Tab to it and press Space). A filter narrows it to one lesson. Rows are memoised and only
// the paragraphs whose choice changed render again, and the browser skips laying out paragraphs
// off screen (content-visibility), so a 10,000-word article stays quick to pick from.
import { memo, useCallback, useMemo, useState } from "react";
import { LABEL_STYLE } from "@/components/lesson/label-styles";
import { NO_SOURCE, sentenceStart } from "@/lib/articles/sentence-start";
import type { Label } from "@/lib/content/schema";

export type PickerSentence = { id: string; text: string; label: Label | null };
export type PickerBlock = {
  id: string;
  kind: string;
  /** The paragraph's kind as the lesson page shows it (the commonest of its sentences'). */
  label: Label;
  /** "Lesson 2, paragraph 5". */
  place: string;
  lessonId: string;
  sentences: PickerSentence[];
};
export type PickerLesson = { id: string; title: string; number: number };

type Props = {
  blocks: readonly PickerBlock[];
  lessons: readonly PickerLesson[];
  selected: ReadonlySet<string>;
  onToggle: (sentenceId: string, chosen: boolean) => void;
  /** At the limit, sentences not yet chosen cannot be ticked. */
  full: boolean;
};

export function SourcePicker({ blocks, lessons, selected, onToggle, full }: Props) {
  const [lesson, setLesson] = useState("");
  const shown = useMemo(() => (lesson === "" ? blocks : blocks.filter((b) => b.lessonId === lesson)), [blocks, lesson]);
  return (
    <section aria-labelledby="source-picker-heading" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="source-picker-heading" className="text-xl font-semibold">
            The article
          </h2>
          <p className="font-sans text-sm text-muted">Tick the sentences the question rests on (up to 10).</p>
        </div>
        <label className="font-sans text-sm">
          <span className="mr-2">Show</span>
          <select className="field inline-block w-auto py-1" value={lesson} onChange={(event) => setLesson(event.target.value)}>
            <option value="">All lessons</option>
            {lessons.map((l) => (
              <option key={l.id} value={l.id}>
                Lesson {l.number}: {l.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="max-h-[70vh] space-y-4 overflow-y-auto rounded-lg border border-rule bg-white p-4" data-testid="source-picker">
        {shown.map((block) => (
          <BlockRow key={block.id} block={block} chosen={chosenIn(block, selected)} full={full} onToggle={onToggle} />
        ))}
      </div>
    </section>
  );
}

/** The chosen sentence ids of one paragraph as one string: the memoised row's only changing prop. */
function chosenIn(block: PickerBlock, selected: ReadonlySet<string>): string {
  return block.sentences
    .filter((s) => selected.has(s.id))
    .map((s) => s.id)
    .join(" ");
}

const BlockRow = memo(function BlockRow({ block, chosen, full, onToggle }: { block: PickerBlock; chosen: string; full: boolean; onToggle: Props["onToggle"] }) {
  const style = LABEL_STYLE[block.label];
  const chosenIds = new Set(chosen.split(" "));
  const heading = block.kind === "heading";
  return (
    <fieldset className={`border-l-[3px] pl-3 [contain-intrinsic-size:auto_6rem] [content-visibility:auto] ${style.rule}`}>
      <legend className={`mb-1 flex items-center gap-2 font-sans text-xs tracking-wide ${style.text}`}>
        <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${style.dot}`} />
        <span className="text-muted">{block.place}</span>
        <span aria-hidden="true">·</span>
        <span>{style.name}</span>
      </legend>
      <p className={`font-serif text-[1.05rem] leading-relaxed ${heading ? "font-semibold" : ""}`}>
        {block.sentences.map((sentence, i) => (
          <SentenceBox
            key={sentence.id}
            sentence={sentence}
            blockLabel={block.label}
            first={i === 0}
            chosen={chosenIds.has(sentence.id)}
            full={full}
            onToggle={onToggle}
          />
        ))}
      </p>
    </fieldset>
  );
});

function SentenceBox({
  sentence,
  blockLabel,
  first,
  chosen,
  full,
  onToggle,
}: {
  sentence: PickerSentence;
  blockLabel: Label;
  first: boolean;
  chosen: boolean;
  full: boolean;
  onToggle: Props["onToggle"];
}) {
  const unlabelled = sentence.label === null;
  const differs = sentence.label !== null && sentence.label !== blockLabel;
  const kind = sentence.label ? LABEL_STYLE[sentence.label].name : "Not labelled yet";
  const disabled = unlabelled || (full && !chosen);
  return (
    <>
      {first ? null : " "}
      <label
        className={`cursor-pointer rounded px-px decoration-2 underline-offset-4 has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-1 has-[:focus-visible]:outline-fact ${
          chosen ? "bg-[#dbe9f4] underline decoration-fact" : "hover:bg-[#f1f5f9]"
        } ${disabled ? "cursor-not-allowed text-muted" : ""}`}
        data-sentence-id={sentence.id}
      >
        <input
          type="checkbox"
          className="sr-only"
          checked={chosen}
          disabled={disabled}
          aria-label={`${sentenceStart(sentence.text)} (${kind})`}
          onChange={(event) => onToggle(sentence.id, event.target.checked)}
        />
        {chosen ? (
          <span aria-hidden="true" className="mr-1 font-sans text-xs font-semibold text-fact">
            ✓
          </span>
        ) : null}
        {sentence.text}
        {differs || unlabelled ? (
          <span
            className={`ml-1 whitespace-nowrap align-super font-sans text-[0.65rem] ${sentence.label ? LABEL_STYLE[sentence.label].text : "text-muted"}`}
            aria-hidden="true"
          >
            {kind}
          </span>
        ) : null}
      </label>
    </>
  );
}

/** "Rests on: 2 sentences in Lesson 1, paragraph 3", or the two places when there are a few. */
export function restsOnSummary(chosen: readonly { place: string }[]): string {
  if (chosen.length === 0) return "Rests on: no sentences yet.";
  const places = [...new Set(chosen.map((c) => c.place))];
  const count = `${chosen.length} sentence${chosen.length === 1 ? "" : "s"}`;
  if (places.length === 1) return `Rests on: ${count} in ${places[0]}`;
  return `Rests on: ${count} in ${places.length} paragraphs (${places.join("; ")})`;
}

/**
 * The chosen sources at the top of the question form: the summary, each sentence with a button to
 * drop it, the form's `sentenceIds` fields and any message about them.
 */
export function ChosenSources({
  chosen,
  onRemove,
  errors,
}: {
  chosen: readonly { id: string; text: string; place: string; label: Label | null }[];
  onRemove: (sentenceId: string) => void;
  errors?: string[];
}) {
  // "Choose the sentences…" is answered as soon as one is ticked; other messages stay until the next save.
  const shown = chosen.length > 0 ? (errors ?? []).filter((message) => message !== NO_SOURCE) : (errors ?? []);
  return (
    <section aria-labelledby="chosen-sources" className="space-y-2 rounded-lg border border-rule bg-white p-4 font-sans text-sm">
      <h2 id="chosen-sources" className="font-medium">
        {restsOnSummary(chosen)}
      </h2>
      {chosen.length === 0 ? <p className="text-muted">Tick them in the article’s text. A question cannot be saved without its sources.</p> : null}
      {chosen.map((s) => (
        <input key={s.id} type="hidden" name="sentenceIds" value={s.id} />
      ))}
      {chosen.length > 0 ? (
        <ul className="space-y-1">
          {chosen.map((s) => (
            <li key={s.id} className="flex items-start gap-2">
              <span className="flex-1">
                <span className="text-muted">{s.place}:</span> “{sentenceStart(s.text, 12)}”{" "}
                <span className={s.label ? LABEL_STYLE[s.label].text : "text-muted"}>({s.label ? LABEL_STYLE[s.label].name : "not labelled"})</span>
              </span>
              <button
                type="button"
                className="btn btn-secondary px-2 py-0.5 text-xs"
                onClick={() => onRemove(s.id)}
                aria-label={`Remove “${sentenceStart(s.text)}” from the sources`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {shown.length > 0 ? (
        <p className="field-error" id="sentenceIds-error">
          {shown.join(" ")}
        </p>
      ) : null}
    </section>
  );
}

/** The picker's state: the chosen ids in the order they were ticked, with a stable toggle. */
export function useChosenSentences(initial: readonly string[], limit = 10) {
  const [ids, setIds] = useState<string[]>([...initial]);
  const toggle = useCallback(
    (id: string, chosen: boolean) =>
      setIds((current) => (chosen ? (current.includes(id) || current.length >= limit ? current : [...current, id]) : current.filter((c) => c !== id))),
    [limit],
  );
  const selected = useMemo(() => new Set(ids), [ids]);
  return { ids, selected, toggle, full: ids.length >= limit };
}
