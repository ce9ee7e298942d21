// The built-in lesson pages render from the same ArticleView as imported ones (decision 0045).
// These checks hold that view to what `content/` says, so the move changed no word, label,
// paragraph number, reading count or key term a reader sees.
import { describe, expect, it } from "vitest";
import {
  getBackMatterBlocks,
  getBlocks,
  getContextNotes,
  getContextNotesFor,
  getEventsForPhase,
  getFrontMatterBlocks,
  getGlossaryForLesson,
  getLessonBlocks,
  getLessons,
  getParagraphPlace,
  getPhases,
  readingMinutes,
} from "@/lib/content";
import { builtInView } from "./built-in";
import { toRenderBlock } from "./view";

const view = builtInView();

describe("the built-in article's view", () => {
  it("has content/'s lessons, in order, keyed by their slugs", () => {
    expect(view.lessons.map((l) => [l.key, l.number, l.title])).toEqual(getLessons().map((l, i) => [l.slug, i + 1, l.title]));
  });

  it.each(getLessons().map((l) => [l.slug, l] as const))("shows lesson %s as content/ does: front matter, its text, end matter", (slug, lesson) => {
    const viewLesson = view.lessonByKey(slug);
    if (!viewLesson) throw new Error(`no lesson ${slug}`);
    const parts = view.lessonParts(viewLesson);
    const ids = (blocks: readonly { id: string }[]) => blocks.map((b) => b.id);
    expect(ids(parts.front)).toEqual(lesson.showFrontMatter ? ids(getFrontMatterBlocks()) : []);
    expect(ids(parts.body)).toEqual(ids(getLessonBlocks(slug)));
    expect(ids(parts.back)).toEqual(lesson.showBackMatter ? ids(getBackMatterBlocks()) : []);
    // Reading progress counts the lesson's own text only, as it always has.
    expect(view.readingBlockIds(viewLesson)).toEqual(ids(getLessonBlocks(slug)));
    expect(view.readingMinutes(viewLesson)).toBe(readingMinutes(slug));
    expect(view.glossaryFor(viewLesson).map((t) => t.id)).toEqual(getGlossaryForLesson(slug).map((t) => t.id));
    expect(viewLesson.titleSource).toBe(lesson.titleSource);
  });

  it("renders every shown block with content/'s text, label, note and sentence labels", () => {
    const shown = getBlocks().filter((b) => b.display !== false);
    expect(shown.length).toBeGreaterThan(40);
    for (const block of shown) {
      const docBlock = view.block(block.id);
      if (!docBlock) throw new Error(`no block ${block.id}`);
      const rendered = toRenderBlock(docBlock);
      expect({ id: rendered.id, kind: rendered.kind, label: rendered.label, text: rendered.text, labelNote: rendered.labelNote }).toEqual({
        id: block.id,
        kind: block.kind,
        label: block.label,
        text: block.text,
        labelNote: block.labelNote,
      });
      expect(rendered.sentences).toEqual(block.sentences);
      expect(view.notesFor(block.id).map((n) => n.id)).toEqual(getContextNotesFor(block.id).map((n) => n.id));
    }
  });

  it("keeps a paragraph's hand-chosen label even where its sentences' labels tie or outnumber it", () => {
    // eye-p16: one reported fact and two opinions; content/ labels the paragraph a reported fact.
    const block = view.block("eye-p16");
    if (!block) throw new Error("no eye-p16");
    expect(block.sentences.filter((s) => s.label === "opinion")).toHaveLength(2);
    expect(toRenderBlock(block).label).toBe("reported-fact");
    // A choice no sentence carries any more (after relabelling) falls back to the commonest.
    const relabelled = { ...block, sentences: block.sentences.map((s) => ({ ...s, label: "opinion" as const })) };
    expect(toRenderBlock(relabelled).label).toBe("opinion");
  });

  it("numbers paragraphs as content/ does", () => {
    for (const block of getBlocks()) {
      const place = getParagraphPlace(block.id);
      expect(view.paragraphPlace(block.id)?.label).toBe(place?.label);
    }
  });

  it("gives the timeline content/'s phases and events, their notes, and flags the same events as told only in opinion or dialogue", () => {
    expect(view.doc.phases.map((p) => p.id)).toEqual(getPhases().map((p) => p.id));
    const notes = getContextNotes();
    for (const phase of getPhases()) {
      const events = getEventsForPhase(phase.id);
      expect(view.doc.events.filter((e) => e.phaseId === phase.id).map((e) => e.id)).toEqual(events.map((e) => e.id));
      for (const event of events) {
        const docEvent = view.doc.events.find((e) => e.id === event.id);
        if (!docEvent) throw new Error(`no event ${event.id}`);
        // content/ states the flag by hand; the view derives it from the labels: they must agree.
        expect(view.mentionedOnlyIn(docEvent)).toBe(event.mentionedOnlyIn ?? null);
        expect(view.notesForEvent(docEvent).map((n) => n.id)).toEqual(notes.filter((n) => event.contextNoteIds.includes(n.id)).map((n) => n.id));
        expect([docEvent.place, docEvent.people ?? []]).toEqual([event.place, event.people]);
      }
    }
    expect(view.doc.events.filter((e) => view.mentionedOnlyIn(e) !== null).length).toBeGreaterThan(0);
  });
});
