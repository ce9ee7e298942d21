"use client";
// The panel beside the text: label buttons (the touch user's label menu), the suggestion, "why
// this label", the speaker, and the tools that split and join sentences and paragraphs, set a
// paragraph's kind or hide it. Every change is an edit dispatched to the workspace's reducer.
import { useState, type Dispatch, type RefObject } from "react";
import { KIND_VALUES as BLOCK_KINDS, LABEL_VALUES } from "@/lib/content/vocabulary";
import { splitPoints, type WorkspaceAction } from "@/lib/articles/workspace-state";
import type { ShownSuggestion } from "@/lib/articles/workspace-suggest";
import { LABEL_STYLE } from "@/components/lesson/label-styles";
import { KIND_NAMES, type FocusedSentence } from "./kinds";

type Props = {
  focused: FocusedSentence | null;
  selection: string[];
  suggestion: ShownSuggestion | null;
  noteRef: RefObject<HTMLTextAreaElement | null>;
  dispatch: Dispatch<WorkspaceAction>;
  onAccept: () => void;
};

const small = "rounded border border-rule bg-white px-2 py-1 text-sm hover:bg-[#f3f1ec]";

/** Back to the sentence after writing in the panel, so the keys work again. */
function focusSentence(id: string) {
  document.querySelector<HTMLElement>(`[data-sid="${id}"]`)?.focus();
}

