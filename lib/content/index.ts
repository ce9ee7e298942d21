/**
 * The article content, validated once when this module is first imported.
 *
 * The JSON files are imported statically so the build bundles them; `validateContent`
 * throws at import (and so at build time) if any file is malformed or inconsistent.
 * Lesson pages link to a block with `/lessons/<slug>#<blockId>` (see getLessonForBlock).
 */
import articleJson from "@/content/article.json";
import contextNotesJson from "@/content/context-notes.json";
import eventsJson from "@/content/events.json";
import glossaryJson from "@/content/glossary.json";
import lessonsJson from "@/content/lessons.json";
import phasesJson from "@/content/phases.json";
import type { Article, Block, Content, ContextNote, GlossaryTerm, Lesson, Phase, TimelineEvent } from "./schema";
import { validateContent } from "./validate";

export type { Article, Block, ContextNote, GlossaryTerm, Label, Lesson, Objective, Phase, Section, Sentence, Source, TimelineEvent, Verdict } from "./schema";
export { ContentValidationError, validateContent } from "./validate";
export { LABELS, LABEL_DESCRIPTIONS, VERDICTS } from "./labels";

const content = validateContent({
  article: articleJson,
  lessons: lessonsJson,
  glossary: glossaryJson,
  contextNotes: contextNotesJson,
  phases: phasesJson,
  events: eventsJson,
});

const WORDS_PER_MINUTE = 200;

const blocks = content.article.blocks;
const blockById = new Map(blocks.map((b) => [b.id, b]));
const lessonBySlug = new Map(content.lessons.map((l) => [l.slug, l]));
const lessonSlugByBlock = new Map<string, string>();
for (const lesson of content.lessons) for (const id of lesson.blockIds) lessonSlugByBlock.set(id, lesson.slug);
const termById = new Map(content.glossary.map((t) => [t.id, t]));

const isDisplayed = (b: Block) => b.display !== false;
const byId = (id: string): Block => {
  const b = blockById.get(id);
  if (!b) throw new Error(`Unknown block "${id}"`);
  return b;
};
const requireLesson = (slug: string): Lesson => {
  const l = lessonBySlug.get(slug);
  if (!l) throw new Error(`Unknown lesson "${slug}"`);
  return l;
};

/** Everything in `content/`, validated: what the seed stores as the built-in article (decision 0039). */
export function getContent(): Content {
  return content;
}

export function getArticle(): Article {
  return content.article;
}

/** All blocks in article order, including hidden ones (check `display`). */
export function getBlocks(): readonly Block[] {
  return blocks;
}

export function getBlock(id: string): Block | undefined {
  return blockById.get(id);
}

/** The displayed front-matter blocks (title, standfirst, lead caption, editor's note). */
export function getFrontMatterBlocks(): readonly Block[] {
  return blocks.filter((b) => b.section === "front-matter" && isDisplayed(b));
}

/** The displayed back-matter blocks (series teaser, author bio, disclaimer). */
export function getBackMatterBlocks(): readonly Block[] {
  return blocks.filter((b) => b.section === "back-matter" && isDisplayed(b));
}

export function getLessons(): readonly Lesson[] {
  return content.lessons;
}

export function getLesson(slug: string): Lesson | undefined {
  return lessonBySlug.get(slug);
}

/**
 * The lesson's own displayed blocks, in order. Front or back matter is not included; show
 * getFrontMatterBlocks()/getBackMatterBlocks() when `showFrontMatter`/`showBackMatter` is set.
 * Throws for an unknown slug (check with getLesson first).
 */
export function getLessonBlocks(slug: string): readonly Block[] {
  return requireLesson(slug).blockIds.map(byId).filter(isDisplayed);
}

export function getAdjacentLessons(slug: string): { previous?: Lesson; next?: Lesson } {
  const i = content.lessons.findIndex((l) => l.slug === slug);
  if (i < 0) throw new Error(`Unknown lesson "${slug}"`);
  return { previous: content.lessons[i - 1], next: content.lessons[i + 1] };
}

