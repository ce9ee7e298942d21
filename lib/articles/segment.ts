/**
 * Sentences of one paragraph, for imported articles (issue 16).
 *
 * `Intl.Segmenter` proposes the boundaries; this module removes the ones it gets wrong in
 * journalism and never adds one, so every sentence is a slice of the paragraph:
 *
 * - after a title ("Mr.", "Dr.", "Gen.", "Sen." …): always part of the same sentence;
 * - after an initial ("George W. Bush", "J. K. Rowling"), a dotted abbreviation ("U.S.", "U.N.",
 *   "a.m.") or a word like "St.", "Inc.", "Jr.", "Sept.": the same sentence unless the next word
 *   is one that usually starts a sentence ("The", "He", "But" …), so "the U.S. Navy" stays whole
 *   and "in the U.S. He said" splits;
 * - "No. 5", "p. 12": never split before a number;
 * - after an ellipsis ("...", "…", ". . ."): not a boundary. Agency style writes an omission at
 *   the end of a complete sentence as a full stop plus an ellipsis ("...."), which still splits;
 * - inside a quotation opened with “ or " that closes in the same paragraph: never split, so a
 *   quoted passage of several sentences is one unit (a quotation left open, as a quote running on
 *   into the next paragraph is, does not hold anything together);
 * - where there is no whitespace between the two parts ("What?No"): not a boundary.
 *
 * A closing quote or bracket after the full stop stays with its sentence (the segmenter does that).
 *
 * Invariant (tested): the sentences are non-empty, have no leading or trailing whitespace, and
 * appear in the paragraph in order separated only by whitespace, with at least one whitespace
 * character between two sentences; so `sentences.join(" ")` equals `text.trim()` with each run of
 * whitespace between two sentences replaced by one space, and no other character changed.
 *
 * A sentence longer than `MAX_SENTENCE_LENGTH` (the document's limit) is cut at its last
 * whitespace before the limit, which keeps the invariant; the teacher can join the parts again.
 *
 * Linear in the paragraph's length: one pass of the segmenter, one pass for quotations, and a
 * bounded look at the words either side of each boundary.
 */

export const MAX_SENTENCE_LENGTH = 5000;

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** Always followed by a name: never the end of a sentence. */
const TITLES = new Set([
  "mr",
  "mrs",
  "ms",
  "messrs",
  "mme",
  "dr",
  "prof",
  "gen",
  "lt",
  "col",
  "maj",
  "capt",
  "cpt",
  "sgt",
  "cpl",
  "pvt",
  "adm",
  "cmdr",
  "brig",
  "sen",
  "sens",
  "rep",
  "reps",
  "gov",
  "pres",
  "amb",
  "atty",
  "supt",
  "det",
  "insp",
  "rev",
  "fr",
  "hon",
  "vs",
  "v",
  "cf",
  "e.g",
  "i.e",
]);

/** Usually inside a sentence, but may end one: kept only when the next word does not start a sentence. */
const AMBIGUOUS = new Set([
  "st",
  "mt",
  "ft",
  "jr",
  "sr",
  "inc",
  "corp",
  "co",
  "ltd",
  "bros",
  "dept",
  "univ",
  "ave",
  "blvd",
  "rd",
  "etc",
  "al",
  "approx",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
]);

/** Before a number they are part of a reference, never the end of a sentence ("No. 5", "p. 12"). */
const BEFORE_NUMBER = new Set(["no", "nos", "p", "pp", "vol", "art", "fig", "ch", "sec", "para"]);

/** Words that commonly open a sentence: after an ambiguous abbreviation they mark a new one. */
const STARTERS = new Set(
  (
    "the a an he she it they we i you his her its their our my your this that these those there here " +
    "but and or so yet still nor in on at for from to with by as if when while after before since " +
    "although though because however meanwhile then now today yesterday tomorrow last next one some " +
    "many most few all both each every no not what who whom whose which where why how is are was were " +
    "do does did has have had will would can could should may might must also even instead indeed " +
    "moreover such later earlier only just again among despite during under over into through between " +
    "against without within unlike like according other another several neither either once thus " +
    "perhaps of"
  ).split(" "),
);

