/**
 * Legends for statement labels and context-note verdicts. Kept apart from index.ts so that
 * client components can import them without bundling the article JSON.
 */
import type { Label, Verdict } from "./schema";

/** The app must never present the author's opinion or the imagined dialogue as fact. */
export const LABELS: Readonly<Record<Label, { name: string; description: string }>> = {
  "reported-fact": {
    name: "Reported fact",
    description: "Something the article reports as having happened. Check the context notes: a reported fact can still be imprecise or disputed.",
  },
  "on-record-quote": {
    name: "On-record quote",
    description: "Words someone actually said in public, quoted in the article.",
  },
  opinion: {
    name: "Author’s opinion",
    description: "Marwan Bishara’s own judgement or interpretation. Not a fact, even when it is phrased like one.",
  },
  "imagined-dialogue": {
    name: "Imagined dialogue",
    description: "A conversation the author made up. Kerry and Lavrov never said these words.",
  },
  "editorial-note": {
    name: "Editorial note",
    description: "Text about the article itself: headings, the publisher’s notes and the author’s remarks to the reader.",
  },
};

/** The short legend text for each label. */
export const LABEL_DESCRIPTIONS: Readonly<Record<Label, string>> = {
  "reported-fact": LABELS["reported-fact"].description,
  "on-record-quote": LABELS["on-record-quote"].description,
  opinion: LABELS.opinion.description,
  "imagined-dialogue": LABELS["imagined-dialogue"].description,
  "editorial-note": LABELS["editorial-note"].description,
};

export const VERDICTS: Readonly<Record<Verdict, { name: string; description: string }>> = {
  confirmed: { name: "Confirmed", description: "The public record supports the claim." },
  imprecise: { name: "Imprecise", description: "Broadly right, but a detail (a date, the wording, the scope) is off." },
  disputed: { name: "Disputed", description: "The people involved or the sources disagree about it." },
  incorrect: { name: "Incorrect", description: "The public record contradicts the claim." },
};

/** The legend for any article: the built-in descriptions name Bishara, Kerry and Lavrov; these name the article's author. */
export function labelDescriptionsFor(author: string): Readonly<Record<Label, string>> {
  return {
    ...LABEL_DESCRIPTIONS,
    opinion: `${author}’s own judgement or interpretation. Not a fact, even when it is phrased like one.`,
    "imagined-dialogue": "A conversation the author made up. The people in it never said these words.",
  };
}
