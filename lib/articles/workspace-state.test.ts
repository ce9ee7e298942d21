import { describe, expect, it } from "vitest";
import { sampleDoc } from "./doc-fixture";
import {
  findSentence,
  initialState,
  nextToSend,
  nextUnlabelled,
  selectedIds,
  splitPoints,
  workspaceReducer as reduce,
  type WorkspaceState,
} from "./workspace-state";
import type { ArticleDoc } from "./schema";

const label = (state: WorkspaceState, id: string) => state.shown.blocks.flatMap((b) => b.sentences).find((s) => s.id === id)?.label;

describe("the labelling workspace's state", () => {
  it("moves the focus through every sentence in reading order and stops at the ends", () => {
    let state = initialState(sampleDoc());
    expect(state.focus).toBe("s1");
    state = reduce(state, { type: "move", delta: -1, extend: false });
    expect(state.focus).toBe("s1");
    for (let i = 0; i < 3; i++) state = reduce(state, { type: "move", delta: 1, extend: false });
    expect(state.focus).toBe("s4");
    state = reduce(state, { type: "move", delta: 50, extend: false });
    expect(state.focus).toBe("s10");
  });

  it("extends a selection with shift and labels every selected sentence at once", () => {
    let state = reduce(initialState(sampleDoc()), { type: "focus", id: "s2" });
    state = reduce(state, { type: "move", delta: 1, extend: true });
    state = reduce(state, { type: "move", delta: 1, extend: true });
    expect(selectedIds(state)).toEqual(["s2", "s3", "s4"]);
    state = reduce(state, { type: "label", label: "opinion" });
    expect(["s2", "s3", "s4"].map((id) => label(state, id))).toEqual(["opinion", "opinion", "opinion"]);
    expect(state.pending).toHaveLength(1);
    expect(state.pending[0]?.edit).toEqual({ op: "label", sentenceIds: ["s2", "s3", "s4"], label: "opinion" });
    // Moving without shift collapses the selection to one sentence.
    state = reduce(state, { type: "move", delta: -1, extend: false });
    expect(selectedIds(state)).toEqual(["s3"]);
  });

  it("shows an edit at once, and keeps it until the server has it", () => {
    let state = reduce(initialState(sampleDoc()), { type: "focus", id: "s4" });
    state = reduce(state, { type: "label", label: "reported-fact" });
    const sent = nextToSend(state)[0];
    expect(sent?.status).toBe("waiting");
    state = reduce(state, { type: "sending", keys: [sent!.key] });
    expect(nextToSend(state)).toEqual([]);
    expect(label(state, "s4")).toBe("reported-fact");
    expect(state.confirmed.blocks[1]?.sentences[2]?.label).toBeNull();
    state = reduce(state, { type: "saved", keys: [sent!.key] });
    expect(state.pending).toEqual([]);
    expect(state.confirmed.blocks[1]?.sentences[2]?.label).toBe("reported-fact");
    expect(state.savedSinceLoad).toBe(true);
  });

  it("keeps a failed save visible until it is tried again or discarded", () => {
    let state = reduce(initialState(sampleDoc()), { type: "focus", id: "s4" });
    state = reduce(state, { type: "label", label: "opinion" });
    state = reduce(state, { type: "focus", id: "s6" });
    state = reduce(state, { type: "label", label: "reported-fact" });
    const first = state.pending[0]!.key;
    state = reduce(state, { type: "sending", keys: [first] });
    state = reduce(state, { type: "failed", keys: [first], message: "The network is down." });
    expect(nextToSend(state)).toEqual([]);
    expect(label(state, "s4")).toBe("opinion");
    expect(state.pending.map((p) => p.status)).toEqual(["failed", "waiting"]);

    const retried = reduce(state, { type: "retry" });
    expect(nextToSend(retried).map((p) => p.key)).toEqual([first, first + 1]);

    const discarded = reduce(state, { type: "discard" });
    expect(label(discarded, "s4")).toBeNull();
    expect(label(discarded, "s6")).toBe("reported-fact");
    expect(discarded.pending).toHaveLength(1);
  });

  it("sends the edits made while a save was in flight together, in order", () => {
    let state = reduce(initialState(sampleDoc()), { type: "focus", id: "s4" });
    state = reduce(state, { type: "label", label: "opinion" });
    const first = nextToSend(state).map((p) => p.key);
    state = reduce(state, { type: "sending", keys: first });
    state = reduce(state, { type: "focus", id: "s6" });
    state = reduce(state, { type: "label", label: "reported-fact" });
    state = reduce(state, { type: "label", label: "opinion" });
    expect(nextToSend(state)).toEqual([]);
    state = reduce(state, { type: "saved", keys: first });
    const batch = nextToSend(state);
    expect(batch.map((p) => p.edit)).toEqual([
      { op: "label", sentenceIds: ["s6"], label: "reported-fact" },
      { op: "label", sentenceIds: ["s6"], label: "opinion" },
    ]);
    state = reduce(state, { type: "sending", keys: batch.map((p) => p.key) });
    state = reduce(state, { type: "saved", keys: batch.map((p) => p.key) });
    expect(state.pending).toEqual([]);
    expect(state.confirmed).toEqual(state.shown);
  });

  it("refuses an impossible edit without queueing it, and says why", () => {
    let state = initialState(sampleDoc());
    state = reduce(state, { type: "edit", edit: { op: "joinSentences", sentenceId: "s10" } });
    expect(state.notice).toMatch(/last of its paragraph/);
    expect(state.pending).toEqual([]);
    state = reduce(state, { type: "dismiss" });
    expect(state.notice).toBeNull();
  });

  it("follows splits and joins in the reading order", () => {
    let state = reduce(initialState(sampleDoc()), { type: "focus", id: "s2" });
    const at = splitPoints("Kerry and Lavrov met in Geneva on 9 September 2016.").find((p) => p.before === "met")!.at;
    state = reduce(state, { type: "edit", edit: { op: "splitSentence", sentenceId: "s2", at } });
    expect(state.order.slice(0, 4)).toEqual(["s1", "s2", "s100", "s3"]);
    state = reduce(state, { type: "edit", edit: { op: "joinSentences", sentenceId: "s2" } });
    expect(state.order.slice(0, 3)).toEqual(["s1", "s2", "s3"]);
    expect(state.focus).toBe("s2");
  });

  it("keeps the same order array when only labels change, so rows are not re-laid out", () => {
    const state = initialState(sampleDoc());
    const next = reduce(state, { type: "label", label: "opinion" });
    expect(next.order).toBe(state.order);
  });

  it("finds the next unlabelled shown sentence, wrapping round and skipping hidden blocks", () => {
    const doc = sampleDoc();
    expect(nextUnlabelled(doc, null)).toBe("s4");
    expect(nextUnlabelled(doc, "s4")).toBe("s6");
    expect(nextUnlabelled(doc, "s6")).toBe("s4");
    // From a sentence of a hidden block, or one that is gone: the next, then the first.
    expect(nextUnlabelled(doc, "s7")).toBe("s4");
    expect(nextUnlabelled(doc, "s5")).toBe("s6");
    expect(nextUnlabelled(doc, "gone")).toBe("s4");
    expect(nextUnlabelled({ ...doc, blocks: doc.blocks.slice(0, 1) }, null)).toBeNull();
  });

  it("reaches a sentence hundreds of rows away with u, and labels it there", () => {
    // A long draft like the bench's 10,000 words: everything labelled but one sentence near the end.
    const doc: ArticleDoc = {
      ...sampleDoc(),
      blocks: Array.from({ length: 170 }, (_, b) => ({
        id: `b${b}`,
        kind: "paragraph" as const,
        sentences: Array.from({ length: 5 }, (_, i) => ({ id: `b${b}s${i}`, text: `Sentence ${i} of paragraph ${b}.`, label: "reported-fact" as const })),
      })),
    };
    const far = doc.blocks[163]!.sentences[2]!;
    doc.blocks[163]!.sentences[2] = { ...far, label: null };
    let state = initialState(doc);
    const id = nextUnlabelled(state.shown, state.focus);
    expect(id).toBe("b163s2");
    state = reduce(state, { type: "focus", id: id! });
    state = reduce(state, { type: "label", label: "opinion" });
    expect(label(state, "b163s2")).toBe("opinion");
    expect(nextUnlabelled(state.shown, state.focus)).toBeNull();
    // j from there moves on in reading order, into the next paragraph.
    state = reduce(state, { type: "move", delta: 3, extend: false });
    expect(state.focus).toBe("b164s0");
  });

  it("finds a sentence by its words, after the focused one and wrapping round, with its place among the matches", () => {
    const doc = sampleDoc();
    expect(findSentence(doc, "kerry", null)).toEqual({ id: "s2", match: 1, matches: 3 });
    expect(findSentence(doc, "KERRY", "s2")).toEqual({ id: "s5", match: 2, matches: 3 });
    expect(findSentence(doc, "Kerry", "s3")).toEqual({ id: "s5", match: 2, matches: 3 });
    expect(findSentence(doc, "Kerry", "s10")).toEqual({ id: "s2", match: 1, matches: 3 });
    // Straight quotes and apostrophes find curly ones; spaces are folded.
    expect(findSentence(doc, '"we  have a plan,"', null)?.id).toBe("s5");
    // A hidden caption is shown in the workspace, so it is found.
    expect(findSentence(doc, "[getty]", null)?.id).toBe("s7");
    expect(findSentence(doc, "nowhere in the text", null)).toBeNull();
    expect(findSentence(doc, "   ", null)).toBeNull();
  });

  it("offers a split before every word but the first", () => {
    expect(splitPoints("It was, I think.")).toEqual([
      { at: 3, before: "was," },
      { at: 8, before: "I" },
      { at: 10, before: "think." },
    ]);
  });
});
