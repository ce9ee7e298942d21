import { describe, expect, it } from "vitest";
import { draftFlaws } from "./draft-flaws";
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
