import { describe, expect, it } from "vitest";
import { LABEL_VALUES } from "@/lib/content/schema";
import { getContent } from "@/lib/content";
import { DomainError } from "@/lib/errors";
import { fromContent } from "./content-bridge";
import { sampleDoc } from "./doc-fixture";
import { labellingProgress, publishProblems } from "./draft-status";
import { applyEdit } from "./edit";
import { ArticleEditSchema, type ArticleEdit, type ArticleEditInput } from "./edit-schema";
import { ArticleDocSchema, BLOCK_KINDS, type ArticleDoc } from "./schema";

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Apply to a frozen copy, so any mutation of the input throws. */
function apply(doc: ArticleDoc, edit: ArticleEditInput): ArticleDoc {
  const next = applyEdit(deepFreeze(structuredClone(doc)), edit);
  ArticleDocSchema.parse(next);
  return next;
}

function refusal(doc: ArticleDoc, edit: ArticleEditInput): DomainError {
  try {
    applyEdit(doc, edit);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error(`applyEdit accepted ${JSON.stringify(edit)}`);
}

const sentence = (doc: ArticleDoc, id: string) => doc.blocks.flatMap((b) => b.sentences).find((s) => s.id === id);
const block = (doc: ArticleDoc, id: string) => doc.blocks.find((b) => b.id === id);
const words = (doc: ArticleDoc) =>
  doc.blocks
    .flatMap((b) => b.sentences.map((s) => s.text))
    .join(" ")
    .replace(/\s+/g, " ");

describe("ArticleEditSchema", () => {
  it("parses untrusted JSON and refuses unknown ops, extra keys and too many sentences", () => {
    expect(ArticleEditSchema.parse(JSON.parse('{"op":"label","sentenceIds":["s1"],"label":"opinion"}'))).toEqual({
      op: "label",
      sentenceIds: ["s1"],
      label: "opinion",
    });
    expect(ArticleEditSchema.safeParse({ op: "rewrite", sentenceId: "s1" }).success).toBe(false);
    expect(ArticleEditSchema.safeParse({ op: "show", blockId: "p1", extra: 1 }).success).toBe(false);
    expect(ArticleEditSchema.safeParse({ op: "label", sentenceIds: [], label: null }).success).toBe(false);
    const many = Array.from({ length: 501 }, (_, i) => `s${i}`);
    expect(ArticleEditSchema.safeParse({ op: "label", sentenceIds: many, label: null }).success).toBe(false);
    expect(ArticleEditSchema.safeParse({ op: "label", sentenceIds: ["S 1"], label: null }).success).toBe(false);
    expect(ArticleEditSchema.safeParse({ op: "label", sentenceIds: ["s1"], label: "rumour" }).success).toBe(false);
    expect(ArticleEditSchema.safeParse({ op: "splitSentence", sentenceId: "s1", at: 1.5 }).success).toBe(false);
  });

  it("applies what it parsed, as a server action would", () => {
    const edit: ArticleEdit = ArticleEditSchema.parse(JSON.parse('{"op":"speaker","sentenceId":"s4","speaker":"  Lavrov "}'));
    expect(sentence(applyEdit(sampleDoc(), edit), "s4")?.speaker).toBe("Lavrov");
  });

  it("turns blank notes into null and trims them", () => {
    expect(ArticleEditSchema.parse({ op: "labelNote", sentenceId: "s1", note: "   " })).toMatchObject({ note: null });
    expect(ArticleEditSchema.parse({ op: "speaker", sentenceId: "s1", speaker: " Kerry " })).toMatchObject({ speaker: "Kerry" });
  });

  it("refuses an invalid edit built in code with a DomainError naming the field", () => {
    const error = refusal(sampleDoc(), { op: "hide", blockId: "p1", reason: "" });
    expect(error.code).toBe("invalid_input");
    expect(error.message).toContain("reason");
  });
});

describe("labels, notes and speakers", () => {
  it("labels several sentences at once and clears a label", () => {
    const doc = apply(sampleDoc(), { op: "label", sentenceIds: ["s4", "s6"], label: "reported-fact" });
    expect(sentence(doc, "s4")?.label).toBe("reported-fact");
    expect(sentence(doc, "s6")?.label).toBe("reported-fact");
    const cleared = applyEdit(doc, { op: "label", sentenceIds: ["s2"], label: null });
    expect(sentence(cleared, "s2")?.label).toBeNull();
    // Blocks that did not change are shared, not copied.
    expect(cleared.blocks[0]).toBe(doc.blocks[0]);
  });

  it("names the unknown sentence and changes nothing", () => {
    const doc = sampleDoc();
    const error = refusal(doc, { op: "label", sentenceIds: ["s2", "s99"], label: "opinion" });
    expect(error.code).toBe("not_found");
    expect(error.message).toBe("There is no sentence with the id s99 in this article.");
    expect(sentence(doc, "s2")?.label).toBe("reported-fact");
  });

  it("sets and removes a label note and a speaker", () => {
    let doc = apply(sampleDoc(), { op: "labelNote", sentenceId: "s4", note: "The author was not there." });
    expect(sentence(doc, "s4")?.labelNote).toBe("The author was not there.");
    doc = apply(doc, { op: "labelNote", sentenceId: "s4", note: null });
    expect(sentence(doc, "s4")).not.toHaveProperty("labelNote");
    doc = apply(doc, { op: "speaker", sentenceId: "s5", speaker: null });
    expect(sentence(doc, "s5")).not.toHaveProperty("speaker");
    doc = apply(doc, { op: "speaker", sentenceId: "s5", speaker: "John Kerry" });
    expect(sentence(doc, "s5")?.speaker).toBe("John Kerry");
  });
});

describe("splitting and joining sentences", () => {
  it("splits at an offset: the first part keeps the id, the second gets a new one and the same label", () => {
    const doc = apply(sampleDoc(), { op: "splitSentence", sentenceId: "s3", at: "It was, arguably,".length });
    expect(block(doc, "p1")?.sentences.map((s) => [s.id, s.text, s.label])).toEqual([
      ["s2", "Kerry and Lavrov met in Geneva on 9 September 2016.", "reported-fact"],
      ["s3", "It was, arguably,", "opinion"],
      ["s100", "the high point of their partnership.", "opinion"],
      ["s4", "Nobody else was in the room.", null],
    ]);
    expect(sentence(doc, "s3")?.labelNote).toBe("The author judges.");
    expect(doc.nextId).toBe(101);
    expect(words(doc)).toBe(words(sampleDoc()));
  });

  it("refuses an offset outside the text or a cut that leaves an empty part", () => {
    const doc = sampleDoc();
    expect(refusal(doc, { op: "splitSentence", sentenceId: "s4", at: 0 }).message).toBe(
      "Cannot split sentence s4 at character 0: the cut must be inside its 28 characters.",
    );
    expect(refusal(doc, { op: "splitSentence", sentenceId: "s4", at: 28 }).message).toContain("inside");
    expect(refusal(doc, { op: "splitSentence", sentenceId: "s4", at: 400 }).message).toContain("inside");
    expect(refusal(doc, { op: "splitSentence", sentenceId: "s4", at: 3 }).message).toBe(
      "Cannot split sentence s4 at character 3: that is inside the word “Nobody”.",
    );
    const spaced = apply(doc, { op: "splitSentence", sentenceId: "s4", at: 6 });
    expect(sentence(spaced, "s4")?.text).toBe("Nobody");
    expect(refusal(sampleDoc(), { op: "splitSentence", sentenceId: "nope", at: 3 }).code).toBe("not_found");
  });

  it("skips a minted id that an imported id already took", () => {
    const doc = sampleDoc();
    doc.nextId = 9;
    const next = apply(doc, { op: "splitSentence", sentenceId: "s4", at: 6 });
    // s9 and s10 exist, so the new sentence is s11 and the counter moves past it.
    expect(block(next, "p1")?.sentences.map((s) => s.id)).toEqual(["s2", "s3", "s4", "s11"]);
    expect(next.nextId).toBe(12);
  });

  it("joins with the next sentence: one space, the first id, the label only if both agree", () => {
    const same = sampleDoc();
    const s4 = sentence(same, "s4");
    if (s4) s4.label = "opinion";
    const joined = apply(same, { op: "joinSentences", sentenceId: "s3" });
    expect(sentence(joined, "s3")).toEqual({
      id: "s3",
      text: "It was, arguably, the high point of their partnership. Nobody else was in the room.",
      label: "opinion",
      labelNote: "The author judges.",
    });
    expect(sentence(joined, "s4")).toBeUndefined();

    const differ = apply(sampleDoc(), { op: "joinSentences", sentenceId: "s2" });
    expect(sentence(differ, "s2")?.label).toBeNull();
    expect(words(differ)).toBe(words(sampleDoc()));
  });

  it("refuses to join the last sentence of a paragraph", () => {
    expect(refusal(sampleDoc(), { op: "joinSentences", sentenceId: "s4" }).message).toBe(
      "Sentence s4 is the last of its paragraph: there is no next sentence to join it with.",
    );
  });

  it("split then join gives back the sentence's text under its id", () => {
    const original = sentence(sampleDoc(), "s2")?.text;
    const split = apply(sampleDoc(), { op: "splitSentence", sentenceId: "s2", at: 16 });
    const joined = apply(split, { op: "joinSentences", sentenceId: "s2" });
    expect(sentence(joined, "s2")?.text).toBe(original);
    expect(sentence(joined, "s2")?.label).toBe("reported-fact");
  });
});

describe("splitting and joining blocks", () => {
  it("splits a block before a sentence; the new block joins the same lesson right after", () => {
    const doc = apply(sampleDoc(), { op: "splitBlock", blockId: "p1", beforeSentenceId: "s3" });
    expect(doc.blocks.map((b) => b.id)).toEqual(["h1", "p1", "b100", "p2", "c1", "h2", "d1", "d2"]);
    expect(block(doc, "b100")).toMatchObject({ kind: "paragraph", sentences: [{ id: "s3" }, { id: "s4" }] });
    expect(doc.lessons[0]?.blockIds).toEqual(["h1", "p1", "b100", "p2"]);
    expect(doc.nextId).toBe(101);
  });

  it("keeps a hidden block's reason on both parts", () => {
    let doc = apply(sampleDoc(), { op: "hide", blockId: "p2", reason: "Duplicate" });
    doc = apply(doc, { op: "splitBlock", blockId: "p2", beforeSentenceId: "s6" });
    expect(block(doc, "b100")?.hiddenReason).toBe("Duplicate");
  });

  it("refuses a split before the first sentence or before a sentence of another block", () => {
    expect(refusal(sampleDoc(), { op: "splitBlock", blockId: "p1", beforeSentenceId: "s2" }).message).toContain("first of paragraph p1");
    expect(refusal(sampleDoc(), { op: "splitBlock", blockId: "p1", beforeSentenceId: "s6" }).message).toBe("Sentence s6 is not in paragraph p1.");
  });

  it("joins with the next block; the second id leaves its lesson and references follow it", () => {
    const doc = apply(sampleDoc(), { op: "joinBlocks", blockId: "p1" });
    expect(doc.blocks.map((b) => b.id)).toEqual(["h1", "p1", "c1", "h2", "d1", "d2"]);
    expect(block(doc, "p1")?.sentences.map((s) => s.id)).toEqual(["s2", "s3", "s4", "s5", "s6"]);
    expect(doc.lessons[0]?.blockIds).toEqual(["h1", "p1"]);
    expect(doc.glossary[0]?.blockIds).toEqual(["p1"]);
    expect(doc.events[0]?.blockIds).toEqual(["p1"]);
    expect(publishProblems(doc).some((p) => p.includes("no longer exists"))).toBe(false);
  });

  it("moves a note that pointed at the second block to the joined one", () => {
    const withNote = apply(sampleDoc(), {
      op: "upsertNote",
      note: {
        blockId: "p2",
        claim: "The plan failed",
        verdict: "disputed",
        verifiedFact: "It held for a few days.",
        sources: [{ title: "Report", url: "https://example.org/r", date: null }],
      },
    });
    const doc = apply(withNote, { op: "joinBlocks", blockId: "p1" });
    expect(doc.contextNotes.map((n) => n.blockId)).toEqual(["p1", "p1"]);
  });

  it("follows a join in a note's related blocks, never repeating the note's own block", () => {
    const withNote = apply(sampleDoc(), {
      op: "upsertNote",
      note: {
        blockId: "p1",
        relatedBlockIds: ["p2", "p1", "p2"],
        claim: "The plan",
        verdict: "disputed",
        verifiedFact: "Unclear.",
        sources: [{ title: "Report", url: "https://example.org/r", date: null }],
      },
    });
    expect(withNote.contextNotes[1]).toMatchObject({ blockId: "p1", relatedBlockIds: ["p2"] });
    const joined = apply(withNote, { op: "joinBlocks", blockId: "p1" });
    expect(joined.contextNotes[1]).not.toHaveProperty("relatedBlockIds");
    expect(joined.contextNotes[1]?.blockId).toBe("p1");
  });

  it("refuses to join across a heading, across lessons, the last block, or shown with hidden", () => {
    expect(refusal(sampleDoc(), { op: "joinBlocks", blockId: "h1" }).message).toContain("a heading starts a section");
    expect(refusal(sampleDoc(), { op: "joinBlocks", blockId: "c1" }).message).toContain("heading");
    expect(refusal(sampleDoc(), { op: "joinBlocks", blockId: "p2" }).message).toContain("one is hidden and the other is shown");
    expect(refusal(sampleDoc(), { op: "joinBlocks", blockId: "d2" }).message).toBe(
      "Paragraph d2 is the last of the article: there is no next paragraph to join it with.",
    );
    const doc = apply(sampleDoc(), { op: "splitLesson", lessonId: "l1", beforeBlockId: "p2" });
    expect(refusal(doc, { op: "joinBlocks", blockId: "p1" }).message).toContain("Merge the lessons first");
  });

  it("sets the kind, hides with a reason and shows again", () => {
    let doc = apply(sampleDoc(), { op: "setKind", blockId: "p2", kind: "quote" });
    expect(block(doc, "p2")?.kind).toBe("quote");
    doc = apply(doc, { op: "hide", blockId: "p1", reason: "Page furniture" });
    expect(block(doc, "p1")?.hiddenReason).toBe("Page furniture");
    doc = apply(doc, { op: "show", blockId: "p1" });
    expect(block(doc, "p1")).not.toHaveProperty("hiddenReason");
    expect(refusal(doc, { op: "show", blockId: "zz" }).message).toBe("There is no paragraph with the id zz in this article.");
  });
});

describe("lessons", () => {
  it("splits a lesson before a block and merges it back", () => {
    const split = apply(sampleDoc(), { op: "splitLesson", lessonId: "l1", beforeBlockId: "p2" });
    expect(split.lessons.map((l) => [l.id, l.title, l.blockIds])).toEqual([
      ["l1", "The meeting", ["h1", "p1"]],
      ["l100", "The meeting (part 2)", ["p2"]],
      ["l2", "Imagined", ["h2", "d1", "d2"]],
    ]);
    const merged = apply(split, { op: "mergeLessons", lessonId: "l1" });
    expect(merged.lessons).toEqual(sampleDoc().lessons);
  });

  it("refuses to split at the first block, a block of another lesson, or merge the last lesson", () => {
    expect(refusal(sampleDoc(), { op: "splitLesson", lessonId: "l1", beforeBlockId: "h1" }).message).toContain("starts lesson");
    expect(refusal(sampleDoc(), { op: "splitLesson", lessonId: "l1", beforeBlockId: "d1" }).message).toBe("Paragraph d1 is not in lesson “The meeting”.");
    expect(refusal(sampleDoc(), { op: "mergeLessons", lessonId: "l2" }).message).toContain("is the last lesson");
    expect(refusal(sampleDoc(), { op: "mergeLessons", lessonId: "l9" }).code).toBe("not_found");
  });

  it("refuses a merge that would have more than 8 objectives", () => {
    let doc = apply(sampleDoc(), { op: "lessonDetails", lessonId: "l1", title: "A", objectives: ["1", "2", "3", "4", "5"], summary: null });
    doc = apply(doc, { op: "lessonDetails", lessonId: "l2", title: "B", objectives: ["6", "7", "8", "9"], summary: "  " });
    expect(doc.lessons[1]?.summary).toBeNull();
    expect(refusal(doc, { op: "mergeLessons", lessonId: "l1" }).message).toContain("9 objectives");
  });

  it("writes a lesson's title, objectives and summary", () => {
    const doc = apply(sampleDoc(), { op: "lessonDetails", lessonId: "l2", title: " Dialogue ", objectives: ["Spot the invention"], summary: "Made up." });
    expect(doc.lessons[1]).toMatchObject({ title: "Dialogue", objectives: ["Spot the invention"], summary: "Made up." });
    expect(ArticleEditSchema.safeParse({ op: "lessonDetails", lessonId: "l2", title: "x", objectives: Array(9).fill("o"), summary: null }).success).toBe(false);
  });
});

describe("notes, glossary, phases, events, meta", () => {
  const note = {
    blockId: "p2",
    claim: "The plan failed within a week",
    verdict: "imprecise" as const,
    verifiedFact: "It collapsed after nine days.",
    sources: [{ title: "Report", url: "https://example.org/r", date: "2016-09-19" }],
  };

  it("creates a note with a minted id, replaces it by id and deletes it", () => {
    let doc = apply(sampleDoc(), { op: "upsertNote", note });
    expect(doc.contextNotes.map((n) => n.id)).toEqual(["n1", "n100"]);
    doc = apply(doc, { op: "upsertNote", note: { ...note, id: "n100", verdict: "confirmed" } });
    expect(doc.contextNotes[1]?.verdict).toBe("confirmed");
    doc = apply(doc, { op: "deleteNote", noteId: "n100" });
    expect(doc.contextNotes.map((n) => n.id)).toEqual(["n1"]);
    expect(refusal(doc, { op: "deleteNote", noteId: "n100" }).message).toBe("There is no context note with the id n100 in this article.");
  });

  it("refuses references to blocks that do not exist, unsafe URLs and ids already taken", () => {
    expect(refusal(sampleDoc(), { op: "upsertNote", note: { ...note, blockId: "p9" } }).message).toBe(
      "The context note points at paragraph p9, which is not in this article.",
    );
    expect(refusal(sampleDoc(), { op: "upsertNote", note: { ...note, sources: [{ title: "x", url: "javascript:alert(1)", date: null }] } }).code).toBe(
      "invalid_input",
    );
    expect(refusal(sampleDoc(), { op: "upsertNote", note: { ...note, id: "p1" } }).code).toBe("conflict");
    expect(refusal(sampleDoc(), { op: "upsertNote", note: { ...note, relatedBlockIds: ["c9"] } }).message).toBe(
      "The context note points at paragraph c9, which is not in this article.",
    );
    const invalid = refusal(sampleDoc(), { op: "upsertNote", note: { ...note, sources: [{ title: "x", url: "ftp://example.org", date: null }] } });
    expect(invalid.fields).toHaveProperty(["note.sources.0.url"]);
    expect(invalid.message).toContain("note.sources.0.url");
    expect(refusal(sampleDoc(), { op: "upsertTerm", term: { term: "X", definition: "Y", blockIds: ["p1", "nope"] } }).message).toContain("paragraph nope");
  });

  it("upserts and deletes terms, phases and events", () => {
    let doc = apply(sampleDoc(), { op: "upsertTerm", term: { term: "Partnership", definition: "Working together.", blockIds: ["p1", "p1"] } });
    expect(doc.glossary[1]).toEqual({ id: "t100", term: "Partnership", definition: "Working together.", blockIds: ["p1"] });
    doc = apply(doc, { op: "deleteTerm", termId: "t1" });
    expect(doc.glossary.map((t) => t.id)).toEqual(["t100"]);

    doc = apply(doc, { op: "upsertPhase", phase: { title: "Later", startYear: 2017, endYear: 2018, summary: null, blockIds: [] } });
    expect(doc.phases.map((p) => p.id)).toEqual(["ph1", "p101"]);
    expect(refusal(doc, { op: "upsertPhase", phase: { title: "Bad", startYear: 2019, endYear: 2018, summary: null, blockIds: [] } }).message).toContain(
      "start year",
    );

    doc = apply(doc, { op: "upsertEvent", event: { title: "Ceasefire", date: "2016-09-12", phaseId: "p101", description: null, blockIds: ["p2"] } });
    expect(doc.events[1]).toMatchObject({ id: "e102", phaseId: "p101" });
    expect(refusal(doc, { op: "upsertEvent", event: { title: "X", date: "2016", phaseId: "zz", description: null, blockIds: ["p2"] } }).message).toBe(
      "There is no phase with the id zz in this article.",
    );
    // Deleting a phase keeps its events, no longer grouped under it.
    doc = apply(doc, { op: "deletePhase", phaseId: "p101" });
    expect(doc.events[1]?.phaseId).toBeNull();
    doc = apply(doc, { op: "deleteEvent", eventId: "e1" });
    expect(doc.events.map((e) => e.id)).toEqual(["e102"]);
  });

  it("replaces the meta, refusing a bad date or URL", () => {
    const meta = { ...sampleDoc().meta, title: "New title", date: "2016-09-30", url: null };
    expect(apply(sampleDoc(), { op: "meta", meta }).meta).toEqual(meta);
    expect(refusal(sampleDoc(), { op: "meta", meta: { ...meta, date: "30 Sept" } }).code).toBe("invalid_input");
    expect(refusal(sampleDoc(), { op: "meta", meta: { ...meta, url: "data:text/html,x" } }).code).toBe("invalid_input");
  });
});

describe("labellingProgress and publishProblems", () => {
  it("counts shown sentences only", () => {
    expect(labellingProgress(sampleDoc())).toEqual({ labelled: 7, total: 9 });
    const doc = apply(sampleDoc(), { op: "show", blockId: "c1" });
    expect(labellingProgress(doc)).toEqual({ labelled: 7, total: 10 });
  });

  it("names the unlabelled sentences, the first by paragraph number and text", () => {
    expect(publishProblems(sampleDoc())).toEqual(["2 sentences have no label yet, the first in paragraph 2: “Nobody else was in the room.”"]);
    const one = apply(sampleDoc(), { op: "label", sentenceIds: ["s4"], label: "reported-fact" });
    expect(publishProblems(one)).toEqual(["1 sentence has no label yet, in paragraph 3: “The plan failed within a week.”"]);
    // A sentence that is itself a quotation keeps its own marks, not doubled ones.
    const quote = applyEdit(applyEdit(sampleDoc(), { op: "label", sentenceIds: ["s4", "s6"], label: "reported-fact" }), {
      op: "label",
      sentenceIds: ["s5"],
      label: null,
    });
    expect(publishProblems(quote)).toEqual(["1 sentence has no label yet, in paragraph 3: “We have a plan,” Kerry said."]);
    const ready = apply(one, { op: "label", sentenceIds: ["s6"], label: "opinion" });
    expect(publishProblems(ready)).toEqual([]);
  });

  it("finds blocks in no lesson, lessons out of order, and references to blocks that are gone", () => {
    const doc = apply(sampleDoc(), { op: "label", sentenceIds: ["s4", "s6"], label: "opinion" });
    const shown = apply(doc, { op: "show", blockId: "c1" });
    expect(publishProblems(shown)).toEqual(expect.arrayContaining(["1 sentence has no label yet, in paragraph 4: “[Getty]”", "Paragraph 4 is in no lesson."]));

    const broken = structuredClone(doc);
    broken.lessons.reverse();
    broken.contextNotes[0] = { ...doc.contextNotes[0]!, blockId: "gone" };
    broken.lessons[0]!.title = " ";
    expect(publishProblems(broken)).toEqual([
      "Lesson 1 has no title.",
      "The lessons are not in article order (from lesson “The meeting”).",
      "The context note “met in Geneva on 9 September 2016” points at a paragraph that no longer exists.",
    ]);

    const none = { ...doc, lessons: [] };
    expect(publishProblems(none)).toEqual(["The article has no lessons yet."]);
  });
});

describe("the built-in article as a document", () => {
  const builtIn = fromContent(getContent());

  it("can publish as it is, every shown sentence labelled", () => {
    expect(publishProblems(builtIn)).toEqual([]);
    const progress = labellingProgress(builtIn);
    expect(progress.labelled).toBe(progress.total);
    expect(progress.total).toBeGreaterThan(70);
  });

  it("edits like any other: a split block's new id joins its lesson, and clearing a label stops publishing", () => {
    const paragraph = builtIn.blocks.find((b) => b.sentences.length > 1 && b.hiddenReason === undefined)!;
    const split = apply(builtIn, { op: "splitBlock", blockId: paragraph.id, beforeSentenceId: paragraph.sentences[1]!.id });
    expect(split.blocks.some((b) => b.id === "b1")).toBe(true);
    expect(publishProblems(split)).toEqual([]);
    const cleared = apply(split, { op: "label", sentenceIds: [paragraph.sentences[1]!.id], label: null });
    expect(publishProblems(cleared)).toEqual([expect.stringMatching(/^1 sentence has no label yet, in paragraph \d+: “/)]);
  });
});

describe("any sequence of edits keeps the document valid", () => {
  /** A small deterministic generator, so a failure reproduces. */
  function rng(seed: number) {
    let state = seed >>> 0;
    return () => {
      state = (state * 1664525 + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
  }

  function randomEdit(doc: ArticleDoc, random: () => number): ArticleEditInput {
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const b = pick(doc.blocks);
    const s = pick(b.sentences);
    const l = pick<{ id: string; blockIds: string[] }>(doc.lessons.length > 0 ? doc.lessons : [{ id: "none", blockIds: [b.id] }]);
    const ops: (() => ArticleEditInput)[] = [
      () => ({ op: "label", sentenceIds: [s.id, pick(pick(doc.blocks).sentences).id], label: random() < 0.2 ? null : pick(LABEL_VALUES) }),
      () => ({ op: "labelNote", sentenceId: s.id, note: random() < 0.5 ? null : "Because." }),
      () => ({ op: "speaker", sentenceId: s.id, speaker: random() < 0.5 ? null : "Kerry" }),
      () => ({ op: "splitSentence", sentenceId: s.id, at: Math.floor(random() * (s.text.length + 2)) }),
      () => ({ op: "joinSentences", sentenceId: s.id }),
      () => ({ op: "splitBlock", blockId: b.id, beforeSentenceId: s.id }),
      () => ({ op: "joinBlocks", blockId: b.id }),
      () => ({ op: "setKind", blockId: b.id, kind: pick(BLOCK_KINDS) }),
      () => ({ op: "hide", blockId: b.id, reason: "Furniture" }),
      () => ({ op: "show", blockId: b.id }),
      () => ({ op: "splitLesson", lessonId: l.id, beforeBlockId: pick(l.blockIds) }),
      () => ({ op: "mergeLessons", lessonId: l.id }),
      () => ({
        op: "upsertNote",
        note: {
          blockId: b.id,
          relatedBlockIds: [pick(doc.blocks).id],
          claim: "c",
          verdict: "disputed",
          verifiedFact: "f",
          sources: [{ title: "t", url: "https://example.org", date: null }],
        },
      }),
      () => ({ op: "upsertTerm", term: { term: "w", definition: "d", blockIds: [b.id] } }),
      () => ({ op: "upsertEvent", event: { title: "e", date: "2016", phaseId: null, description: null, blockIds: [b.id] } }),
      () => (doc.contextNotes[0] ? { op: "deleteNote", noteId: doc.contextNotes[0].id } : { op: "show", blockId: b.id }),
    ];
    return pick(ops)();
  }

  it.each([
    [1, "sample"],
    [2, "sample"],
    [3, "sample"],
    [4, "sample"],
    [5, "built-in"],
  ] as const)("seed %i, %s article: 400 random edits, each result valid, consistent and the words unchanged", (seed, start) => {
    const random = rng(seed);
    let doc = start === "sample" ? sampleDoc() : fromContent(getContent());
    // Joins put one space where a split cut, so compare the text without its whitespace.
    const letters = (d: ArticleDoc) => words(d).replace(/\s/g, "");
    const originalLetters = letters(doc);
    let applied = 0;
    let refused = 0;
    for (let i = 0; i < 400; i += 1) {
      const edit = randomEdit(doc, random);
      let next: ArticleDoc;
      try {
        next = applyEdit(doc, edit);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        refused += 1;
        continue;
      }
      applied += 1;
      expect(ArticleDocSchema.safeParse(next).error).toBeUndefined();
      // Every id unique; every reference resolves; lessons contiguous and in order.
      const ids = [...next.blocks.map((x) => x.id), ...next.blocks.flatMap((x) => x.sentences.map((y) => y.id))];
      expect(new Set(ids).size).toBe(ids.length);
      expect(publishProblems(next).filter((p) => !p.includes("no label") && !p.includes("in no lesson"))).toEqual([]);
      const order = next.lessons.flatMap((x) => x.blockIds).map((id) => next.blocks.findIndex((x) => x.id === id));
      expect(order.every((pos, k) => pos >= 0 && (k === 0 || pos > order[k - 1]!))).toBe(true);
      for (const lesson of next.lessons) {
        const positions = lesson.blockIds.map((id) => next.blocks.findIndex((x) => x.id === id));
        expect(
          positions.every((pos, k) => k === 0 || pos === positions[k - 1]! + 1),
          JSON.stringify({ edit, before: doc.lessons, blocks: doc.blocks.map((x) => x.id), after: next.lessons }),
        ).toBe(true);
      }
      expect(letters(next)).toBe(originalLetters);
      doc = next;
    }
    expect(applied).toBeGreaterThan(150);
    expect(refused).toBeGreaterThan(10);
  });
});
