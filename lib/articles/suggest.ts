/**
 * Label suggestions from rules a teacher can read (decision 0040).
 *
 * Each rule looks for plain, visible signals (a block kind, quotation marks with a speech verb,
 * first person, an evaluative word, a date) and says which words triggered it. The first rule
 * that matches wins, in the order of `SUGGESTION_RULES`. A suggestion is only ever shown: the
 * teacher accepts it with a keystroke or labels the sentence otherwise; nothing here writes a
 * label. The rules are deliberately simple; the unit test measures how often they agree with
 * the hand labels of the built-in article, per label.
 */
import type { Label } from "@/lib/content/schema";
import type { ArticleDoc } from "./schema";

export type SuggestionContext = {
  /** The kind of the block the sentence is in (`paragraph`, `speech`, `heading`, …). */
  blockKind: string;
  /** The sentence before it in the same block, if any (a quotation can span sentences). */
  previousSentence?: string;
};

export type Suggestion = {
  label: Label;
  ruleId: string;
  /** The exact words that triggered the rule, in a sentence a teacher can read. */
  reason: string;
  speaker?: string;
};

type Match = { reason: string; speaker?: string } | null;

type Rule = {
  id: string;
  label: Label;
  name: string;
  description: string;
  match: (sentence: string, context: SuggestionContext, outside: string) => Match;
};

/** Blocks that are about the article rather than in it. */
const FURNITURE_KINDS: Readonly<Record<string, string>> = {
  title: "the title",
  heading: "a heading",
  "editor-note": "an editor’s note",
  "related-link": "a link to a related article",
  "author-bio": "the author’s biography",
  disclaimer: "a disclaimer",
  "page-chrome": "page furniture",
};

/** Compared ignoring case, and with straight apostrophes read as curly ones. */
const FURNITURE_PHRASES = [
  "Editor’s note",
  "Related:",
  "Read more",
  "Read also",
  "Follow him on",
  "Follow her on",
  "Follow us on",
  "Click here",
  "Click to read",
  "The views expressed in this article",
  "This article was",
  "Coming up",
  "Correction:",
  "Update:",
] as const;

/** Words that introduce what someone said. */
export const SPEECH_VERBS = [
  "said",
  "says",
  "say",
  "told",
  "tells",
  "asked",
  "asks",
  "declared",
  "declares",
  "announced",
  "announces",
  "added",
  "adds",
  "insisted",
  "insists",
  "warned",
  "warns",
  "remarked",
  "replied",
  "stated",
  "states",
  "explained",
  "noted",
  "wrote",
  "writes",
  "tweeted",
  "according to",
] as const;

/** Words that judge rather than report. Readable on purpose: the workspace shows this list. */
export const EVALUATIVE_WORDS = [
  "clearly",
  "obviously",
  "arguably",
  "surely",
  "undoubtedly",
  "apparently",
  "seemingly",
  "perhaps",
  "probably",
  "seem",
  "seems",
  "seemed",
  "should",
  "must",
  "ought",
  "unfortunately",
  "fortunately",
  "sadly",
  "regrettably",
  "ironically",
  "frankly",
  "naive",
  "naïve",
  "failed",
  "failure",
  "disastrous",
  "disaster",
  "brilliant",
  "remarkable",
  "shameful",
  "absurd",
  "ridiculous",
  "bizarre",
  "weird",
  "awkward",
  "embarrassing",
  "comical",
  "reckless",
  "dangerous",
  "menacing",
  "overconfident",
  "incompetent",
  "foolish",
  "misguided",
  "hypocritical",
  "cynical",
  "wise",
  "worst",
  "terrible",
  "impressive",
  "uncanny",
  "abused",
] as const;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const NUMBER_WORDS = [
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "twenty",
  "thirty",
  "forty",
  "fifty",
  "hundred",
  "hundreds",
  "thousand",
  "thousands",
  "million",
  "millions",
  "billion",
  "dozen",
  "percent",
  "per cent",
];

