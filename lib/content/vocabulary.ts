/**
 * The fixed words of the method (statement kinds, block kinds, verdicts) as plain constants.
 * Kept apart from the zod schemas in ./schema.ts so that a page's client code can name them
 * without loading zod on its first load (decision 0050).
 */
export const LABEL_VALUES = ["reported-fact", "on-record-quote", "opinion", "imagined-dialogue", "editorial-note"] as const;
export type Label = (typeof LABEL_VALUES)[number];

export const KIND_VALUES = [
  "title",
  "standfirst",
  "caption",
  "editor-note",
  "heading",
  "paragraph",
  "quote",
  "speech",
  "related-link",
  "author-bio",
  "disclaimer",
  "page-chrome",
] as const;
export type Kind = (typeof KIND_VALUES)[number];

export const VERDICT_VALUES = ["confirmed", "imprecise", "disputed", "incorrect"] as const;
export type Verdict = (typeof VERDICT_VALUES)[number];
