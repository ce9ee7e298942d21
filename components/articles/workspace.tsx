"use client";
// The labelling workspace (issue 16): the article block by block, every sentence a focusable item
// with its label or "No label yet" and a suggestion when a rule has one; the keyboard labels
// (j/k or arrows, 1–5, a, n), the tools panel beside the text (below it on a phone) edits the
// focused sentence and its paragraph. State lives in one reducer (lib/articles/workspace-state.ts);
// rows are memoised on their block, so a keypress re-renders only the rows it changes, and a long
// draft is drawn a few paragraphs at a time (sentence-list.tsx, decision 0045).
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useRouter } from "next/navigation";
import { LABEL_VALUES, type Label } from "@/lib/content/vocabulary";
import type { ActionResult } from "@/lib/actions/form-state";
import type { ArticleEditInput } from "@/lib/articles/edit-schema";
import { labellingProgress, publishProblems } from "@/lib/articles/draft-status";
import type { ArticleDoc, DocBlock } from "@/lib/articles/schema";
import { SUGGESTION_RULES } from "@/lib/articles/suggest";
import type { PrimedSuggestions } from "@/lib/articles/workspace-suggest";
import {
  findSentence as findByText,
  initialState,
  nextToSend,
  nextUnlabelled,
  selectedIds,
  workspaceReducer,
  type WorkspaceAction,
} from "@/lib/articles/workspace-state";
import { LABEL_STYLE } from "@/components/lesson/label-styles";
import { LabelledBar } from "./labelled-bar";
import { SentenceTools } from "./sentence-tools";
import type { FocusedSentence } from "./kinds";
import { blockSuggestions, primeSuggestions, SentenceList } from "./sentence-list";
import { PublishPanel, type PublishActions, type PublishStatus } from "./publish-panel";

export type WorkspaceProps = {
  articleId: string;
  doc: ArticleDoc;
  /** The server's suggestions for the first screen (firstScreenSuggestions). */
  suggestions: PrimedSuggestions;
  status: PublishStatus;
  shared: boolean;
  actions: PublishActions & {
    edit: (input: { articleId: string; edits: ArticleEditInput[] }) => Promise<ActionResult>;
  };
};

const FAILED_SAVE = "The change could not be saved: the connection failed.";

