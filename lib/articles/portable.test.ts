import { describe, expect, it } from "vitest";
import { getContent } from "@/lib/content";
import { DomainError } from "@/lib/errors";
import { fromContent } from "./content-bridge";
import { exportArticle, parseArticleFile } from "./portable";
import type { ArticleDoc } from "./schema";

const builtIn = fromContent(getContent());

function small(): ArticleDoc {
  return {
    meta: { title: "A test article", author: "A. Writer", publisher: "The Paper", date: "2016-09", url: "https://example.org/a", usageNote: "For class." },
    blocks: [
      { id: "b1", kind: "heading", sentences: [{ id: "s2", text: "Talks", label: "editorial-note" }] },
      {
        id: "b3",
        kind: "paragraph",
        sentences: [
          { id: "s4", text: "The talks began in 2016.", label: "reported-fact" },
          { id: "s5", text: "They were doomed.", label: "opinion", labelNote: "The writer's judgement." },
        ],
      },
    ],
    lessons: [{ id: "l6", title: "Talks", blockIds: ["b1", "b3"], objectives: ["Tell fact from opinion"], summary: null }],
    contextNotes: [
      {
        id: "n7",
        blockId: "b3",
        claim: "The talks began in 2016.",
        verdict: "imprecise",
        verifiedFact: "They began in late 2015.",
        sources: [{ title: "Record", url: "https://example.org/r", date: "2015-12" }],
      },
    ],
    glossary: [{ id: "g8", term: "Talks", definition: "Negotiations.", blockIds: ["b3"] }],
    phases: [{ id: "p9", title: "Talking", startYear: 2015, endYear: 2016, summary: null, blockIds: ["b3"] }],
    events: [{ id: "e10", title: "Talks begin", date: "2015-12", phaseId: "p9", description: null, blockIds: ["b3"] }],
    nextId: 11,
  };
}

describe("an article as a JSON file", () => {
  it("round-trips an imported article with its questions", () => {
    const question = { type: "true-false", prompt: "The talks began in 2016.", answer: false, sentenceIds: ["s4"] };
    const file = JSON.stringify(exportArticle(small(), [question]));
    const back = parseArticleFile(file);
    expect(back.doc).toEqual(small());
    expect(back.questions).toEqual([question]);
  });

  it("round-trips the built-in article, laid out like content/", () => {
    const file = exportArticle(builtIn, []);
    expect(Object.keys(file)).toEqual(expect.arrayContaining(["article", "lessons", "glossary", "contextNotes", "phases", "events", "questions"]));
    expect(parseArticleFile(JSON.stringify(file)).doc).toEqual(builtIn);
  });

  it.each([
    ["not JSON", "{", /not valid JSON/],
    ["another format", JSON.stringify({ format: "something-else/2" }), /Backchannel reads "backchannel-article\/1"/],
    ["a missing part", JSON.stringify({ ...exportArticle(small(), []), lessons: undefined }), /lessons/],
  ])("refuses %s with a message", (_name, text, message) => {
    expect(() => parseArticleFile(text)).toThrow(message);
  });

  it("names a part that points at a paragraph that is not there", () => {
    const doc = small();
    const file = exportArticle({ ...doc, contextNotes: [{ ...doc.contextNotes[0]!, blockId: "b99" }] }, [
      { type: "single", prompt: "?", sentenceIds: ["s99"] },
    ]);
    const error = (() => {
      try {
        parseArticleFile(JSON.stringify(file));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(String((error as Error).message)).toMatch(/contextNotes\[0\] names paragraph "b99".*questions\[0\] rests on sentence "s99"/);
  });

  it("refuses a nextId that would mint an id already used", () => {
    expect(() => parseArticleFile(JSON.stringify(exportArticle({ ...small(), nextId: 5 }, [])))).toThrow(/nextId is 5 but the id number 10 is already used/);
  });
});
