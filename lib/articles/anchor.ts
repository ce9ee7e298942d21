/**
 * Re-anchoring a question's source sentences after the article was edited (decision 0040).
 *
 * A question keeps a snapshot of the exact text of the sentences it rests on. After an edit,
 * `checkSources` compares the snapshot with the new document by sentence id: the same id with the
 * same text is unchanged (a label change does not touch the text); the same id with other text
 * is changed (an edit, or a split whose first part kept the id); an id that is gone is missing,
 * unless its exact text now lives under another id, in which case it is re-anchored there.
 * Changed and missing sources make the question "source changed" until the teacher confirms it.
 */
import { DomainError } from "@/lib/errors";
import type { ArticleDoc } from "./schema";

export type SourceCheck = {
  unchanged: string[];
  /** Same id, different text. */
  changed: string[];
  /** The id is gone and its text is nowhere in the document verbatim. */
  missing: string[];
  /** Gone id → the id under which its exact text now lives (not also listed as missing). */
  reanchored: Record<string, string>;
};

/** The text of each sentence, by id, as the question saw it. Refuses an id that is not in the article. */
export function sourceSnapshot(doc: ArticleDoc, sentenceIds: readonly string[]): Record<string, string> {
  const text = sentenceTexts(doc);
  const snapshot: Record<string, string> = {};
  for (const id of sentenceIds) {
    const found = text.get(id);
    if (found === undefined) throw new DomainError("not_found", `There is no sentence with the id ${id} in this article.`);
    snapshot[id] = found;
  }
  return snapshot;
}

export function checkSources(snapshot: Readonly<Record<string, string>>, doc: ArticleDoc): SourceCheck {
  const text = sentenceTexts(doc);
  let idByText: Map<string, string> | null = null;
  const result: SourceCheck = { unchanged: [], changed: [], missing: [], reanchored: {} };
  for (const [id, before] of Object.entries(snapshot)) {
    const now = text.get(id);
    if (now === before) result.unchanged.push(id);
    else if (now !== undefined) result.changed.push(id);
    else {
      // Built only when an id is gone; the first sentence in article order wins for repeated text.
      idByText ??= firstIdByText(text);
      const moved = idByText.get(before);
      if (moved === undefined) result.missing.push(id);
      else result.reanchored[id] = moved;
    }
  }
  return result;
}

/** The blocks holding any of the sentences, in article order; ids not in the article are skipped. */
export function blocksOfSentences(doc: ArticleDoc, sentenceIds: readonly string[]): string[] {
  const wanted = new Set(sentenceIds);
  return doc.blocks.filter((b) => b.sentences.some((s) => wanted.has(s.id))).map((b) => b.id);
}

function sentenceTexts(doc: ArticleDoc): Map<string, string> {
  const text = new Map<string, string>();
  for (const block of doc.blocks) for (const s of block.sentences) text.set(s.id, s.text);
  return text;
}

function firstIdByText(text: Map<string, string>): Map<string, string> {
  const byText = new Map<string, string>();
  for (const [id, t] of text) if (!byText.has(t)) byText.set(t, id);
  return byText;
}