export function SentenceTools({ focused, selection, suggestion, noteRef, dispatch, onAccept }: Props) {
  // On a phone the panel is a strip at the bottom: labels first, the rest behind one button.
  const [more, setMore] = useState(false);
  if (!focused) return <p className="font-sans text-sm text-muted">Choose a sentence to label it.</p>;
  const { sentence } = focused;
  const many = selection.length > 1;
  return (
    <div className="space-y-3 font-sans text-sm">
      <h2 className="text-base font-semibold">{many ? `${selection.length} sentences selected` : "This sentence"}</h2>
      <div role="group" aria-label="Label" className="flex flex-wrap gap-1.5">
        {LABEL_VALUES.map((label, i) => {
          const style = LABEL_STYLE[label];
          const pressed = !many && sentence.label === label;
          return (
            <button
              key={label}
              type="button"
              aria-pressed={pressed}
              onClick={() => dispatch({ type: "label", label })}
              className={`flex items-center gap-1.5 rounded-full border px-2.5 py-1 ${pressed ? `${style.rule} bg-paper font-semibold` : "border-rule bg-white hover:bg-[#f3f1ec]"}`}
            >
              <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${style.dot}`} />
              <span className={pressed ? style.text : ""}>{style.name}</span>
              <kbd className="hidden text-xs text-muted lg:inline" aria-hidden="true">
                {i + 1}
              </kbd>
            </button>
          );
        })}
        {sentence.label !== null || many ? (
          <button
            type="button"
            className="rounded-full border border-rule bg-white px-2.5 py-1 text-muted hover:bg-[#f3f1ec]"
            onClick={() => dispatch({ type: "label", label: null })}
          >
            Clear label
          </button>
        ) : null}
      </div>

      {suggestion && sentence.label === null ? (
        <div className="space-y-1 rounded-md bg-paper px-3 py-2">
          <p>
            Suggested: <span className={LABEL_STYLE[suggestion.label].text}>{LABEL_STYLE[suggestion.label].name}</span>
            {suggestion.speaker ? `, speaker ${suggestion.speaker}` : ""}. {suggestion.ruleName}: {suggestion.reason}.
          </p>
          <button type="button" className={small} onClick={onAccept}>
            Accept suggestion
          </button>
        </div>
      ) : null}

      {!many ? (
        <>
          <button type="button" className={`${small} lg:hidden`} aria-expanded={more} aria-controls="sentence-forms" onClick={() => setMore(!more)}>
            {more ? "Fewer tools" : "Note, split, hide…"}
          </button>
          <div id="sentence-forms" className={`space-y-3 ${more ? "" : "hidden"} lg:block`}>
            <SentenceForms key={`${sentence.id}:${sentence.text.length}`} focused={focused} noteRef={noteRef} dispatch={dispatch} />
          </div>
        </>
      ) : null}
    </div>
  );
}

function SentenceForms({
  focused,
  noteRef,
  dispatch,
}: {
  focused: FocusedSentence;
  noteRef: RefObject<HTMLTextAreaElement | null>;
  dispatch: Dispatch<WorkspaceAction>;
}) {
  const { sentence, block, index } = focused;
  const [note, setNote] = useState(sentence.labelNote ?? "");
  const [speaker, setSpeaker] = useState(sentence.speaker ?? "");
  const points = splitPoints(sentence.text);
  const [splitAt, setSplitAt] = useState(String(points[0]?.at ?? ""));
  const [kind, setKind] = useState<string>(block.kind);
  const [reason, setReason] = useState("");
  const edit = (e: Parameters<typeof dispatch>[0]) => dispatch(e);
  const noteChanged = note.trim() !== (sentence.labelNote ?? "");
  const speaks = sentence.label === "on-record-quote" || sentence.label === "imagined-dialogue";
  const hidden = block.hiddenReason !== undefined;

  return (
    <>
      <form
        className="space-y-1"
        onSubmit={(event) => {
          event.preventDefault();
          edit({ type: "edit", edit: { op: "labelNote", sentenceId: sentence.id, note: note.trim() === "" ? null : note.trim() } });
        }}
      >
        <label htmlFor="label-note" className="block font-medium">
          Why this label <span className="font-normal text-muted">(shown to students)</span>
        </label>
        <textarea
          id="label-note"
          ref={noteRef}
          rows={2}
          maxLength={5000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") focusSentence(sentence.id);
          }}
          className="field text-sm"
        />
        <button type="submit" className={small} aria-disabled={!noteChanged || undefined}>
          Save note
        </button>
      </form>

      {speaks ? (
        <form
          className="space-y-1"
          onSubmit={(event) => {
            event.preventDefault();
            edit({ type: "edit", edit: { op: "speaker", sentenceId: sentence.id, speaker: speaker.trim() === "" ? null : speaker.trim() } });
          }}
        >
          <label htmlFor="speaker" className="block font-medium">
            Who speaks
          </label>
          <div className="flex gap-2">
            <input id="speaker" value={speaker} maxLength={300} onChange={(e) => setSpeaker(e.target.value)} className="field text-sm" />
            <button type="submit" className={small}>
              Save
            </button>
          </div>
        </form>
      ) : null}

      <details className="space-y-2 border-t border-rule pt-2">
        <summary className="cursor-pointer font-medium">Split, join, hide</summary>
        <div className="mt-2 space-y-3">
          {points.length > 0 ? (
            <div className="space-y-1">
              <label htmlFor="split-at" className="block">
                Split this sentence before the word
              </label>
              <div className="flex gap-2">
                <select id="split-at" value={splitAt} onChange={(e) => setSplitAt(e.target.value)} className="field py-1 text-sm">
                  {points.map((p, i) => (
                    <option key={p.at} value={p.at}>
                      {i + 2}: {p.before}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className={small}
                  onClick={() => edit({ type: "edit", edit: { op: "splitSentence", sentenceId: sentence.id, at: Number(splitAt) } })}
                >
                  Split
                </button>
              </div>
            </div>
          ) : null}
          <div className="flex flex-wrap gap-2">
            {index < block.sentences.length - 1 ? (
              <button type="button" className={small} onClick={() => edit({ type: "edit", edit: { op: "joinSentences", sentenceId: sentence.id } })}>
                Join with the next sentence
              </button>
            ) : null}
            {index > 0 ? (
              <button
                type="button"
                className={small}
                onClick={() => edit({ type: "edit", edit: { op: "splitBlock", blockId: block.id, beforeSentenceId: sentence.id } })}
              >
                Start a new paragraph here
              </button>
            ) : null}
            {!focused.isLastBlock ? (
              <button type="button" className={small} onClick={() => edit({ type: "edit", edit: { op: "joinBlocks", blockId: block.id } })}>
                Join this paragraph with the next
              </button>
            ) : null}
          </div>
          <div className="space-y-1">
            <label htmlFor="block-kind" className="block">
              This paragraph is a
            </label>
            <div className="flex gap-2">
              <select id="block-kind" value={kind} onChange={(e) => setKind(e.target.value)} className="field py-1 text-sm">
                {BLOCK_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {KIND_NAMES[k]}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className={small}
                onClick={() => {
                  const chosen = BLOCK_KINDS.find((k) => k === kind);
                  if (chosen) edit({ type: "edit", edit: { op: "setKind", blockId: block.id, kind: chosen } });
                }}
              >
                Set
              </button>
            </div>
          </div>
          {hidden ? (
            <button type="button" className={small} onClick={() => edit({ type: "edit", edit: { op: "show", blockId: block.id } })}>
              Show this paragraph to students
            </button>
          ) : (
            <form
              className="space-y-1"
              onSubmit={(event) => {
                event.preventDefault();
                if (reason.trim() !== "") edit({ type: "edit", edit: { op: "hide", blockId: block.id, reason: reason.trim() } });
              }}
            >
              <label htmlFor="hide-reason" className="block">
                Hide this paragraph from students, because
              </label>
              <div className="flex gap-2">
                <input
                  id="hide-reason"
                  value={reason}
                  maxLength={300}
                  placeholder="e.g. a photo credit"
                  onChange={(e) => setReason(e.target.value)}
                  className="field text-sm"
                />
                <button type="submit" className={small} aria-disabled={reason.trim() === "" || undefined}>
                  Hide
                </button>
              </div>
            </form>
          )}
        </div>
      </details>
    </>
  );
}
