import { describe, expect, it } from "vitest";
import { testArticleDoc } from "@/tooling/test-article";
import { attributionPattern, attributionProblems, checkArticleQuestion, NO_SOURCE, resolveSources, sourceChanges } from "./question-sources";
import { sentenceStart } from "./sentence-start";

const doc = testArticleDoc();

const trueFalse = (sentenceIds: string[], prompt = "Kerry and Lavrov first met in Geneva.") => ({
  type: "true-false",
  difficulty: 1,
  prompt,
  explanation: "The article says so.",
  phaseIds: [],
  eventIds: [],
  answer: true,
  sentenceIds,
});

describe("resolveSources", () => {
  it("derives each paragraph once, in article order, with the sentences' text", () => {
    const result = resolveSources(doc, ["s7", "s2", "s1", "s2"]);
    expect(result).toMatchObject({ ok: true, sources: { sentenceIds: ["s7", "s2", "s1"], paragraphIds: ["b1", "b5"] } });
    if (result.ok)
      expect(result.sources.sourceText).toEqual({
        s7: "The ceasefire collapsed within a week.",
        s2: "They spoke for three hours about Syria.",
        s1: "Kerry and Lavrov first met in Geneva in March 2013.",
      });
  });

  it("refuses none, too many, unknown, hidden and unlabelled sentences", () => {
    expect(resolveSources(doc, [])).toEqual({ ok: false, message: NO_SOURCE });
    expect(resolveSources(doc, ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s1", "x"])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no longer/),
    });
    const eleven = Array.from({ length: 11 }, (_, i) => `s${i + 1}`);
    expect(resolveSources(doc, eleven)).toMatchObject({ ok: false, message: expect.stringMatching(/at most 10/) });
    const hidden = { ...doc, blocks: doc.blocks.map((b) => (b.id === "b2" ? { ...b, hiddenReason: "Photo credit" } : b)) };
    expect(resolveSources(hidden, ["s4"])).toMatchObject({ ok: false, message: expect.stringMatching(/hidden from students/) });
    const unlabelled = { ...doc, blocks: doc.blocks.map((b) => ({ ...b, sentences: b.sentences.map((s) => (s.id === "s1" ? { ...s, label: null } : s)) })) };
    expect(resolveSources(unlabelled, ["s1"])).toMatchObject({ ok: false, message: expect.stringMatching(/^Label “Kerry and Lavrov/) });
  });
});

describe("the attribution rule, per sentence", () => {
  const labelsOf = (ids: string[]) => {
    const r = resolveSources(doc, ids);
    if (!r.ok) throw new Error(r.message);
    return r.sources;
  };

  it("asks an opinion or imagined source to be attributed, and accepts the author's name", () => {
    expect(attributionProblems("single", "Why did the talks fail?", labelsOf(["s3"]), "Jane Hartley")[0]).toMatch(
      /author’s opinion.*“It was, I think, a meeting doomed/,
    );
    expect(attributionProblems("single", "Why, in the author’s view, did the talks fail?", labelsOf(["s3"]), "Jane Hartley")).toEqual([]);
    expect(attributionProblems("single", "What does Hartley think of the meeting?", labelsOf(["s3"]), "Jane Hartley")).toEqual([]);
    expect(attributionProblems("single", "What does Lavrov say?", labelsOf(["s6"]), "Jane Hartley")[0]).toMatch(/imagined dialogue/);
    expect(attributionProblems("single", "In the imagined dialogue, what does Lavrov say?", labelsOf(["s6"]), "Jane Hartley")).toEqual([]);
    // An opinion sentence beside a fact still needs saying: the student must not take it for fact.
    expect(attributionProblems("single", "What happened in Geneva?", labelsOf(["s1", "s3"]), "Jane Hartley")).toHaveLength(1);
    // Facts and quotes need nothing, and classify asks the kind itself.
    expect(attributionProblems("single", "What happened in Vienna?", labelsOf(["s4", "s5"]), "Jane Hartley")).toEqual([]);
    expect(attributionProblems("classify", "What kind of statement is this?", labelsOf(["s3"]), "Jane Hartley")).toEqual([]);
  });

  it("matches the author's names as whole words only", () => {
    const pattern = attributionPattern("Jane Hartley");
    expect(pattern.test("According to Jane, …")).toBe(true);
    expect(pattern.test("Hartleyville")).toBe(false);
    expect(pattern.test("What does the writer think?")).toBe(true);
    expect(pattern.test("Bishara says")).toBe(true);
  });
});

describe("checkArticleQuestion", () => {
  it("passes a good question with its derived paragraphs", () => {
    const result = checkArticleQuestion(doc, trueFalse(["s1"]), "t-abc");
    expect(result).toMatchObject({ ok: true, question: { id: "t-abc", paragraphIds: ["b1"] } });
  });

  it("reports every problem at once, sources under sentenceIds", () => {
    const result = checkArticleQuestion(doc, { ...trueFalse([]), prompt: "", eventIds: ["e-geneva"] }, "t-abc");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.sentenceIds).toEqual([NO_SOURCE]);
    expect(result.errors.prompt).toBeDefined();
    expect(result.errors.paragraphIds).toBeUndefined();
  });

  it("checks a classify statement against the sources' paragraphs and labels", () => {
    const classify = (statement: string, answer: string) => ({ ...trueFalse(["s3"]), type: "classify", statement, answer });
    expect(checkArticleQuestion(doc, classify("It was, I think, a meeting doomed from the start.", "opinion"), "t-c").ok).toBe(true);
    const wrong = checkArticleQuestion(doc, classify("It was, I think, a meeting doomed from the start.", "reported-fact"), "t-c");
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.errors.statement?.[0]).toMatch(/labels that statement .* "opinion"/);
  });
});

describe("sourceChanges", () => {
  it("lists changed and removed sentences", () => {
    const edited = {
      ...doc,
      blocks: doc.blocks.map((b) => ({
        ...b,
        sentences: b.sentences.filter((s) => s.id !== "s2").map((s) => (s.id === "s1" ? { ...s, text: "Changed." } : s)),
      })),
    };
    expect(
      sourceChanges(
        { s1: "Kerry and Lavrov first met in Geneva in March 2013.", s2: "They spoke.", s4: "In 2015 the two men signed a ceasefire plan in Vienna." },
        edited,
      ),
    ).toEqual([
      { sentenceId: "s1", before: "Kerry and Lavrov first met in Geneva in March 2013.", after: "Changed." },
      { sentenceId: "s2", before: "They spoke.", after: null },
    ]);
  });

  it("names a sentence by its start", () => {
    expect(sentenceStart("One two three")).toBe("One two three");
    expect(sentenceStart("a b c d e f g h i j")).toBe("a b c d e f g h…");
  });
});
