import { describe, expect, it } from "vitest";
import { ArticleDocSchema, type DocMeta } from "@/lib/articles/schema";
import { DomainError } from "@/lib/errors";
import { buildArticleDoc } from "./build-doc";
import { extractArticle, type ExtractedArticle } from "./extract";

const META: DocMeta = {
  title: "Fatal attraction IV",
  author: "Marwan Bishara",
  publisher: "Al Jazeera",
  date: "2016-09-12",
  url: "https://www.aljazeera.com/opinions/2016/9/12/fatal-attraction-iv",
  usageNote: "Quoted for teaching under fair dealing.",
};

const extracted = (blocks: ExtractedArticle["blocks"]): ExtractedArticle => ({ meta: {}, blocks, words: 0, format: "text" });

describe("buildArticleDoc", () => {
  const doc = buildArticleDoc(
    extracted([
      { kind: "paragraph", text: "With each encounter their relationship grew stronger. President George W. Bush was long gone." },
      { kind: "caption", text: "Kerry and Lavrov in Sochi [Getty]" },
      { kind: "heading", text: "The eye of the beholder. A heading is never split." },
      { kind: "quote", text: "“We will meet again. We always do,” Lavrov said. Kerry smiled." },
      { kind: "heading", text: "Messrs Fix-it" },
      { kind: "paragraph", text: "Mr. Kerry flew to the U.S. He landed at 5 p.m. on Monday." },
    ]),
    META,
  );

  it("numbers blocks and sentences from one counter in reading order, nextId after them", () => {
    expect(doc.blocks.map((block) => [block.id, block.kind, block.sentences.map((s) => s.id)])).toEqual([
      ["b1", "paragraph", ["s2", "s3"]],
      ["b4", "caption", ["s5"]],
      ["b6", "heading", ["s7"]],
      ["b8", "quote", ["s9", "s10"]],
      ["b11", "heading", ["s12"]],
      ["b13", "paragraph", ["s14", "s15"]],
    ]);
    expect(doc.nextId).toBe(16);
  });

  it("segments paragraphs into unlabelled sentences, keeps a heading whole", () => {
    expect(doc.blocks[0]!.sentences).toEqual([
      { id: "s2", text: "With each encounter their relationship grew stronger.", label: null },
      { id: "s3", text: "President George W. Bush was long gone.", label: null },
    ]);
    expect(doc.blocks[2]!.sentences.map((s) => s.text)).toEqual(["The eye of the beholder. A heading is never split."]);
    expect(doc.blocks[3]!.sentences.map((s) => s.text)).toEqual(["“We will meet again. We always do,” Lavrov said.", "Kerry smiled."]);
    expect(doc.blocks.flatMap((b) => b.sentences).every((s) => s.label === null)).toBe(true);
  });

  it("makes each section a default lesson, the opening one titled after the article", () => {
    expect(doc.lessons).toEqual([
      { id: "l1", title: "Fatal attraction IV", blockIds: ["b1", "b4"], objectives: [], summary: null },
      { id: "l2", title: "The eye of the beholder. A heading is never split.", blockIds: ["b6", "b8"], objectives: [], summary: null },
      { id: "l3", title: "Messrs Fix-it", blockIds: ["b11", "b13"], objectives: [], summary: null },
    ]);
  });

  it("passes the document schema, with the meta as given and nothing else yet", () => {
    expect(ArticleDocSchema.parse(doc)).toEqual(doc);
    expect(doc.meta).toEqual(META);
    expect([doc.contextNotes, doc.glossary, doc.phases, doc.events]).toEqual([[], [], [], []]);
  });

  it("has no untitled lesson when the article opens with a heading", () => {
    const opened = buildArticleDoc(
      extracted([
        { kind: "heading", text: "Sochi" },
        { kind: "paragraph", text: "They met." },
      ]),
      META,
    );
    expect(opened.lessons).toEqual([{ id: "l1", title: "Sochi", blockIds: ["b1", "b3"], objectives: [], summary: null }]);
  });

  it("keeps every character of the text: the sentences joined are the blocks' text", async () => {
    const article = await extractArticle({
      text: "A title\n\nPresident George W. Bush met Mr. Putin in Slovenia.   They talked.\nSection two\n“It is over. We tried,” he said. The U.S. Navy agreed.\n",
    });
    const built = buildArticleDoc(article, META);
    expect(built.blocks.map((b) => b.sentences.map((s) => s.text).join(" "))).toEqual(article.blocks.map((b) => b.text.replace(/\s+/g, " ")));
  });

  it("refuses a sentence the document cannot hold, with a clear message", () => {
    let error: unknown;
    try {
      buildArticleDoc(extracted([{ kind: "paragraph", text: "x".repeat(6000) }]), META);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toMatch(/A sentence of 6,000 characters .* longer than the limit of 5,000/);
  });
});
