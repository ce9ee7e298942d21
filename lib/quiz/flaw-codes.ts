// The item-writing flaws lib/quiz/item-flaws.ts reports, by code. Kept apart (and free of
// imports) so the question schema can check a waiver names a real flaw without a cycle.
export const FLAW_CODES = [
  "longest-key",
  "precise-key",
  "stem-excludes",
  "stem-echo",
  "absolute-word",
  "grammar-cue",
  "all-none-above",
  "near-duplicate",
  "classify-surface",
  "phase-tag",
  "event-tag",
  "imagined-event-tag",
  "key-position",
  "answer-count",
] as const;
export type FlawCode = (typeof FLAW_CODES)[number];
