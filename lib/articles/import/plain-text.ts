/**
 * Plain or pasted text as blocks, read as the built-in article's source is (content/source/):
 * every non-empty line is a paragraph, blank lines or not. A short line (at most 12 words) that
 * does not end like a sentence (. ! ? : ; , … ” " ’ ) ]) between two other lines is a heading; such
 * a line first, before the text, is the title.
 */
import { collapseWhitespace, type ExtractedBlock } from "./html-blocks";

const HEADING_WORDS = 12;
const SENTENCE_END = /[.!?:;,…”"’')\]]$/;

function headingLike(line: string): boolean {
  return !SENTENCE_END.test(line) && line.split(" ").length <= HEADING_WORDS;
}

export function textBlocks(text: string): { title?: string; blocks: ExtractedBlock[] } {
  const lines = text
    .split(/\r\n|[\n\r\u2028\u2029\f\v]/)
    .map(collapseWhitespace)
    .filter(Boolean);
  let title: string | undefined;
  if (lines.length > 1 && headingLike(lines[0]!)) title = lines.shift();
  const blocks = lines.map((line, i): ExtractedBlock => ({ kind: i > 0 && i < lines.length - 1 && headingLike(line) ? "heading" : "paragraph", text: line }));
  return { title, blocks };
}
