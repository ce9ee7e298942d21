/**
 * Where a draft stands: how much is labelled, and what still stops it from being published.
 * Plain functions over the document, with no zod, so the workspace's client code uses them too.
 */
import type { ArticleDoc, DocBlock, DocSentence } from "./schema";

/** How much of the shown text is labelled (hidden blocks are not counted). */
export function labellingProgress(doc: ArticleDoc): { labelled: number; total: number } {
  let labelled = 0;
  let total = 0;
  for (const block of doc.blocks) {
    if (block.hiddenReason !== undefined) continue;
    for (const s of block.sentences) {
      total += 1;
      if (s.label !== null) labelled += 1;
    }
  }
  return { labelled, total };
}

/** Everything that stops the draft from being published, in plain words; empty when it can publish. */
export function publishProblems(doc: ArticleDoc): string[] {
  const problems: string[] = [];
  const shown = doc.blocks.filter((b) => b.hiddenReason === undefined);
  const position = new Map(doc.blocks.map((b, i) => [b.id, i]));
  const shownNumber = new Map(shown.map((b, i) => [b.id, i + 1]));

  if (shown.length === 0) problems.push("Every paragraph is hidden: show at least one.");

  const unlabelled: { block: DocBlock; sentence: DocSentence }[] = [];
  for (const block of shown) for (const sentence of block.sentences) if (sentence.label === null) unlabelled.push({ block, sentence });
  const first = unlabelled[0];
  if (first) {
    const where = `paragraph ${shownNumber.get(first.block.id) ?? "?"}: ${quoted(first.sentence.text)}`;
    problems.push(
      unlabelled.length === 1 ? `1 sentence has no label yet, in ${where}` : `${unlabelled.length} sentences have no label yet, the first in ${where}`,
    );
  }

  if (doc.lessons.length === 0 && shown.length > 0) problems.push("The article has no lessons yet.");
  for (const [i, lesson] of doc.lessons.entries()) {
    if (lesson.title.trim() === "") problems.push(`Lesson ${i + 1} has no title.`);
  }

  // Lessons must cover every shown block exactly once, in article order.
  const seen = new Map<string, string>();
  let last = -1;
  let outOfOrder: string | null = null;
  for (const lesson of doc.lessons) {
    for (const blockId of lesson.blockIds) {
      const at = position.get(blockId);
      if (at === undefined) {
        problems.push(`Lesson “${lesson.title}” lists a paragraph that no longer exists (${blockId}).`);
        continue;
      }
      const earlier = seen.get(blockId);
      if (earlier !== undefined) problems.push(`Paragraph ${describeBlock(blockId, shownNumber)} is in lesson “${earlier}” and again in “${lesson.title}”.`);
      seen.set(blockId, lesson.title);
      if (at <= last && outOfOrder === null) outOfOrder = lesson.title;
      last = Math.max(last, at);
    }
  }
  if (outOfOrder !== null) problems.push(`The lessons are not in article order (from lesson “${outOfOrder}”).`);
  const uncovered = shown.filter((b) => !seen.has(b.id));
  const firstUncovered = uncovered[0];
  if (firstUncovered && doc.lessons.length > 0) {
    problems.push(
      uncovered.length === 1
        ? `Paragraph ${shownNumber.get(firstUncovered.id)} is in no lesson.`
        : `${uncovered.length} paragraphs are in no lesson, the first is paragraph ${shownNumber.get(firstUncovered.id)}.`,
    );
  }

  const exists = (blockId: string) => position.has(blockId);
  for (const note of doc.contextNotes) {
    if (!exists(note.blockId) || !(note.relatedBlockIds ?? []).every(exists))
      problems.push(`The context note ${quoted(note.claim)} points at a paragraph that no longer exists.`);
  }
  for (const term of doc.glossary) {
    if (!term.blockIds.every(exists)) problems.push(`The glossary term “${term.term}” points at a paragraph that no longer exists.`);
  }
  for (const phase of doc.phases) {
    if (!phase.blockIds.every(exists)) problems.push(`The phase “${phase.title}” points at a paragraph that no longer exists.`);
  }
  const phaseIds = new Set(doc.phases.map((p) => p.id));
  for (const event of doc.events) {
    if (!event.blockIds.every(exists)) problems.push(`The event “${event.title}” points at a paragraph that no longer exists.`);
    if (event.phaseId !== null && !phaseIds.has(event.phaseId)) problems.push(`The event “${event.title}” belongs to a phase that no longer exists.`);
  }
  return problems;
}

/** The excerpt in quotation marks, unless it already starts with one (a quote's sentence): never “““. */
function quoted(text: string): string {
  const shown = excerpt(text);
  return /^[“"‘']/.test(shown) ? shown : `“${shown}”`;
}

function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function describeBlock(blockId: string, shownNumber: Map<string, number>): string {
  const n = shownNumber.get(blockId);
  return n === undefined ? blockId : String(n);
}
