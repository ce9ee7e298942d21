// The lessons and the article's text, read as files (the Playwright loader cannot import JSON
// without an import attribute), to compare what the browser shows with the source.
import fs from "node:fs";
import path from "node:path";
import type { Block, Lesson } from "../../lib/content/schema";

const read = (file: string) => JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../content", file), "utf8"));

export const lessons: Lesson[] = read("lessons.json").lessons;
const blocks = new Map<string, Block>((read("article.json").blocks as Block[]).map((block) => [block.id, block]));

/** A lesson's shown paragraphs and quotes with their text as the page runs it: whole, or sentence by sentence when sentences are labelled apart. */
export function lessonText(lesson: Lesson): { id: string; texts: string[] }[] {
  return lesson.blockIds
    .flatMap((id) => blocks.get(id) ?? [])
    .filter((block) => block.display !== false && (block.kind === "paragraph" || block.kind === "quote"))
    .map((block) => ({ id: block.id, texts: block.sentences?.map((sentence) => sentence.text) ?? [block.text] }));
}
