/**
 * The labelling workspace's state in one reducer (issue 16): the draft as the server has it, the
 * draft as the teacher sees it (with edits not yet saved applied), the edits waiting to be saved,
 * and which sentences are focused and selected. Pure, so it is tested without a browser.
 *
 * Edits are applied here first (optimistic) with the same `applyArticleEdit` the server runs after
 * parsing, then saved one at a time in order. A save that fails stays in the queue, visible, until the teacher tries
 * again or discards it: nothing typed is lost silently.
 */
import type { Label } from "@/lib/content/vocabulary";
import { DomainError } from "@/lib/errors";
import { applyArticleEdit } from "./apply-edit";
import type { ArticleEditInput } from "./edit-schema";
import type { ArticleDoc } from "./schema";

/**
 * A draft this short is drawn whole in the workspace: its rows cost little, and the browser's own
 * find and a screen reader's page reading keep working. Longer ones (~1,500 words) are drawn a few
 * paragraphs at a time (decision 0045).
 */
export const DRAWN_WHOLE_UP_TO = 120;

export type PendingEdit = { key: number; edit: ArticleEditInput; status: "waiting" | "saving" | "failed"; message?: string };

export type WorkspaceState = {
  confirmed: ArticleDoc;
  shown: ArticleDoc;
  pending: PendingEdit[];
  /** Every sentence id in reading order (hidden blocks too: they can be shown again). */
  order: string[];
  focus: string | null;
  /** The other end of a shift-selection; equal to `focus` when one sentence is selected. */
  anchor: string | null;
  /** A change refused before it was sent (e.g. joining the last sentence): said, never sent. */
  notice: string | null;
  /** Set once any change has been saved since the page loaded (the draft then differs from what was published). */
  savedSinceLoad: boolean;
  nextKey: number;
};

export type WorkspaceAction =
  | { type: "move"; delta: number; extend: boolean }
  | { type: "focus"; id: string; extend?: boolean }
  | { type: "edit"; edit: ArticleEditInput }
  | { type: "label"; label: Label | null }
  | { type: "sending"; keys: number[] }
  | { type: "saved"; keys: number[] }
  | { type: "failed"; keys: number[]; message: string }
  | { type: "retry" }
  | { type: "discard" }
  | { type: "dismiss" }
  | { type: "published" };

export function sentenceOrder(doc: ArticleDoc): string[] {
  return doc.blocks.flatMap((b) => b.sentences.map((s) => s.id));
}

export function initialState(doc: ArticleDoc): WorkspaceState {
  const order = sentenceOrder(doc);
  const first = order[0] ?? null;
  return { confirmed: doc, shown: doc, pending: [], order, focus: first, anchor: first, notice: null, savedSinceLoad: false, nextKey: 1 };
}

/** The selected sentence ids, in reading order: from the anchor to the focus. */
export function selectedIds(state: Pick<WorkspaceState, "order" | "focus" | "anchor">): string[] {
  if (state.focus === null) return [];
  const a = state.order.indexOf(state.anchor ?? state.focus);
  const f = state.order.indexOf(state.focus);
  if (f < 0) return [];
  if (a < 0) return [state.focus];
  return state.order.slice(Math.min(a, f), Math.max(a, f) + 1);
}

function messageOf(error: unknown): string {
  if (error instanceof DomainError) return error.message;
  throw error;
}

const STRUCTURAL = new Set<ArticleEditInput["op"]>(["splitSentence", "joinSentences", "splitBlock", "joinBlocks"]);

/** Applies an edit to what is shown and queues it; a refused edit changes nothing and says why. */
function addEdit(state: WorkspaceState, edit: ArticleEditInput): WorkspaceState {
  let shown: ArticleDoc;
  try {
    shown = applyArticleEdit(state.shown, edit);
  } catch (error) {
    return { ...state, notice: messageOf(error) };
  }
  // Only a change of structure changes the order; a label keeps it (and the array, for memoised rows).
  const structural = STRUCTURAL.has(edit.op);
  const order = structural ? sentenceOrder(shown) : state.order;
  const focus = state.focus !== null && order.includes(state.focus) ? state.focus : (order[0] ?? null);
  const anchor = state.anchor !== null && order.includes(state.anchor) ? state.anchor : focus;
  return {
    ...state,
    shown,
    order,
    focus,
    anchor,
    notice: null,
    pending: [...state.pending, { key: state.nextKey, edit, status: "waiting" }],
    nextKey: state.nextKey + 1,
  };
}

/** What is shown when a failed edit is dropped: the saved draft with the other waiting edits that still apply. */
function rebuild(confirmed: ArticleDoc, pending: PendingEdit[]): { shown: ArticleDoc; pending: PendingEdit[] } {
  let shown = confirmed;
  const kept: PendingEdit[] = [];
  for (const p of pending) {
    try {
      shown = applyArticleEdit(shown, p.edit);
      kept.push(p);
    } catch (error) {
      messageOf(error);
    }
  }
  return { shown, pending: kept };
}