export function Workspace({ articleId, doc, suggestions, status, shared, actions }: WorkspaceProps) {
  // Once, before anything below asks for a suggestion.
  useState(() => primeSuggestions(doc.blocks, suggestions));
  const [state, dispatch] = useReducer(workspaceReducer, doc, initialState);
  const router = useRouter();
  const listRef = useRef<HTMLDivElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  // Set when the keyboard or a link moves the focus, so the effect below moves the browser's focus too.
  const focusWanted = useRef(false);
  const inFlight = useRef(false);

  // Saves go in order, one request at a time: each batch was applied to the draft the one before left.
  const batch = nextToSend(state);
  useEffect(() => {
    if (batch.length === 0 || inFlight.current) return;
    const keys = batch.map((p) => p.key);
    inFlight.current = true;
    dispatch({ type: "sending", keys });
    // The flag is cleared before the dispatch, so the render it causes may send the next batch.
    actions.edit({ articleId, edits: batch.map((p) => p.edit) }).then(
      (result) => {
        inFlight.current = false;
        dispatch(result.ok ? { type: "saved", keys } : { type: "failed", keys, message: result.message });
      },
      () => {
        inFlight.current = false;
        dispatch({ type: "failed", keys, message: FAILED_SAVE });
      },
    );
  }, [batch, actions, articleId]);

  useEffect(() => {
    if (!focusWanted.current || state.focus === null) return;
    focusWanted.current = false;
    const element = listRef.current?.querySelector<HTMLElement>(`[data-sid="${state.focus}"]`);
    element?.focus({ preventScroll: true });
    element?.scrollIntoView({ block: "nearest" });
  }, [state.focus]);

  const move = useCallback((action: WorkspaceAction) => {
    focusWanted.current = true;
    dispatch(action);
  }, []);

  const selection = useMemo(() => selectedIds(state), [state]);
  const selectedSet = useMemo(() => new Set(selection), [selection]);
  const focusedSentence = useMemo(() => findSentence(state.shown, state.focus), [state.shown, state.focus]);
  const focusedSuggestion = focusedSentence ? (blockSuggestions(focusedSentence.block)[focusedSentence.index] ?? null) : null;

  const acceptSuggestions = useCallback(
    (ids: string[]) => {
      // Grouped by label: one edit per label, so a selection's suggestions save together.
      const byLabel = new Map<Label, string[]>();
      for (const id of ids) {
        const found = findSentence(state.shown, id);
        if (!found || found.sentence.label !== null) continue;
        const suggestion = blockSuggestions(found.block)[found.index];
        if (!suggestion) continue;
        byLabel.set(suggestion.label, [...(byLabel.get(suggestion.label) ?? []), id]);
        if (suggestion.speaker && !found.sentence.speaker) dispatch({ type: "edit", edit: { op: "speaker", sentenceId: id, speaker: suggestion.speaker } });
      }
      for (const [label, sentenceIds] of byLabel) dispatch({ type: "edit", edit: { op: "label", sentenceIds, label } });
    },
    [state.shown],
  );
  const acceptRef = useRef(acceptSuggestions);
  useEffect(() => {
    acceptRef.current = acceptSuggestions;
  }, [acceptSuggestions]);
  // Stable for the memoised rows: the row's button accepts its own sentence's suggestion.
  const acceptOne = useCallback((id: string) => acceptRef.current([id]), []);
  const focusOne = useCallback((id: string, extend: boolean) => dispatch({ type: "focus", id, extend }), []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    if (!target.dataset.sid || event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key;
    const handled = () => event.preventDefault();
    if (key === "ArrowDown" || key === "j" || key === "J") {
      handled();
      move({ type: "move", delta: 1, extend: event.shiftKey });
    } else if (key === "ArrowUp" || key === "k" || key === "K") {
      handled();
      move({ type: "move", delta: -1, extend: event.shiftKey });
    } else if (/^[1-5]$/.test(key)) {
      handled();
      dispatch({ type: "label", label: LABEL_VALUES[Number(key) - 1] ?? null });
    } else if (key === "0") {
      handled();
      dispatch({ type: "label", label: null });
    } else if (key === "a") {
      handled();
      acceptSuggestions(selection);
    } else if (key === "n") {
      handled();
      noteRef.current?.focus();
    } else if (key === "u") {
      handled();
      const id = nextUnlabelled(state.shown, state.focus);
      if (id) move({ type: "focus", id });
    }
  }

  const goTo = useCallback(
    (id: string) => {
      move({ type: "focus", id });
      // Already the current sentence: the focus effect will not run again, so focus it here.
      const element = listRef.current?.querySelector<HTMLElement>(`[data-sid="${id}"]`);
      element?.focus({ preventScroll: true });
      element?.scrollIntoView({ block: "nearest" });
    },
    [move],
  );

  // The browser's find cannot see the rows that are not drawn: this one searches the whole draft.
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<string | null>(null);
  function onFind(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (query.trim() === "") return;
    const hit = findByText(state.shown, query, state.focus);
    if (!hit) {
      setFound(`No sentence has “${query.trim()}”.`);
      return;
    }
    setFound(`${hit.match} of ${hit.matches}`);
    goTo(hit.id);
  }

  const progress = useMemo(() => labellingProgress(state.shown), [state.shown]);
  const problems = useMemo(() => publishProblems(state.shown), [state.shown]);
  const firstUnlabelled = useMemo(() => nextUnlabelled(state.shown, null), [state.shown]);
  // Where each block's sentences start in the article's numbering.
  const starts = useMemo(() => sentenceStarts(state.shown.blocks), [state.shown.blocks]);

  const head = state.pending[0];
  const failed = head?.status === "failed" ? head : undefined;

  return (
    <div className="space-y-6">
      <PublishPanel
        articleId={articleId}
        status={status}
        shared={shared}
        actions={actions}
        problems={problems}
        unsaved={state.pending.length > 0}
        savedSinceLoad={state.savedSinceLoad}
        onPublished={() => {
          dispatch({ type: "published" });
          router.refresh();
        }}
        firstUnlabelled={firstUnlabelled}
        onGoTo={goTo}
      />

      <div className="sticky top-0 z-10 -mx-4 space-y-2 border-b border-rule bg-paper px-4 py-2">
        <LabelledBar labelled={progress.labelled} total={progress.total} label="Sentences labelled" />
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1 font-sans text-sm">
          <p role="status" className="text-muted">
            {failed ? "" : state.pending.length > 0 ? "Saving…" : "All changes saved."}
          </p>
          {firstUnlabelled ? (
            <button type="button" className="text-accent underline" onClick={() => goTo(nextUnlabelled(state.shown, state.focus) ?? firstUnlabelled)}>
              Next unlabelled sentence
            </button>
          ) : null}
          <form role="search" aria-label="Find a sentence" onSubmit={onFind} className="flex items-center gap-1.5">
            <label htmlFor="find-sentence" className="text-muted">
              Find
            </label>
            <input
              id="find-sentence"
              type="search"
              value={query}
              maxLength={200}
              placeholder="words in a sentence"
              onChange={(event) => {
                setQuery(event.target.value);
                setFound(null);
              }}
              className="field w-44 py-0.5 text-sm"
            />
            <button type="submit" className="rounded border border-rule bg-white px-2 py-0.5 hover:bg-[#f3f1ec]">
              Find next
            </button>
            <span role="status" className="text-muted">
              {found}
            </span>
          </form>
        </div>
        {failed ? (
          <div role="alert" className="space-y-2 rounded-md border border-[#b42318] bg-[#fef3f2] px-3 py-2 font-sans text-sm text-[#7a1a12]">
            <p>
              Your last change was not saved: {failed.message} It is still shown here
              {state.pending.length > 1 ? `, with ${state.pending.length - 1} more waiting` : ""}.
            </p>
            <div className="flex flex-wrap gap-2">
              <button type="button" className="btn px-3 py-1 text-sm" onClick={() => dispatch({ type: "retry" })}>
                Try again
              </button>
              <button type="button" className="btn btn-secondary px-3 py-1 text-sm" onClick={() => dispatch({ type: "discard" })}>
                Discard this change
              </button>
            </div>
          </div>
        ) : null}
        {state.notice ? (
          <div role="alert" className="flex flex-wrap items-center gap-2 rounded-md border border-rule bg-white px-3 py-2 font-sans text-sm">
            <p>{state.notice}</p>
            <button type="button" className="text-accent underline" onClick={() => dispatch({ type: "dismiss" })}>
              OK
            </button>
          </div>
        ) : null}
      </div>

      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_17rem]">
        <div
          ref={listRef}
          onKeyDown={onKeyDown}
          role="region"
          aria-label="Article text: use j and k or the arrow keys to move between sentences, 1 to 5 to label"
          className="prose-article pb-[55vh] lg:pb-0"
        >
          <SentenceList
            blocks={state.shown.blocks}
            starts={starts}
            total={state.order.length}
            focus={state.focus}
            focusBlock={focusedSentence?.blockIndex ?? -1}
            selected={selectedSet}
            onFocus={focusOne}
            onAccept={acceptOne}
          />
        </div>
        <aside
          aria-label="Label and tools"
          className="fixed inset-x-0 bottom-0 z-20 max-h-[45vh] overflow-y-auto border-t border-rule bg-white px-4 py-3 shadow-[0_-4px_12px_rgba(0,0,0,0.06)] lg:sticky lg:top-28 lg:max-h-[calc(100vh-8rem)] lg:self-start lg:rounded-lg lg:border lg:shadow-none"
        >
          <SentenceTools
            focused={focusedSentence}
            selection={selection}
            suggestion={focusedSuggestion}
            noteRef={noteRef}
            dispatch={dispatch}
            onAccept={() => acceptSuggestions(selection)}
          />
          <KeyLegend />
        </aside>
      </div>

      <details className="rounded-lg border border-rule bg-white px-4 py-3 font-sans text-sm">
        <summary className="cursor-pointer font-semibold">Rules behind the suggestions</summary>
        <p className="mt-2 text-muted">
          Tried in this order; the first that matches is suggested, with the words that triggered it. A suggestion is never applied until you accept it.
        </p>
        <ol className="mt-2 list-decimal space-y-2 pl-5">
          {SUGGESTION_RULES.map((rule) => (
            <li key={rule.id}>
              <span className="font-semibold">{rule.name}</span> <span className={LABEL_STYLE[rule.label].text}>→ {LABEL_STYLE[rule.label].name}</span>
              <p className="text-muted">{rule.description}</p>
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}

function KeyLegend() {
  return (
    <div className="mt-4 hidden border-t border-rule pt-3 font-sans text-xs text-muted lg:block">
      <h2 className="mb-1 text-sm font-semibold text-ink">Keys</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        <dt>
          <kbd>j</kbd> <kbd>k</kbd> or <kbd>↓</kbd> <kbd>↑</kbd>
        </dt>
        <dd>next, previous sentence</dd>
        <dt>
          <kbd>shift</kbd> + <kbd>↓</kbd> <kbd>↑</kbd>
        </dt>
        <dd>select several</dd>
        {LABEL_VALUES.map((label, i) => (
          <KeyRow key={label} k={String(i + 1)} text={LABEL_STYLE[label].name} />
        ))}
        <KeyRow k="0" text="clear the label" />
        <KeyRow k="a" text="accept the suggestion" />
        <KeyRow k="n" text="write why (the note)" />
        <KeyRow k="u" text="next unlabelled" />
      </dl>
    </div>
  );
}

function KeyRow({ k, text }: { k: string; text: string }) {
  return (
    <>
      <dt>
        <kbd>{k}</kbd>
      </dt>
      <dd>{text}</dd>
    </>
  );
}

function sentenceStarts(blocks: readonly DocBlock[]): number[] {
  const starts: number[] = [];
  let n = 0;
  for (const block of blocks) {
    starts.push(n);
    n += block.sentences.length;
  }
  return starts;
}

function findSentence(doc: ArticleDoc, id: string | null): FocusedSentence | null {
  if (id === null) return null;
  for (const [blockIndex, block] of doc.blocks.entries()) {
    const index = block.sentences.findIndex((s) => s.id === id);
    const sentence = block.sentences[index];
    if (sentence) return { block, blockIndex, index, sentence, isFirstBlock: blockIndex === 0, isLastBlock: blockIndex === doc.blocks.length - 1 };
  }
  return null;
}
