"use client";
// The workspace's article text, drawn a few paragraphs at a time (decision 0045): a 10,000-word
// draft has some 830 sentence rows, and drawing them all cost seconds of main thread on a phone.
// Paragraphs near the window's scroll position are in the page (@tanstack/react-virtual over the
// window's own scroll), and so is the focused sentence's paragraph wherever it is, so the keys,
// the browser's focus and "next unlabelled" always have a row to land on. Each row says its place
// ("Sentence 412 of 830"), since a screen reader no longer finds every row in the page.
import { memo, startTransition, useCallback, useEffect, useRef, useState, type MouseEvent } from "react";
import { defaultRangeExtractor, useWindowVirtualizer, type Range } from "@tanstack/react-virtual";
import type { Label } from "@/lib/content/schema";
import type { DocBlock } from "@/lib/articles/schema";
import { DRAWN_WHOLE_UP_TO } from "@/lib/articles/workspace-state";
import { SuggestionCache, type PrimedSuggestions, type ShownSuggestion } from "@/lib/articles/workspace-suggest";
import { LABEL_STYLE } from "@/components/lesson/label-styles";
import { KIND_NAMES } from "./kinds";

const suggestions = new SuggestionCache();

/** Takes the server's suggestions for the first screen, so the browser starts without running the rules. */
export function primeSuggestions(blocks: readonly DocBlock[], primed: PrimedSuggestions): void {
  suggestions.prime(blocks, primed);
}

/** The suggestion for each sentence of a block (cached: the same object for the same text). */
export function blockSuggestions(block: Pick<DocBlock, "kind" | "sentences">): (ShownSuggestion | null)[] {
  return suggestions.forBlock(block);
}

type ListProps = {
  blocks: readonly DocBlock[];
  /** Where each block's sentences start in the article's numbering. */
  starts: readonly number[];
  /** Every sentence, hidden paragraphs too: the rows' "of N". */
  total: number;
  focus: string | null;
  focusBlock: number;
  selected: ReadonlySet<string>;
  onFocus: (id: string, extend: boolean) => void;
  onAccept: (id: string) => void;
};

/** Paragraphs drawn beyond the window at each end. Few: each costs hydration time on a phone, and the focused paragraph is always drawn anyway (decision 0050). */
const OVERSCAN = 2;
/** The gap between paragraphs, as `space-y-5` had it; padding, so it is part of what is measured. */
const GAP = 20;

/**
 * A paragraph's height before it is measured, from its text at the column's width: close enough
 * that jumping to a far sentence lands near it and the scroll bar means something.
 */
function estimateHeight(block: DocBlock, width: number): number {
  const charsPerLine = Math.max(24, Math.floor((width - 20) / 8.6));
  let height = 20 + GAP;
  for (const [i, sentence] of block.sentences.entries()) {
    const lines = Math.ceil(sentence.text.length / charsPerLine);
    height += 8 + 16 + lines * (block.kind === "heading" ? 28 : 32) + (i > 0 ? 8 : 0);
    // About half the unlabelled sentences carry a suggestion line; not computed here, since this
    // runs for every paragraph, drawn or not.
    if (sentence.label === null) height += (Math.ceil(150 / charsPerLine) * 24 + 8) / 2;
  }
  return height;
}

export const SentenceList = memo(function SentenceList({ blocks, starts, total, focus, focusBlock, selected, onFocus, onAccept }: ListProps) {
  const listRef = useRef<HTMLDivElement>(null);
  // Where the list starts in the page and how wide it is: measured in the browser. Before that
  // (the server's render and the first one in the browser, which must match it) the first
  // paragraphs are drawn in the page's flow, so nothing moves when they are measured. Measured
  // after the first paint and applied as a transition, not inside hydration's commit: that keeps
  // the page's start-up in short tasks (decision 0053).
  const [frame, setFrame] = useState<{ top: number; width: number } | null>(null);

  useEffect(() => {
    const element = listRef.current;
    if (!element) return;
    const measure = () => {
      const rect = element.getBoundingClientRect();
      const next = { top: rect.top + window.scrollY, width: rect.width };
      startTransition(() => setFrame((last) => (last && Math.abs(last.top - next.top) < 0.5 && Math.abs(last.width - next.width) < 0.5 ? last : next)));
    };
    measure();
    // Whatever above the list grows or shrinks (a notice, the publish panel) changes the page's
    // height; a new width changes the list's.
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const width = frame?.width ?? 600;
  const estimateSize = useCallback(
    (index: number) => {
      const block = blocks[index];
      return block ? estimateHeight(block, width) : 100;
    },
    [blocks, width],
  );
  // Stable between renders: a new one makes the virtualizer lay out every paragraph again.
  const getItemKey = useCallback((index: number) => blocks[index]?.id ?? index, [blocks]);
  // The focused paragraph stays drawn even when scrolled far away: the browser's focus is in it.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (focusBlock < 0 || indexes.includes(focusBlock)) return indexes;
      return [...indexes, focusBlock].sort((a, b) => a - b);
    },
    [focusBlock],
  );
  const partial = total > DRAWN_WHOLE_UP_TO;
  const virtualizer = useWindowVirtualizer({
    enabled: partial,
    count: blocks.length,
    estimateSize,
    overscan: OVERSCAN,
    scrollMargin: frame?.top ?? 0,
    getItemKey,
    rangeExtractor,
    // The same first paragraphs on the server and in the browser's first render.
    initialRect: { width: 0, height: 900 },
    initialOffset: 0,
    // React 19 warns about flushSync inside its own commit; a scroll re-render can wait a frame.
    useFlushSync: false,
  });

  const items = partial ? virtualizer.getVirtualItems() : blocks.map((_, index) => ({ index, start: 0 }));
  const placed = partial && frame !== null;
  return (
    <>
      {partial ? (
        <p className="sr-only">
          The article has {total} sentences; only the paragraphs near the one you are on are in the page. Move with j and k, jump with u to the next sentence
          without a label, or find a sentence by its words with Find above.
        </p>
      ) : null}
      <div ref={listRef} className="relative" style={placed ? { height: virtualizer.getTotalSize() } : undefined}>
        {items.map((item) => {
          const block = blocks[item.index];
          if (!block) return null;
          return (
            <div
              key={block.id}
              data-index={item.index}
              ref={partial ? virtualizer.measureElement : undefined}
              style={
                placed
                  ? { position: "absolute", top: 0, left: 0, width: "100%", transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }
                  : undefined
              }
              className="pb-5"
            >
              <BlockView
                block={block}
                number={item.index + 1}
                count={blocks.length}
                start={starts[item.index] ?? 0}
                total={total}
                focusId={item.index === focusBlock ? focus : null}
                selected={block.sentences
                  .filter((s) => selected.has(s.id))
                  .map((s) => s.id)
                  .join(" ")}
                onFocus={onFocus}
                onAccept={onAccept}
              />
            </div>
          );
        })}
      </div>
    </>
  );
});