export function workspaceReducer(state: WorkspaceState, action: WorkspaceAction): WorkspaceState {
  switch (action.type) {
    case "move": {
      if (state.order.length === 0) return state;
      const at = state.focus === null ? -1 : state.order.indexOf(state.focus);
      const next = Math.min(state.order.length - 1, Math.max(0, at + action.delta));
      const focus = state.order[next] ?? null;
      return { ...state, focus, anchor: action.extend ? (state.anchor ?? state.focus) : focus };
    }
    case "focus":
      if (!state.order.includes(action.id)) return state;
      return { ...state, focus: action.id, anchor: action.extend ? (state.anchor ?? state.focus) : action.id };
    case "edit":
      return addEdit(state, action.edit);
    case "label": {
      const sentenceIds = selectedIds(state);
      if (sentenceIds.length === 0) return state;
      return addEdit(state, { op: "label", sentenceIds, label: action.label });
    }
    case "sending": {
      const keys = new Set(action.keys);
      return { ...state, pending: state.pending.map((p) => (keys.has(p.key) ? { ...p, status: "saving" } : p)) };
    }
    case "saved": {
      const keys = new Set(action.keys);
      const done = state.pending.filter((p) => keys.has(p.key));
      // The server applied the same edits to the same draft (after parsing them), so this is what it stored.
      const confirmed = done.reduce((doc, p) => applyArticleEdit(doc, p.edit), state.confirmed);
      return { ...state, confirmed, pending: state.pending.filter((p) => !keys.has(p.key)), savedSinceLoad: true };
    }
    case "failed": {
      const keys = new Set(action.keys);
      return { ...state, pending: state.pending.map((p) => (keys.has(p.key) ? { ...p, status: "failed", message: action.message } : p)) };
    }
    case "retry":
      return { ...state, pending: state.pending.map((p) => (p.status === "failed" ? { key: p.key, edit: p.edit, status: "waiting" } : p)) };
    case "discard": {
      if (state.pending[0]?.status !== "failed") return state;
      const { shown, pending } = rebuild(
        state.confirmed,
        state.pending.filter((p) => p.status !== "failed"),
      );
      const order = sentenceOrder(shown);
      const focus = state.focus !== null && order.includes(state.focus) ? state.focus : (order[0] ?? null);
      return { ...state, shown, pending, order, focus, anchor: focus };
    }
    case "dismiss":
      return { ...state, notice: null };
    case "published":
      return { ...state, savedSinceLoad: false };
  }
}

/** Edits sent together at most: one request, one transaction. */
export const BATCH = 100;

/**
 * The next edits to send, in order, when none is on its way and none has failed: every edit made
 * while the last save was in flight goes in one request, so fast typing costs few requests.
 */
export function nextToSend(state: WorkspaceState): PendingEdit[] {
  const batch: PendingEdit[] = [];
  for (const p of state.pending) {
    if (p.status !== "waiting" || batch.length === BATCH) break;
    batch.push(p);
  }
  return state.pending[0]?.status === "waiting" ? batch : [];
}

/**
 * The first shown sentence without a label, after `from` (wrapping round), for "next unlabelled".
 * One pass over the article: on a long draft this runs on every key press that changes a label.
 */
export function nextUnlabelled(doc: ArticleDoc, from: string | null): string | null {
  let first: string | null = null;
  let past = from === null;
  for (const block of doc.blocks) {
    for (const s of block.sentences) {
      if (s.id === from) {
        past = true;
        continue;
      }
      if (block.hiddenReason !== undefined || s.label !== null) continue;
      if (past) return s.id;
      first ??= s.id;
    }
  }
  return first;
}

/** Folds case, curly quotes and runs of spaces, so "kerry's" finds “Kerry’s”. */
function folded(text: string): string {
  return text
    .toLocaleLowerCase("en")
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/\s+/g, " ");
}

export type FoundSentence = { id: string; match: number; matches: number };

/**
 * "Find a sentence" (the workspace draws only the rows near the focus, so the browser's own
 * find cannot reach the others): the next sentence after `from`, wrapping round, whose text
 * contains the words typed, with its place among all the matches. Hidden paragraphs count too:
 * the workspace shows them.
 */
export function findSentence(doc: ArticleDoc, query: string, from: string | null): FoundSentence | null {
  const wanted = folded(query).trim();
  if (wanted === "") return null;
  const ids: string[] = [];
  let after = -1;
  for (const block of doc.blocks) {
    for (const s of block.sentences) {
      if (s.id === from) after = ids.length;
      if (folded(s.text).includes(wanted)) ids.push(s.id);
    }
  }
  // `after` counts the matches before `from`; a match at `from` itself is skipped over.
  const at = after < 0 ? 0 : ids[after] === from ? after + 1 : after;
  const index = at < ids.length ? at : 0;
  const id = ids[index];
  return id === undefined ? null : { id, match: index + 1, matches: ids.length };
}

/** Where a split can go: after each word but the last, as character offsets into the sentence. */
export function splitPoints(text: string): { at: number; before: string }[] {
  const points: { at: number; before: string }[] = [];
  const word = /\S+/g;
  let match: RegExpExecArray | null;
  while ((match = word.exec(text)) !== null) {
    if (match.index > 0) points.push({ at: match.index, before: match[0] });
  }
  return points;
}
