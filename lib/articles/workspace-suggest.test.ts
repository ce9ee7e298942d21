import { describe, expect, it } from "vitest";
import { suggestLabel } from "./suggest";
import { DRAWN_WHOLE_UP_TO } from "./workspace-state";
import { firstScreenSuggestions, SuggestionCache } from "./workspace-suggest";

const block = {
  kind: "paragraph" as const,
  sentences: [
    { id: "s1", text: "“We agreed,” Kerry said.", label: null },
    { id: "s2", text: "I think it was a terrible mistake.", label: null },
    { id: "s3", text: "Nobody else was in the room.", label: null },
  ],
};

describe("the workspace's suggestion cache", () => {
  it("suggests by the readable rules, naming the rule", () => {
    const [quote, opinion, none] = new SuggestionCache().forBlock(block);
    expect(quote).toMatchObject({ label: "on-record-quote", speaker: "Kerry" });
    expect(quote?.ruleName).toMatch(/speech verb/);
    expect(opinion?.label).toBe("opinion");
    expect(none).toBeNull();
  });

  it("gives back the same object for an unchanged sentence, so rows need not re-render", () => {
    const cache = new SuggestionCache();
    const first = cache.forBlock(block);
    const labelled = { ...block, sentences: block.sentences.map((s) => ({ ...s, label: "opinion" as const })) };
    const second = cache.forBlock(labelled);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);
  });
});

describe("the first screen's suggestions, computed on the server", () => {
  const doc = {
    blocks: [
      { id: "b1", ...block },
      { id: "b2", kind: "paragraph" as const, sentences: [{ id: "s4", text: "In 2013 they met in Geneva.", label: null }] },
      { id: "b3", kind: "paragraph" as const, sentences: [{ id: "s5", text: "Clearly a disaster.", label: null }] },
    ],
  };

  /** A draft of `count` one-sentence paragraphs. */
  const draftOf = (count: number) => ({
    blocks: Array.from({ length: count }, (_, i) => ({
      id: `p${i}`,
      kind: "paragraph" as const,
      sentences: [{ id: `t${i}`, text: `In ${1990 + (i % 20)} they met ${i} times.`, label: null }],
    })),
  });

  it("covers the first blocks of a long draft up to the sentence budget", () => {
    const long = draftOf(DRAWN_WHOLE_UP_TO + 1);
    const primed = firstScreenSuggestions(long, 4);
    expect(Object.keys(primed)).toEqual(["p0", "p1", "p2", "p3"]);
    expect(primed.p1?.[0]).toMatchObject({ label: "reported-fact", ruleId: "date" });
  });

  it("covers every block of a draft short enough to be drawn whole", () => {
    expect(Object.keys(firstScreenSuggestions(draftOf(100)))).toHaveLength(100);
    expect(Object.keys(firstScreenSuggestions(draftOf(DRAWN_WHOLE_UP_TO + 1)))).toHaveLength(60);
  });

  it("leaves nothing for the rules to run on the blocks drawn first", () => {
    let runs = 0;
    const counting: typeof suggestLabel = (sentence, context) => {
      runs++;
      return suggestLabel(sentence, context);
    };
    for (const draft of [draftOf(100), draftOf(400)]) {
      const cache = new SuggestionCache(counting);
      const primed = firstScreenSuggestions(draft);
      cache.prime(draft.blocks, primed);
      runs = 0;
      for (const block of draft.blocks.filter((b) => b.id in primed)) cache.forBlock(block);
      expect(runs).toBe(0);
      cache.forBlock(draft.blocks.at(-1)!);
      expect(runs, "a block further down is computed when drawn").toBe(draft.blocks.length > 100 ? 1 : 0);
    }
  });

  it("gives the browser's cache the very suggestions the rules would, without running them", () => {
    const primed = firstScreenSuggestions(doc);
    // Marked so the test can tell a primed suggestion from a recomputed one.
    const marked = Object.fromEntries(
      Object.entries(primed).map(([id, shown]) => [id, shown.map((s) => (s ? { ...s, reason: `${s.reason} (primed)` } : null))]),
    );
    const cache = new SuggestionCache();
    cache.prime(doc.blocks, marked);
    expect(cache.forBlock(doc.blocks[1]!)[0]?.reason).toMatch(/\(primed\)$/);
    expect(new SuggestionCache().forBlock(doc.blocks[1]!)).toEqual(primed.b2);
  });

  it("skips a primed block whose number of sentences differs", () => {
    const cache = new SuggestionCache();
    cache.prime(doc.blocks, { b1: [null] });
    expect(cache.forBlock(doc.blocks[0]!)[0]).toMatchObject({ label: "on-record-quote" });
  });
});