type BlockProps = {
  block: DocBlock;
  number: number;
  count: number;
  start: number;
  total: number;
  focusId: string | null;
  /** The block's selected sentence ids, space-separated: a string, so unchanged rows compare equal. */
  selected: string;
  onFocus: (id: string, extend: boolean) => void;
  onAccept: (id: string) => void;
};

const BlockView = memo(function BlockView({ block, number, count, start, total, focusId, selected, onFocus, onAccept }: BlockProps) {
  const shown = blockSuggestions(block);
  const chosen = new Set(selected.split(" "));
  const hidden = block.hiddenReason !== undefined;
  return (
    <section aria-label={`${KIND_NAMES[block.kind]} ${number} of ${count}`} className={hidden ? "opacity-60" : ""} data-block-id={block.id}>
      <p className="mb-1 font-sans text-xs tracking-wide text-muted">
        {KIND_NAMES[block.kind]} {number}
        {hidden ? ` · hidden from students: ${block.hiddenReason}` : ""}
      </p>
      <div className={`space-y-2 ${block.kind === "quote" ? "border-l-2 border-rule pl-4 italic" : ""}`}>
        {block.sentences.map((sentence, i) => (
          <SentenceRow
            key={sentence.id}
            id={sentence.id}
            number={start + i + 1}
            total={total}
            text={sentence.text}
            label={sentence.label}
            hasNote={sentence.labelNote !== undefined}
            heading={block.kind === "heading"}
            suggestion={sentence.label === null ? (shown[i] ?? null) : null}
            focused={focusId === sentence.id}
            selected={chosen.has(sentence.id)}
            onFocus={onFocus}
            onAccept={onAccept}
          />
        ))}
      </div>
    </section>
  );
});

type RowProps = {
  id: string;
  number: number;
  total: number;
  text: string;
  label: Label | null;
  hasNote: boolean;
  heading: boolean;
  suggestion: ShownSuggestion | null;
  focused: boolean;
  selected: boolean;
  onFocus: (id: string, extend: boolean) => void;
  onAccept: (id: string) => void;
};

function SentenceRow({ id, number, total, text, label, hasNote, heading, suggestion, focused, selected, onFocus, onAccept }: RowProps) {
  const style = label ? LABEL_STYLE[label] : null;
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).closest("button")) return;
    onFocus(id, event.shiftKey);
  };
  return (
    <div
      data-sid={id}
      tabIndex={focused ? 0 : -1}
      role="group"
      aria-label={`Sentence ${number} of ${total}: ${style ? style.name : "no label yet"}`}
      aria-current={focused ? "true" : undefined}
      onClick={onClick}
      onFocus={(event) => {
        if (event.target === event.currentTarget && !focused) onFocus(id, false);
      }}
      // scroll-margin: a row brought into view is left under neither the sticky progress bar nor,
      // on a phone, the label panel fixed at the bottom (45vh).
      className={`scroll-mt-32 scroll-mb-[48vh] cursor-pointer lg:scroll-mb-6 rounded-r-md border-l-[3px] py-1 pl-3 pr-2 outline-none focus-visible:ring-2 focus-visible:ring-accent ${
        style ? style.rule : "border-dashed border-[#8c959f]"
      } ${selected ? "bg-accent-soft/70" : "hover:bg-white/70"}`}
    >
      <p className={`flex flex-wrap items-center gap-x-2 font-sans text-xs tracking-wide ${style ? style.text : "text-muted"}`}>
        {style ? <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${style.dot}`} /> : null}
        <span>{style ? style.name : "No label yet"}</span>
        {hasNote ? <span className="text-muted">· note written</span> : null}
      </p>
      <p className={heading ? "text-xl font-semibold" : ""}>{text}</p>
      {suggestion ? (
        <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 font-sans text-sm text-muted">
          <span>
            Suggestion: <span className={LABEL_STYLE[suggestion.label].text}>{LABEL_STYLE[suggestion.label].name}</span>, because of {suggestion.reason} (
            {suggestion.ruleName})
          </span>
          <button
            type="button"
            tabIndex={focused ? 0 : -1}
            className="rounded border border-rule bg-white px-2 py-0.5 text-ink hover:bg-[#f3f1ec]"
            onClick={() => onAccept(id)}
          >
            Accept suggestion
          </button>
        </p>
      ) : null}
    </div>
  );
}
