import { describe, expect, it } from "vitest";
import { SuggestionCache } from "./workspace-suggest";

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
