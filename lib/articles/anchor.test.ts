import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { blocksOfSentences, checkSources, sourceSnapshot } from "./anchor";
import { sampleDoc } from "./doc-fixture";
import { applyEdit } from "./edit";
import type { ArticleDoc } from "./schema";

const sources = ["s2", "s3", "s5"];

describe("sourceSnapshot", () => {
  it("keeps the text of each source sentence by id", () => {
    expect(sourceSnapshot(sampleDoc(), ["s5", "s2"])).toEqual({
      s5: "“We have a plan,” Kerry said.",
      s2: "Kerry and Lavrov met in Geneva on 9 September 2016.",
    });
  });

  it("refuses a sentence that is not in the article", () => {
    expect(() => sourceSnapshot(sampleDoc(), ["s2", "s404"])).toThrow(DomainError);
    expect(() => sourceSnapshot(sampleDoc(), ["s404"])).toThrow("There is no sentence with the id s404 in this article.");
  });
});

describe("checkSources", () => {
  const snapshot = sourceSnapshot(sampleDoc(), sources);

  it("calls label, note, speaker, kind and lesson changes unchanged", () => {
    let doc: ArticleDoc = sampleDoc();
    doc = applyEdit(doc, { op: "label", sentenceIds: sources, label: "opinion" });
    doc = applyEdit(doc, { op: "labelNote", sentenceId: "s3", note: "Changed my mind." });
    doc = applyEdit(doc, { op: "speaker", sentenceId: "s5", speaker: null });
    doc = applyEdit(doc, { op: "setKind", blockId: "p2", kind: "quote" });
    doc = applyEdit(doc, { op: "splitLesson", lessonId: "l1", beforeBlockId: "p2" });
    doc = applyEdit(doc, { op: "splitBlock", blockId: "p1", beforeSentenceId: "s3" });
    expect(checkSources(snapshot, doc)).toEqual({ unchanged: sources, changed: [], missing: [], reanchored: {} });
  });

  it("calls an edited text changed", () => {
    const doc = sampleDoc();
    doc.blocks[1]!.sentences[0]!.text = "Kerry and Lavrov met in Geneva on 10 September 2016.";
    expect(checkSources(snapshot, doc)).toEqual({ unchanged: ["s3", "s5"], changed: ["s2"], missing: [], reanchored: {} });
  });

  it("calls a split sentence changed: the first part keeps the id and loses text", () => {
    const doc = applyEdit(sampleDoc(), { op: "splitSentence", sentenceId: "s3", at: "It was, arguably,".length });
    expect(checkSources(snapshot, doc)).toMatchObject({ changed: ["s3"], missing: [] });
  });

  it("calls both sentences of a join changed or missing: the second's text is now part of a longer sentence", () => {
    const doc = applyEdit(sampleDoc(), { op: "joinSentences", sentenceId: "s2" });
    expect(checkSources(snapshot, doc)).toEqual({ unchanged: ["s5"], changed: ["s2"], missing: ["s3"], reanchored: {} });
  });

  it("re-anchors a gone id whose exact text now lives under another id (moved text)", () => {
    // s5 is deleted from its paragraph and its exact words come back as a new sentence in another
    // one, as when a teacher moves a sentence or an article is segmented afresh.
    const doc = sampleDoc();
    const p2 = doc.blocks.find((b) => b.id === "p2")!;
    p2.sentences = p2.sentences.filter((s) => s.id !== "s5");
    doc.blocks[1]!.sentences.push({ id: "s200", text: "“We have a plan,” Kerry said.", label: null });
    expect(checkSources(snapshot, doc)).toEqual({ unchanged: ["s2", "s3"], changed: [], missing: [], reanchored: { s5: "s200" } });
  });

  it("calls a deleted sentence missing", () => {
    const doc = sampleDoc();
    doc.blocks[2]!.sentences.shift();
    expect(checkSources(snapshot, doc)).toEqual({ unchanged: ["s2", "s3"], changed: [], missing: ["s5"], reanchored: {} });
  });

  it("re-anchors to the first sentence in article order when the text occurs twice", () => {
    const doc = sampleDoc();
    doc.blocks[2]!.sentences[0]!.id = "s301";
    doc.blocks[1]!.sentences[2]!.text = "“We have a plan,” Kerry said.";
    expect(checkSources({ s5: "“We have a plan,” Kerry said." }, doc).reanchored).toEqual({ s5: "s4" });
  });
});

describe("blocksOfSentences", () => {
  it("gives the paragraphs in article order, each once, skipping unknown ids", () => {
    expect(blocksOfSentences(sampleDoc(), ["s9", "s5", "s2", "s3", "gone"])).toEqual(["p1", "p2", "d1"]);
    expect(blocksOfSentences(sampleDoc(), [])).toEqual([]);
  });
});