/** Not names, though capitalised before a colon or a speech verb. */
const NOT_SPEAKERS = new Set([
  "He",
  "She",
  "They",
  "It",
  "We",
  "I",
  "You",
  "The",
  "This",
  "That",
  "A",
  "An",
  "Note",
  "Remember",
  "Update",
  "Correction",
  "Photo",
  "Source",
  "Q",
]);

const FIRST_PERSON =
  /(?<![\p{L}’'])(I|I’m|I'm|I’ve|I've|I’d|I'd|I’ll|I'll|me|my|mine|myself|[Ww]e|[Ww]e’re|[Ww]e're|[Oo]ur|ours|ourselves|us|[Mm]y)(?![\p{L}’'])/u;

// Built when a rule first runs, not when the module loads: the workspace loads this module as it
// starts, with the first screen's suggestions already sent by the server, and a browser spends
// milliseconds on each of these Unicode alternations (decision 0054).
const EVALUATIVE = lazyWordsPattern(EVALUATIVE_WORDS, "i");
const SPEECH_VERB = lazyWordsPattern(SPEECH_VERBS, "");
const MONTH = lazyWordsPattern(MONTHS, "");
const WEEKDAY = lazyWordsPattern(WEEKDAYS, "");
const NUMBER_WORD = lazyWordsPattern(NUMBER_WORDS, "i");

const RULES: readonly Rule[] = [
  {
    id: "page-furniture",
    label: "editorial-note",
    name: "Heading or page furniture",
    description:
      "The block is marked as a title, heading, editor’s note, related link, author biography, disclaimer or page furniture: text about the article, not in it. Checked first.",
    match: (_sentence, { blockKind }) => {
      const what = FURNITURE_KINDS[blockKind];
      return what === undefined ? null : { reason: `the block is marked as ${what}` };
    },
  },
  {
    id: "furniture-phrase",
    label: "editorial-note",
    name: "A note to the reader",
    description: `The sentence starts like a publisher’s note to the reader: ${FURNITURE_PHRASES.map((p) => `“${p}”`).join(", ")}. Checked second.`,
    match: (sentence) => {
      const trimmed = sentence.trim();
      const start = trimmed.replace(/'/g, "’").toLowerCase();
      const phrase = FURNITURE_PHRASES.find((p) => start.startsWith(p.toLowerCase()));
      return phrase === undefined ? null : { reason: `starts with “${trimmed.slice(0, phrase.length)}”` };
    },
  },
  {
    id: "dialogue-line",
    label: "imagined-dialogue",
    name: "A line of dialogue",
    description:
      "The block is marked as speech, or the line starts with a speaker’s name or initials and a colon (“SL: …”, “Kerry: …”), or with a dialogue dash (“— …”); a word in capitals such as “OPINION:” is not a speaker. Checked before quotations, opinion and facts. In a real interview transcript such lines are on-record quotes: relabel them.",
    match: (sentence, { blockKind }) => {
      const trimmed = sentence.trim();
      const line = /^((?:\p{Lu}[\p{L}.’'-]*)(?: \p{Lu}[\p{L}.’'-]*){0,2}):\s/u.exec(trimmed);
      const name = line?.[1];
      if (name !== undefined && !NOT_SPEAKERS.has(name) && !/^[\p{Lu}]{5,}$/u.test(name)) {
        return { reason: `the line starts with “${name}:”`, speaker: name };
      }
      if (/^[—–]\s?\S/u.test(trimmed)) return { reason: `the line starts with a dialogue dash “${trimmed[0]}”` };
      if (blockKind === "speech") return { reason: "the block is marked as speech" };
      return null;
    },
  },
  {
    id: "imagine",
    label: "imagined-dialogue",
    name: "Imagined",
    description:
      "Outside quotation marks, the sentence says “imagine”, “imagined”, “imagining” or “hypothetically”: the author is making something up. Checked before quotations, opinion and facts.",
    match: (_sentence, _context, outside) => {
      const word = /\b(I imagine|imagine|imagined|imagining|hypothetically)\b/i.exec(outside)?.[1];
      return word === undefined ? null : { reason: `the word “${word}”` };
    },
  },
  {
    id: "quote-with-verb",
    label: "on-record-quote",
    name: "Quotation marks with a speech verb",
    description: `The sentence has words in quotation marks and a speech verb (${SPEECH_VERBS.join(", ")}), or it is a block quote, or it continues a quotation opened in the sentence before. The speaker is the capitalised name right next to the verb (“Kerry said”, “said Lavrov”); “the minister told reporters” gives no speaker. Checked after imagined dialogue, before opinion and facts.`,
    match: (sentence, { blockKind, previousSentence }, outside) => {
      const quoted = quotedSpans(sentence);
      const continues = previousSentence !== undefined && opensQuotation(previousSentence);
      if (quoted.length === 0 && !continues) return null;
      const verb = findSpeechVerb(outside);
      if (verb !== null) {
        const speaker = speakerNextTo(outside, verb.index, verb.word);
        const reason = `quotation marks with “${verb.word}”`;
        return speaker === null ? { reason } : { reason, speaker };
      }
      if (blockKind === "quote") return { reason: "quotation marks in a block quote" };
      if (continues) return { reason: "it continues the quotation opened in the sentence before" };
      return null;
    },
  },
  {
    id: "first-person",
    label: "opinion",
    name: "The author speaks in the first person",
    description:
      "Outside quotation marks, the sentence says I, me, my, we, us or our: the author speaking for themselves. Checked after imagined dialogue and quotations, before facts.",
    match: (_sentence, _context, outside) => {
      const word = FIRST_PERSON.exec(outside)?.[1];
      return word === undefined ? null : { reason: `the first-person word “${word}”` };
    },
  },
  {
    id: "evaluative-word",
    label: "opinion",
    name: "A word that judges",
    description: `Outside quotation marks, the sentence uses a word that judges rather than reports: ${EVALUATIVE_WORDS.join(", ")}. Checked after imagined dialogue and quotations, before facts.`,
    match: (_sentence, _context, outside) => {
      const word = firstWord(outside, EVALUATIVE());
      return word === null ? null : { reason: `the judging word “${word}”` };
    },
  },
  {
    id: "date",
    label: "reported-fact",
    name: "A date",
    description:
      "The sentence names a year between 1900 and 2099, a month or a day of the week: it reports when something happened. Checked last, after opinion.",
    match: (sentence) => {
      const year = /(?<!\d)(19\d\d|20\d\d)(?!\d)/.exec(sentence)?.[1];
      if (year !== undefined) return { reason: `the year “${year}”` };
      const month = firstWord(sentence, MONTH(), (index) => !(index === 0 && sentence.startsWith("May ")));
      if (month !== null) return { reason: `the month “${month}”` };
      const day = firstWord(sentence, WEEKDAY());
      return day === null ? null : { reason: `the day “${day}”` };
    },
  },
  {
    id: "number",
    label: "reported-fact",
    name: "A number",
    description: `The sentence has a number, in figures or in words (${NUMBER_WORDS.join(", ")}): it reports something counted. Checked last, after opinion.`,
    match: (sentence) => {
      const figure = /\d+(?:[.,]\d+)*/.exec(sentence)?.[0];
      if (figure !== undefined) return { reason: `the number “${figure}”` };
      const word = firstWord(sentence, NUMBER_WORD());
      return word === null ? null : { reason: `the number “${word}”` };
    },
  },
];

/** The rules in the order they are tried, as the workspace shows them. */
export const SUGGESTION_RULES: readonly { id: string; label: Label; name: string; description: string }[] = RULES.map(({ id, label, name, description }) => ({
  id,
  label,
  name,
  description,
}));

/** The first rule that matches, with the words that triggered it; null when none does. */
export function suggestLabel(sentence: string, context: SuggestionContext): Suggestion | null {
  const outside = outsideQuotes(sentence);
  for (const rule of RULES) {
    const found = rule.match(sentence, context, outside);
    if (found !== null) {
      const suggestion: Suggestion = { label: rule.label, ruleId: rule.id, reason: found.reason };
      if (found.speaker !== undefined) suggestion.speaker = found.speaker;
      return suggestion;
    }
  }
  return null;
}

/**
 * Suggestions for a whole document, by sentence id (a plain object, so a page can pass it to the
 * workspace). By default only the shown sentences that have no label yet; `all` adds labelled and
 * hidden ones, so the workspace can show where a rule and the teacher disagree.
 */
export function suggestionsFor(doc: ArticleDoc, options: { all?: boolean } = {}): Record<string, Suggestion> {
  const result: Record<string, Suggestion> = {};
  for (const block of doc.blocks) {
    if (!options.all && block.hiddenReason !== undefined) continue;
    block.sentences.forEach((sentence, i) => {
      if (!options.all && sentence.label !== null) return;
      const previous = block.sentences[i - 1]?.text;
      const found = suggestLabel(sentence.text, previous === undefined ? { blockKind: block.kind } : { blockKind: block.kind, previousSentence: previous });
      if (found !== null) result[sentence.id] = found;
    });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------

/** Curly and straight double quotes, guillemets, and curly single quotes that are not apostrophes. */
const QUOTED = /“[^”]*(?:”|$)|"[^"]*(?:"|$)|«[^»]*(?:»|$)|(?<!\p{L})‘.*?’(?!\p{L})/gu;

function quotedSpans(text: string): string[] {
  return [...text.matchAll(QUOTED)].map((m) => m[0]).filter((span) => /[\p{L}\p{N}]/u.test(span));
}

/** The text with every quoted span blanked out, so the author's words are judged alone. */
function outsideQuotes(text: string): string {
  return text.replace(QUOTED, (span) => " ".repeat(span.length));
}

/** Whether the text leaves a quotation open at its end. */
function opensQuotation(text: string): boolean {
  const opens = (text.match(/“/g) ?? []).length;
  const closes = (text.match(/”/g) ?? []).length;
  return opens > closes;
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** One pattern matching any of the words as a whole word; longer words first so "per cent" beats "per". */
function wordsPattern(words: readonly string[], flags: string): RegExp {
  const alternatives = [...words].sort((a, b) => b.length - a.length).map(escape);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, `gu${flags}`);
}

/** `wordsPattern`, made on the first call and kept. */
function lazyWordsPattern(words: readonly string[], flags: string): () => RegExp {
  let pattern: RegExp | undefined;
  return () => (pattern ??= wordsPattern(words, flags));
}

/** The earliest of the words in the text, as written there. */
function firstWord(text: string, pattern: RegExp, accept: (index: number) => boolean = () => true): string | null {
  for (const m of text.matchAll(pattern)) if (accept(m.index)) return m[0];
  return null;
}

function findSpeechVerb(text: string): { word: string; index: number } | null {
  const m = text.matchAll(SPEECH_VERB()).next().value;
  return m === undefined ? null : { word: m[0], index: m.index };
}

const NAME = String.raw`\p{Lu}[\p{L}’'.-]*`;
const NAMES = `${NAME}(?: ${NAME}){0,2}`;

/** Titles dropped from the front of a speaker's name ("Foreign Minister Sergey Lavrov" → "Sergey Lavrov"). */
const TITLES = new Set([
  "Mr",
  "Mr.",
  "Mrs",
  "Mrs.",
  "Ms",
  "Ms.",
  "Dr",
  "Dr.",
  "President",
  "Minister",
  "Secretary",
  "Senator",
  "Foreign",
  "Prime",
  "General",
  "Ambassador",
  "Chancellor",
  "Spokesman",
  "Spokeswoman",
]);

/** The capitalised name right before the verb ("Kerry said") or right after it ("said Lavrov"). */
function speakerNextTo(text: string, index: number, verb: string): string | null {
  const before = new RegExp(`(${NAMES})\\s+$`, "u").exec(text.slice(0, index))?.[1];
  const after = new RegExp(`^\\s+(${NAMES})`, "u").exec(text.slice(index + verb.length))?.[1];
  for (const candidate of [before, after]) {
    if (candidate === undefined) continue;
    const words = candidate.replace(/[’'.,]+$/u, "").split(" ");
    // "He said", "The minister said": a pronoun or an article is not a name.
    if (words.some((w) => NOT_SPEAKERS.has(w))) continue;
    const name = words.filter((w, i) => !(TITLES.has(w) && i < words.length - 1));
    if (name.length > 0) return name.join(" ");
  }
  return null;
}
