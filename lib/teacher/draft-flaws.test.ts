import { describe, expect, it } from "vitest";
import { draftFlaws, draftPreview } from "./draft-flaws";
import { EMPTY_QUESTION_FORM } from "./question-form";

const form = (over: Partial<typeof EMPTY_QUESTION_FORM>) => ({ ...EMPTY_QUESTION_FORM, ...over });

describe("draftFlaws", () => {
  it("warns about a half-written single-choice question as soon as it has a marked key", () => {
    const draft = form({
      prompt: "What did Lavrov give Kerry in Sochi?",
      options: "* Two baskets, one of tomatoes and one of potatoes\nTwo potatoes\nA red button",
    });
    expect(draftFlaws(draft).map((f) => f.code)).toEqual(["longest-key"]);
    expect(draftFlaws({ ...draft, options: "* Tomatoes and potatoes\nTwo Idaho potatoes\nA red reset button" })).toEqual([]);
  });

  it("checks absolute words before any paragraph is chosen, and says nothing until a key is marked", () => {
    expect(draftFlaws(form({ options: "* Kerry\nLavrov never did" })).map((f) => f.code)).toEqual(["absolute-word"]);
    expect(draftFlaws(form({ options: "Kerry\nLavrov never did" }))).toEqual([]);
  });

  it("checks tags only once a paragraph is chosen", () => {
    const context = { phases: [{ id: "ph", title: "Phase", paragraphIds: ["eye-p03"] }] };
    const draft = form({ type: "true-false", prompt: "Kerry met Lavrov.", phaseIds: ["ph"] });
    expect(draftFlaws(draft, context)).toEqual([]);
    expect(draftFlaws({ ...draft, paragraphIds: ["opening-p01"] }, context).map((f) => f.code)).toEqual(["phase-tag"]);
    expect(draftFlaws({ ...draft, paragraphIds: ["eye-p03"] }, context)).toEqual([]);
  });

  it("uses the bank's classify profile for statements", () => {
    const draft = form({ type: "classify", statement: "JK: Look.", label: "imagined-dialogue" });
    const classifySurface = { "speaker-prefix": { label: "imagined-dialogue" as const, count: 3 } };
    expect(draftFlaws(draft, { classifySurface }).map((f) => f.code)).toEqual(["classify-surface"]);
    expect(draftFlaws({ ...draft, label: "opinion" }, { classifySurface })).toEqual([]);
  });
});

describe("draftPreview", () => {
  it("waits for a prompt and what the type needs", () => {
    expect(draftPreview(form({ options: "* a\nb" }))).toBeNull();
    expect(draftPreview(form({ prompt: "Which?", options: "only one" }))).toBeNull();
  });

  it("shows the options without a key, even before the right one is marked", () => {
    const preview = draftPreview(form({ prompt: "Which year?", options: "1999\n2001\n2003" }));
    expect(preview).toMatchObject({ type: "single", prompt: "Which year?" });
    expect(preview && "options" in preview ? preview.options.map((o) => o.text).sort() : []).toEqual(["1999", "2001", "2003"]);
    const marked = draftPreview(form({ prompt: "Which year?", options: "1999\n* 2001\n2003" }));
    expect(JSON.stringify(marked)).not.toMatch(/answer|explanation|\*/);
  });

  it("never shows an order question in its answer order", () => {
    const preview = draftPreview(form({ type: "order", prompt: "Put in order.", items: "first\nsecond\nthird" }));
    expect(preview?.type).toBe("order");
    if (preview?.type === "order") expect(preview.items.map((i) => i.text)).not.toEqual(["first", "second", "third"]);
  });

  it("shows a classify statement with the four kinds to choose from", () => {
    const preview = draftPreview(form({ type: "classify", prompt: "What kind of statement is this?", statement: "It was doomed.", label: "opinion" }));
    expect(preview).toMatchObject({
      type: "classify",
      statement: "It was doomed.",
      choices: ["reported-fact", "on-record-quote", "opinion", "imagined-dialogue"],
    });
  });
});
