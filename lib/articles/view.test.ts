import { describe, expect, it } from "vitest";
import { sampleDoc } from "./doc-fixture";
import { ArticleView, toRenderBlock } from "./view";

const viewOf = (doc = sampleDoc()) => new ArticleView(doc, (id) => `talks-${id}`);

describe("ArticleView", () => {
  it("keys lessons, shows the shown blocks, and counts all of an imported lesson's text as reading", () => {
    const view = viewOf();
    const [first] = view.lessons;
    if (!first) throw new Error("no lesson");
    expect([first.key, first.number]).toEqual(["talks-l1", 1]);
    // Without front or end matter the whole lesson is its text.
    expect(view.lessonParts(first)).toMatchObject({ front: [], back: [] });
    expect(view.readingBlockIds(first)).toEqual(["h1", "p1", "p2"]);
    expect(view.paragraphPlace("p2")?.label).toBe("Lesson 1, paragraph 3");
  });

  it("sets front and end matter apart, out of what counts as reading", () => {
    const doc = sampleDoc();
    doc.blocks = doc.blocks.map((b) => (b.id === "h1" ? { ...b, matter: "front" as const } : b.id === "p2" ? { ...b, matter: "back" as const } : b));
    const view = viewOf(doc);
    const [first] = view.lessons;
    if (!first) throw new Error("no lesson");
    const parts = view.lessonParts(first);
    expect([parts.front, parts.body, parts.back].map((list) => list.map((b) => b.id))).toEqual([["h1"], ["p1"], ["p2"]]);
    expect(view.readingBlockIds(first)).toEqual(["p1"]);
  });

  it("lists a lesson's key terms in its own order when it names them, else those in its paragraphs", () => {
    const doc = sampleDoc();
    doc.glossary.push({ id: "t2", term: "Partnership", definition: "Working together.", blockIds: ["d1"] });
    const [l1, l2] = viewOf(doc).lessons;
    if (!l1 || !l2) throw new Error("no lessons");
    expect(
      viewOf(doc)
        .glossaryFor(l1)
        .map((t) => t.id),
    ).toEqual(["t1"]);
    doc.lessons = doc.lessons.map((l) => (l.id === "l1" ? { ...l, glossaryIds: ["t2", "t1", "gone"] } : l));
    const named = viewOf(doc);
    const lesson = named.lessons[0];
    if (!lesson) throw new Error("no lesson");
    // An id whose term was deleted is left out rather than breaking the page.
    expect(named.glossaryFor(lesson).map((t) => t.id)).toEqual(["t2", "t1"]);
  });

  it("flags an event told only in imagined dialogue or opinion, and not one with a reported fact", () => {
    const doc = sampleDoc();
    doc.events.push({ id: "e2", title: "Another try", date: "2016-10", phaseId: null, description: null, blockIds: ["d1", "d2"] });
    const view = viewOf(doc);
    const [told, imagined] = view.doc.events;
    if (!told || !imagined) throw new Error("no events");
    expect(view.mentionedOnlyIn(told)).toBeNull();
    expect(view.mentionedOnlyIn(imagined)).toBe("imagined-dialogue");
    doc.blocks = doc.blocks.map((b) => (b.id === "d2" ? { ...b, sentences: b.sentences.map((s) => ({ ...s, label: "opinion" as const })) } : b));
    expect(viewOf(doc).mentionedOnlyIn(imagined)).toBe("opinion");
  });

  it("finds an event's notes by name, or on its paragraphs when it names none", () => {
    const doc = sampleDoc();
    const view = viewOf(doc);
    const [event] = doc.events;
    if (!event) throw new Error("no event");
    expect(view.notesForEvent(event).map((n) => n.id)).toEqual(["n1"]);
    expect(view.notesForEvent({ ...event, contextNoteIds: [] })).toEqual([]);
  });

  it("shows a mixed paragraph's own label only while one of its sentences carries it", () => {
    const block = sampleDoc().blocks.find((b) => b.id === "p1");
    if (!block) throw new Error("no p1");
    expect(toRenderBlock(block).sentences?.map((s) => s.label)).toEqual(["reported-fact", "opinion", "editorial-note"]);
    expect(toRenderBlock({ ...block, label: "opinion" }).label).toBe("opinion");
    expect(toRenderBlock({ ...block, label: "imagined-dialogue" }).label).not.toBe("imagined-dialogue");
  });
});