/**
 * The lesson that shows a block, and the link to it (for "show in text"). Front and back
 * matter belong to the lessons that show them; hidden blocks have no link.
 */
export function getLessonForBlock(blockId: string): { lesson: Lesson; href: string } | undefined {
  const block = blockById.get(blockId);
  if (!block || !isDisplayed(block)) return undefined;
  let lesson: Lesson | undefined;
  const slug = lessonSlugByBlock.get(blockId);
  if (slug) lesson = lessonBySlug.get(slug);
  else if (block.section === "front-matter") lesson = content.lessons.find((l) => l.showFrontMatter);
  else if (block.section === "back-matter") lesson = content.lessons.find((l) => l.showBackMatter);
  return lesson ? { lesson, href: `/lessons/${lesson.slug}#${blockId}` } : undefined;
}

/** Where a paragraph sits, as a reader would name it: "Lesson 4, paragraph 5". */
export type ParagraphPlace = { lesson: Lesson; lessonNumber: number; paragraphNumber: number; href: string; label: string };

/**
 * Paragraphs are numbered in the order the lesson page shows them (front matter first, back
 * matter last), counting only what is shown, so the number matches what a reader counts.
 */
export function getParagraphPlace(blockId: string): ParagraphPlace | undefined {
  const target = getLessonForBlock(blockId);
  if (!target) return undefined;
  const { lesson, href } = target;
  const shown = [
    ...(lesson.showFrontMatter ? getFrontMatterBlocks() : []),
    ...getLessonBlocks(lesson.slug),
    ...(lesson.showBackMatter ? getBackMatterBlocks() : []),
  ];
  const paragraphNumber = shown.findIndex((b) => b.id === blockId) + 1;
  const lessonNumber = content.lessons.indexOf(lesson) + 1;
  return { lesson, lessonNumber, paragraphNumber, href, label: `Lesson ${lessonNumber}, paragraph ${paragraphNumber}` };
}

/** Reading time in whole minutes (at least 1) for everything the lesson page shows. */
export function readingMinutes(slug: string): number {
  const lesson = requireLesson(slug);
  const shown = [
    ...(lesson.showFrontMatter ? getFrontMatterBlocks() : []),
    ...getLessonBlocks(slug),
    ...(lesson.showBackMatter ? getBackMatterBlocks() : []),
  ];
  const words = shown.reduce((n, b) => n + b.text.split(/\s+/).filter(Boolean).length, 0);
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

export function getPhases(): readonly Phase[] {
  return content.phases;
}

export function getPhase(id: string): Phase | undefined {
  return content.phases.find((p) => p.id === id);
}

/** All timeline events in chronological order. */
export function getEvents(): readonly TimelineEvent[] {
  return content.events;
}

export function getEventsForPhase(phaseId: string): readonly TimelineEvent[] {
  return content.events.filter((e) => e.phaseId === phaseId);
}

export function getGlossary(): readonly GlossaryTerm[] {
  return content.glossary;
}

export function getGlossaryTerm(id: string): GlossaryTerm | undefined {
  return termById.get(id);
}

/** The lesson's glossary terms, in the order the lesson lists them. */
export function getGlossaryForLesson(slug: string): readonly GlossaryTerm[] {
  return requireLesson(slug).glossaryTermIds.map((id) => {
    const t = termById.get(id);
    if (!t) throw new Error(`Unknown glossary term "${id}"`);
    return t;
  });
}

export function getContextNotes(): readonly ContextNote[] {
  return content.contextNotes;
}

/** Context notes on a block: those about it and those that also concern it (e.g. a caption). */
export function getContextNotesFor(blockId: string): readonly ContextNote[] {
  return content.contextNotes.filter((n) => n.paragraphId === blockId || (n.relatedBlockIds ?? []).includes(blockId));
}
