/**
 * The workspace's label suggestions, computed in the browser once per sentence text: a cache
 * keyed by what a suggestion depends on (the block's kind, the sentence before, the sentence),
 * so labelling a sentence never recomputes the others and each row gets the same object back
 * (memoised rows stay memoised). Rules are in ./suggest.ts; nothing here applies a label.
 *
 * The first screen's suggestions come from the server with the page (`firstScreenSuggestions`,
 * then `prime`): the rules' patterns cost the browser a compile on first use, which would
 * otherwise land in the page's start-up, when a phone can least afford it (decision 0053).
 */
import { SUGGESTION_RULES, suggestLabel, type Suggestion } from "./suggest";
import type { ArticleDoc, DocBlock } from "./schema";
import { DRAWN_WHOLE_UP_TO } from "./workspace-state";

export type ShownSuggestion = Suggestion & { ruleName: string };

/** Suggestions by block id, one entry per sentence of the block, as `forBlock` gives them. */
export type PrimedSuggestions = Record<string, (ShownSuggestion | null)[]>;

type SuggestedBlock = Pick<DocBlock, "kind" | "sentences">;

const RULE_NAMES = new Map(SUGGESTION_RULES.map((r) => [r.id, r.name]));
const LIMIT = 50_000;
/** More sentences than a first screen of a long draft shows, on a phone or a desktop. */
const FIRST_SCREEN_SENTENCES = 60;

function cacheKey(block: SuggestedBlock, i: number): string {
  const previousSentence = i > 0 ? block.sentences[i - 1]?.text : undefined;
  return `${block.kind}\u0000${previousSentence ?? ""}\u0000${block.sentences[i]?.text ?? ""}`;
}

type Suggest = typeof suggestLabel;

export class SuggestionCache {
  private readonly cache = new Map<string, ShownSuggestion | null>();

  /** `suggest` is the rules (suggestLabel); a test may count its calls. */
  constructor(private readonly suggest: Suggest = suggestLabel) {}

  /** The suggestion for each sentence of the block, by index (null: no rule matched). */
  forBlock(block: SuggestedBlock): (ShownSuggestion | null)[] {
    return block.sentences.map((sentence, i) => {
      const key = cacheKey(block, i);
      const cached = this.cache.get(key);
      if (cached !== undefined) return cached;
      const previousSentence = i > 0 ? block.sentences[i - 1]?.text : undefined;
      const found = this.suggest(sentence.text, { blockKind: block.kind, ...(previousSentence !== undefined ? { previousSentence } : {}) });
      const shown = found ? { ...found, ruleName: RULE_NAMES.get(found.ruleId) ?? found.ruleId } : null;
      this.store(key, shown);
      return shown;
    });
  }

  /**
   * Takes suggestions computed from these very blocks elsewhere (the server, in the same render
   * that sent the blocks). As a safeguard, a block whose number of sentences differs is skipped.
   */
  prime(blocks: readonly (SuggestedBlock & { id: string })[], primed: PrimedSuggestions): void {
    for (const block of blocks) {
      const shown = primed[block.id];
      if (shown === undefined || shown.length !== block.sentences.length) continue;
      shown.forEach((suggestion, i) => this.store(cacheKey(block, i), suggestion));
    }
  }

  private store(key: string, shown: ShownSuggestion | null) {
    // A runaway session (thousands of splits) starts afresh rather than growing without end.
    if (this.cache.size > LIMIT) this.cache.clear();
    this.cache.set(key, shown);
  }
}

/**
 * The suggestions for the blocks the workspace draws first, for the page to send with it: every
 * block of a draft short enough to be drawn whole, else the blocks holding the first `sentences`.
 */
export function firstScreenSuggestions(doc: Pick<ArticleDoc, "blocks">, sentences = FIRST_SCREEN_SENTENCES): PrimedSuggestions {
  const cache = new SuggestionCache();
  const primed: PrimedSuggestions = {};
  const total = doc.blocks.reduce((sum, block) => sum + block.sentences.length, 0);
  const budget = total <= DRAWN_WHOLE_UP_TO ? total : sentences;
  let counted = 0;
  for (const block of doc.blocks) {
    if (counted >= budget) break;
    primed[block.id] = cache.forBlock(block);
    counted += block.sentences.length;
  }
  return primed;
}
