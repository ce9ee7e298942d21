/**
 * What pages need from one article document: its lessons and their shown blocks, the notes and
 * glossary terms beside them, where a paragraph sits. Built once per published version and kept
 * (`viewOfVersion`), so a lesson page never re-reads or re-walks the whole article per request.
 */
import type { Label, Verdict } from "@/lib/content/schema";
import type { ArticleDoc, DocBlock, DocContextNote, DocEvent, DocGlossaryTerm, DocLesson } from "./schema";

/** The fields of a block the reading components render (the built-in `content/` blocks have them too). */
export type RenderBlock = {
  id: string;
  kind: DocBlock["kind"];
  label: Label;
  text: string;
  labelNote?: string;
  sentences?: { text: string; label: Label }[];
};

/** The fields of a context note the reading components render (the built-in notes have them too). */
export type ReaderNote = {
  id: string;
  claim: string;
  verdict: Verdict;
  verifiedFact: string;
  sources: readonly { title: string; url: string; date?: string | null; publisher?: string }[];
};

export type ViewLesson = DocLesson & { key: string; number: number };

/**
 * The label a block shows: its sentences' label or, when they are mixed (each sentence then shows
 * its own), the one an editor chose for the paragraph, else the commonest. An editor's choice no
 * sentence carries any more (after relabelling) is ignored rather than shown wrongly.
 */
export function toRenderBlock(block: DocBlock): RenderBlock {
  const labels = block.sentences.map((s) => s.label ?? "editorial-note");
  const counts = new Map<Label, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  const commonest = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "editorial-note";
  const label = block.label !== undefined && counts.has(block.label) ? block.label : commonest;
  const notes = [...new Set(block.sentences.flatMap((s) => (s.labelNote ? [s.labelNote] : [])))];
  const text = block.sentences.map((s) => s.text).join(" ");
  return {
    id: block.id,
    kind: block.kind,
    label,
    text,
    ...(notes.length > 0 ? { labelNote: notes.join(" ") } : {}),
    ...(counts.size > 1 ? { sentences: block.sentences.map((s, i) => ({ text: s.text, label: labels[i] ?? label })) } : {}),
  };
}

const WORDS_PER_MINUTE = 200;

export class ArticleView {
  readonly lessons: readonly ViewLesson[];
  private readonly blockById: Map<string, DocBlock>;
  private readonly lessonOfBlock = new Map<string, ViewLesson>();
  private readonly notesByBlock = new Map<string, DocContextNote[]>();
  private readonly sentenceById = new Map<string, { block: DocBlock; text: string; label: Label | null }>();

  constructor(
    readonly doc: ArticleDoc,
    /** The global lesson key (PublishedLesson.slug) of a lesson id. */
    keyOf: (lessonId: string) => string,
  ) {
    this.blockById = new Map(doc.blocks.map((b) => [b.id, b]));
    this.lessons = doc.lessons.map((lesson, i) => ({ ...lesson, key: keyOf(lesson.id), number: i + 1 }));
    for (const lesson of this.lessons) for (const id of lesson.blockIds) this.lessonOfBlock.set(id, lesson);
    for (const block of doc.blocks) for (const s of block.sentences) this.sentenceById.set(s.id, { block, text: s.text, label: s.label });
    for (const note of doc.contextNotes) {
      for (const id of [note.blockId, ...(note.relatedBlockIds ?? [])]) this.notesByBlock.set(id, [...(this.notesByBlock.get(id) ?? []), note]);
    }
  }

  lessonByKey(key: string): ViewLesson | undefined {
    return this.lessons.find((l) => l.key === key);
  }

  block(id: string): DocBlock | undefined {
    return this.blockById.get(id);
  }

  /** The lesson's shown blocks, in order (hidden ones stay in the document, never on the page). */
  shownBlocks(lesson: DocLesson): DocBlock[] {
    return lesson.blockIds.flatMap((id) => {
      const block = this.blockById.get(id);
      return block && block.hiddenReason === undefined ? [block] : [];
    });
  }

  /**
   * What the lesson page shows, in three parts: the article's headline and introduction, the
   * lesson's own text (what reading progress counts), and the article's end matter.
   */
  lessonParts(lesson: DocLesson): { front: DocBlock[]; body: DocBlock[]; back: DocBlock[] } {
    const shown = this.shownBlocks(lesson);
    return {
      front: shown.filter((b) => b.matter === "front"),
      body: shown.filter((b) => b.matter === undefined),
      back: shown.filter((b) => b.matter === "back"),
    };
  }

  /** The blocks a reader must reach for the lesson to count as read: its own text, not the front or end matter. */
  readingBlockIds(lesson: DocLesson): string[] {
    return this.lessonParts(lesson).body.map((b) => b.id);
  }

  notesFor(blockId: string): readonly DocContextNote[] {
    return this.notesByBlock.get(blockId) ?? [];
  }

  glossaryFor(lesson: DocLesson): DocGlossaryTerm[] {
    if (lesson.glossaryIds) return lesson.glossaryIds.flatMap((id) => this.doc.glossary.filter((t) => t.id === id));
    const ids = new Set(lesson.blockIds);
    return this.doc.glossary.filter((t) => t.blockIds.some((id) => ids.has(id)));
  }

  lessonOf(blockId: string): ViewLesson | undefined {
    return this.lessonOfBlock.get(blockId);
  }

  /** "Lesson 2, paragraph 5", counting only what the lesson page shows, as a reader counts. */
  paragraphPlace(blockId: string): { lesson: ViewLesson; paragraphNumber: number; label: string } | undefined {
    const lesson = this.lessonOfBlock.get(blockId);
    if (!lesson) return undefined;
    const index = this.shownBlocks(lesson).findIndex((b) => b.id === blockId);
    if (index < 0) return undefined;
    return { lesson, paragraphNumber: index + 1, label: `Lesson ${lesson.number}, paragraph ${index + 1}` };
  }

  /** The context notes about a dated event: those named for it, else those on its paragraphs. */
  notesForEvent(event: DocEvent): DocContextNote[] {
    if (event.contextNoteIds) {
      const ids = new Set(event.contextNoteIds);
      return this.doc.contextNotes.filter((n) => ids.has(n.id));
    }
    const blocks = new Set(event.blockIds);
    return this.doc.contextNotes.filter((n) => blocks.has(n.blockId));
  }

  /**
   * When every sentence that mentions an event is the author's opinion or imagined dialogue, the
   * timeline says so, so an event the record may not support is never shown as plain fact.
   */
  mentionedOnlyIn(event: DocEvent): "opinion" | "imagined-dialogue" | null {
    const labels = new Set(event.blockIds.flatMap((id) => this.blockById.get(id)?.sentences.map((s) => s.label) ?? []));
    if (labels.size === 0) return null;
    if ([...labels].every((l) => l === "imagined-dialogue")) return "imagined-dialogue";
    if ([...labels].every((l) => l === "opinion" || l === "imagined-dialogue")) return "opinion";
    return null;
  }

  readingMinutes(lesson: DocLesson): number {
    const words = this.shownBlocks(lesson).reduce((n, b) => n + b.sentences.reduce((m, s) => m + s.text.split(/\s+/).filter(Boolean).length, 0), 0);
    return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
  }

  /** A sentence by id, with its block: what a question's source picker and "show in text" read. */
  sentence(id: string): { block: DocBlock; text: string; label: Label | null } | undefined {
    return this.sentenceById.get(id);
  }
}
