/**
 * Extracted text as a new article document (decision 0039): blocks `b1`, `b2` … and sentences
 * `s1` … numbered from one counter in reading order, `nextId` after them; every sentence
 * unlabelled; a heading is one sentence (never segmented); each heading starts a section and
 * each section is a default lesson (`l1` …) the teacher can split, merge and describe later.
 */
import { ArticleDocSchema, type ArticleDoc, type DocBlock, type DocLesson, type DocMeta } from "@/lib/articles/schema";
import { MAX_SENTENCE_LENGTH, splitSentences } from "@/lib/articles/segment";
import { DomainError } from "@/lib/errors";
import type { ExtractedArticle } from "./extract";

const LESSON_TITLE_LENGTH = 300;

export function buildArticleDoc(extracted: ExtractedArticle, meta: DocMeta): ArticleDoc {
  let next = 1;
  const blocks: DocBlock[] = [];
  const lessons: DocLesson[] = [];
  let section: DocLesson | null = null;
  for (const block of extracted.blocks) {
    const texts = block.kind === "heading" && block.text.length <= MAX_SENTENCE_LENGTH ? [block.text] : splitSentences(block.text);
    if (texts.length === 0) continue;
    const tooLong = texts.find((text) => text.length > MAX_SENTENCE_LENGTH);
    if (tooLong !== undefined)
      throw new DomainError(
        "invalid_input",
        `A sentence of ${tooLong.length.toLocaleString("en")} characters without a space to break it at (beginning “${tooLong.slice(0, 40)}…”) is longer than the limit of ${MAX_SENTENCE_LENGTH.toLocaleString("en")}.`,
      );
    const id = `b${next++}`;
    blocks.push({ id, kind: block.kind, sentences: texts.map((text) => ({ id: `s${next++}`, text, label: null })) });
    if (block.kind === "heading" || !section) {
      section = {
        id: `l${lessons.length + 1}`,
        title: block.kind === "heading" ? lessonTitle(block.text) : meta.title,
        blockIds: [],
        objectives: [],
        summary: null,
      };
      lessons.push(section);
    }
    section.blockIds.push(id);
  }
  return ArticleDocSchema.parse({ meta, blocks, lessons, contextNotes: [], glossary: [], phases: [], events: [], nextId: next });
}

function lessonTitle(heading: string): string {
  return heading.length <= LESSON_TITLE_LENGTH
    ? heading
    : heading
        .slice(0, LESSON_TITLE_LENGTH + 1)
        .replace(/\s+\S*$/, "")
        .slice(0, LESSON_TITLE_LENGTH);
}
