/**
 * The workspace's label suggestions, computed in the browser once per sentence text: a cache
 * keyed by what a suggestion depends on (the block's kind, the sentence before, the sentence),
 * so labelling a sentence never recomputes the others and each row gets the same object back
 * (memoised rows stay memoised). Rules are in ./suggest.ts; nothing here applies a label.
 */
import { SUGGESTION_RULES, suggestLabel, type Suggestion } from "./suggest";
import type { DocBlock } from "./schema";

export type ShownSuggestion = Suggestion & { ruleName: string };

const RULE_NAMES = new Map(SUGGESTION_RULES.map((r) => [r.id, r.name]));
const LIMIT = 50_000;

export class SuggestionCache {
  private readonly cache = new Map<string, ShownSuggestion | null>();

  /** The suggestion for each sentence of the block, by index (null: no rule matched). */
  forBlock(block: Pick<DocBlock, "kind" | "sentences">): (ShownSuggestion | null)[] {
    return block.sentences.map((sentence, i) => {
      const previousSentence = i > 0 ? block.sentences[i - 1]?.text : undefined;
      const key = `${block.kind}\u0000${previousSentence ?? ""}\u0000${sentence.text}`;
      const cached = this.cache.get(key);
      if (cached !== undefined) return cached;
      const found = suggestLabel(sentence.text, { blockKind: block.kind, ...(previousSentence !== undefined ? { previousSentence } : {}) });
      const shown = found ? { ...found, ruleName: RULE_NAMES.get(found.ruleId) ?? found.ruleId } : null;
      // A runaway session (thousands of splits) starts afresh rather than growing without end.
      if (this.cache.size > LIMIT) this.cache.clear();
      this.cache.set(key, shown);
      return shown;
    });
  }
}