const OPENING_PUNCTUATION = /^[(["“‘'«]+/;
const WHITESPACE = /\s/;

/** Splits one paragraph into sentences; see the module comment for the rules and the invariant. */
export function splitSentences(text: string): string[] {
  const quotes = quotationSpans(text);
  const starts: number[] = [];
  let quote = 0;
  for (const { index } of segmenter.segment(text)) {
    if (index === 0) continue;
    while (quote < quotes.length && quotes[quote]![1] < index) quote++;
    const span = quotes[quote];
    if (span && span[0] < index && index <= span[1]) continue;
    if (!isBoundary(text, index)) continue;
    starts.push(index);
  }
  const sentences: string[] = [];
  let from = 0;
  for (const end of [...starts, text.length]) {
    const sentence = text.slice(from, end).trim();
    if (sentence) pushCapped(sentences, sentence);
    from = end;
  }
  return sentences;
}

function pushCapped(sentences: string[], sentence: string) {
  let rest = sentence;
  while (rest.length > MAX_SENTENCE_LENGTH) {
    const cut = rest.slice(0, MAX_SENTENCE_LENGTH + 1).search(/\s\S*$/);
    if (cut <= 0) break;
    sentences.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  sentences.push(rest);
}

/** Whether the segmenter's boundary before `index` is a real one. */
function isBoundary(text: string, index: number): boolean {
  // No whitespace between the parts: joining with a space would change the text.
  if (!WHITESPACE.test(text[index - 1] ?? "")) return false;
  let end = index;
  while (end > 0 && WHITESPACE.test(text[end - 1]!)) end--;
  const before = lastWord(text, end);
  const after = firstWord(text, index);
  if (!after) return true;
  if (/[a-z]/.test(after[0]!)) return false;

  if (endsWithEllipsis(text, end)) return false;
  if (!before.endsWith(".")) return true;

  const word = before.replace(OPENING_PUNCTUATION, "").slice(0, -1);
  const key = word.toLowerCase();
  const startsSentence =
    STARTERS.has(
      after
        .replace(OPENING_PUNCTUATION, "")
        .replace(/[^A-Za-z].*$/, "")
        .toLowerCase(),
    ) || OPENING_PUNCTUATION.test(after);
  if (TITLES.has(key)) return false;
  if (BEFORE_NUMBER.has(key) && /^[0-9#]/.test(after)) return false;
  // An initial ("W."), or a dotted abbreviation ("U.S.", "a.m.", "Ph.D.").
  const abbreviation = /^[A-Z]$/.test(word) || /^(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}$/.test(word) || AMBIGUOUS.has(key);
  if (abbreviation) return startsSentence;
  return true;
}

/** Whether the text before `end` is an ellipsis ("...", "…", ". . .") with no full stop before it ("...."). */
function endsWithEllipsis(text: string, end: number): boolean {
  const tail = text.slice(Math.max(0, end - 8), end);
  if (/(?:\. ?){4}$|\.…$|…\.$/.test(tail)) return false;
  return /(?:\.\.\.|…|\. \. \.)$/.test(tail);
}

const LOOK = 40;

/** The whitespace-delimited word ending at `end` (at most LOOK characters, so each look is bounded). */
function lastWord(text: string, end: number): string {
  let start = end;
  while (start > 0 && end - start < LOOK && !WHITESPACE.test(text[start - 1]!)) start--;
  return text.slice(start, end);
}

function firstWord(text: string, start: number): string {
  let end = start;
  while (end < text.length && end - start < LOOK && !WHITESPACE.test(text[end]!)) end++;
  return text.slice(start, end);
}

/**
 * The quotations that open and close within the text, as [opening index, closing index] in order.
 * “ and ” are unambiguous; a straight " opens after whitespace, an opening bracket or a dash (or at
 * the start), and closes anywhere else. An opening mark met while a quotation is open restarts it:
 * the earlier one was never closed here.
 */
function quotationSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== "“" && c !== "”" && c !== '"') continue;
    const opening = c === "“" || (c === '"' && (i === 0 || /[\s([{—–-]/.test(text[i - 1]!)));
    if (opening) open = i;
    else if (open >= 0) {
      spans.push([open, i]);
      open = -1;
    }
  }
  return spans;
}
