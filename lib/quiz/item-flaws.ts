/**
 * Item-writing flaws: the cues that let a test-wise student answer without reading, after
 * Haladyna, Downing & Rodriguez (2002), "A review of multiple-choice item-writing guidelines"
 * (the key longer or more precise than the distractors, specific determiners, grammatical cues,
 * "all/none of the above", options ruled out or given away by the stem, ...), plus the tags a
 * question's mastery and quiz membership hang on (docs/decisions/0026-item-flaw-checks.md).
 *
 * Pure and free of React and node-only imports: the teacher's question editor runs
 * `questionFlaws` in the browser as the teacher types; the bank test and
 * scripts/check-item-flaws.ts run `bankFlaws` over content/questions.json. A question may
 * waive a flaw with a written reason (`waivers: { "longest-key": "why it is fine here" }`).
 */
import type { Block, GlossaryTerm, Label, Lesson, Phase, TimelineEvent } from "@/lib/content/schema";
import type { FlawCode } from "./flaw-codes";
import type { Question } from "./schema";

export { FLAW_CODES, type FlawCode } from "./flaw-codes";

export type Flaw = {
  code: FlawCode;
  /** Teacher-facing: what a student could exploit, and how to fix it. */
  message: string;
  /** "warning" (the default) is a cue a student may exploit; "error" mis-files the question. */
  severity?: "warning" | "error";
};

/** A flaw found in a bank: `questionId` is absent for a pattern across the bank. */
export type BankFlaw = Flaw & { questionId?: string };

/** What the per-question checks may look at besides the question. All optional. */
export type FlawContext = {
  blocks?: readonly Pick<Block, "id" | "label">[];
  phases?: readonly Pick<Phase, "id" | "title" | "paragraphIds">[];
  events?: readonly Pick<TimelineEvent, "id" | "title" | "phaseId" | "paragraphIds" | "mentionedOnlyIn">[];
  /** Which surface forms of a classify statement give its label away in the bank (see surfaceProfile). */
  classifySurface?: SurfaceProfile;
};

// ---------------------------------------------------------------------------------------------
// Thresholds (justified in docs/decisions/0026-item-flaw-checks.md).

/** The key is "clearly" the longest when it is this many times the next longest option... */
export const LONGEST_RATIO = 1.3;
/** ...and at least this many characters longer (so "2001" against "May 2001" is not flagged). */
export const LONGEST_MIN_CHARS = 10;
/** A bank pattern is flagged when a count exceeds its fair share by this factor... */
export const BIAS_RATIO = 1.5;
/** ...and by at least this many questions (small banks vary by chance). */
export const BIAS_MIN_EXCESS = 3;
/** Multiple-select: flagged when one "k of n correct" pattern holds more than this share. */
export const ANSWER_COUNT_MAX_SHARE = 0.5;

// ---------------------------------------------------------------------------------------------
// Text helpers.

function norm(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[‘’`]/g, "'").replace(/[“”]/g, '"');
}

/** The words of a text, lower case, with a plural "s" dropped so "potato" meets "potatoes". */
function words(text: string): string[] {
  return (norm(text).match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? []).map(stem);
}

function stem(word: string): string {
  if (word.length > 4 && word.endsWith("oes")) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/** The text with quoted spans removed: quoted words are the source's, not the item writer's. */
function unquoted(text: string): string {
  return text.replace(/“[^”]*”/g, " ").replace(/"[^"]*"/g, " ");
}

const STOPWORDS = new Set(
  (
    "about above according actually after again also although among another answer apply article author been before being " +
    "between both choose could does doing during each either every following from happened have here into just later least " +
    "line lines made many more most much must only other over really record said says same should some such than that their " +
    "them then there these they this those through true false under until very were what when where which while whom whose " +
    "will with would write writes wrote your imagined imagine dialogue conversation statement statements sentence question " +
    "show shows tell told real says actual"
  )
    .split(" ")
    .map(stem),
);

/** Words that carry meaning: four letters or more, not a stop word, not a bare number. */
function contentWords(text: string): Set<string> {
  return new Set(words(text).filter((w) => w.length >= 4 && !STOPWORDS.has(w) && !/^\d+$/.test(w)));
}

function quoteShort(text: string, max = 60): string {
  const t = text.trim();
  return `“${t.length > max ? `${t.slice(0, max - 1)}…` : t}”`;
}

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Per-question checks.

type Choice = { id: string; text: string; key: boolean };

function choicesOf(q: Question): Choice[] | undefined {
  if (q.type === "single") return q.options.map((o) => ({ ...o, key: o.id === q.answer }));
  if (q.type === "multiple") return q.options.map((o) => ({ ...o, key: q.answer.includes(o.id) }));
  return undefined;
}

function longestKey(q: Question, choices: Choice[]): Flaw[] {
  const keys = choices.filter((c) => c.key);
  const others = choices.filter((c) => !c.key);
  if (keys.length === 0 || others.length === 0) return [];
  const len = (c: Choice) => c.text.trim().length;
  if (q.type === "single") {
    const key = keys[0];
    if (!key) return [];
    const next = Math.max(...others.map(len));
    if (len(key) >= LONGEST_RATIO * next && len(key) - next >= LONGEST_MIN_CHARS) {
      return [
        {
          code: "longest-key",
          message: `The right answer is by far the longest option (${len(key)} characters; the next longest has ${next}). Students learn to pick the longest option: shorten it, or give the wrong options the same detail.`,
        },
      ];
    }
    return [];
  }
  const mean = (list: Choice[]) => list.reduce((n, c) => n + len(c), 0) / list.length;
  const keyMean = mean(keys);
  const otherMean = mean(others);
  const shortestKey = Math.min(...keys.map(len));
  const longestOther = Math.max(...others.map(len));
  const byMean = keyMean >= LONGEST_RATIO * otherMean && keyMean - otherMean >= LONGEST_MIN_CHARS;
  const allLonger = keys.length >= 2 && others.length >= 2 && shortestKey > longestOther;
  if (!byMean && !allLonger) return [];
  return [
    {
      code: "longest-key",
      message: allLonger
        ? `Every right answer is longer than every wrong one (shortest right answer ${shortestKey} characters, longest wrong one ${longestOther}). Picking the long options scores full marks: even out the lengths.`
        : `The right answers are much longer than the wrong ones (about ${Math.round(keyMean)} characters against ${Math.round(otherMean)}). Picking the long options scores well: even out the lengths.`,
    },
  ];
}

const MONTH =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const PRECISIONS = ["none", "a number", "a year", "a month", "a day"] as const;
type Precision = 0 | 1 | 2 | 3 | 4;

/** How precisely an option states a date or number: day > month > year > any number > none. */
export function precisionOf(text: string): Precision {
  const t = norm(text);
  if (new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)? ${MONTH},? \\d{4}\\b|\\b${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b`).test(t))
    return 4;
  if (new RegExp(`\\b${MONTH},? \\d{4}\\b|\\b\\d{4}-\\d{2}\\b`).test(t)) return 3;
  if (/\b(?:1[5-9]|20)\d{2}s?\b/.test(t)) return 2;
  if (/\d/.test(t)) return 1;
  return 0;
}

function preciseKey(q: Question, choices: Choice[]): Flaw[] {
  if (q.type !== "single") return [];
  const key = choices.find((c) => c.key);
  if (!key) return [];
  const keyPrecision = precisionOf(key.text);
  const others = choices.filter((c) => !c.key).map((c) => precisionOf(c.text));
  if (keyPrecision === 0 || others.some((p) => p >= keyPrecision)) return [];
  const what = PRECISIONS[keyPrecision];
  return [
    {
      code: "precise-key",
      message: `Only the right answer gives ${what}${others.some((p) => p > 0) ? "; the wrong options are vaguer" : ""}. Precision singles out the key: state every option to the same precision.`,
    },
  ];
}

const EXCLUSION = /\b(?:other than|apart from|aside from|besides|except(?: for)?|excluding|not counting|leaving aside)\s+([^,.;:?!]+)/gi;

function stemExcludes(q: Question, choices: Choice[]): Flaw[] {
  const flaws: Flaw[] = [];
  for (const match of q.prompt.matchAll(EXCLUSION)) {
    const excluded = contentWords(match[1] ?? "");
    for (const c of choices) {
      const shared = [...contentWords(c.text)].filter((w) => excluded.has(w));
      if (shared.length === 0) continue;
      flaws.push({
        code: "stem-excludes",
        message: `The question says “${match[0].trim()}”, so option ${quoteShort(c.text)} is ruled out by the question itself. Replace it with a wrong answer a student has to know is wrong.`,
      });
    }
  }
  return flaws;
}

function stemEcho(q: Question, choices: Choice[]): Flaw[] {
  const stemWords = contentWords(unquoted(q.prompt));
  const optionWords = choices.map((c) => contentWords(c.text));
  const keyCount = choices.filter((c) => c.key).length;
  const echoed: string[] = [];
  const holders = new Set<Choice>();
  for (const word of stemWords) {
    const having = choices.filter((_, i) => optionWords[i]?.has(word));
    if (having.length === 0 || having.some((c) => !c.key)) continue;
    // In a multiple-select question one key sharing a word is common; flag when the echo picks out two keys or more (and at least half of them), no wrong option.
    if (q.type === "multiple" && (having.length < 2 || having.length * 2 < keyCount)) continue;
    echoed.push(`“${word}”`);
    for (const c of having) holders.add(c);
  }
  if (echoed.length === 0) return [];
  const plural = holders.size > 1;
  return [
    {
      code: "stem-echo",
      message: `Only the right answer${plural ? "s" : ""} repeat${plural ? "" : "s"} ${echoed.join(", ")} from the question (${[...holders].map((c) => quoteShort(c.text, 40)).join(", ")}). Students match words: reword, or use the word in a wrong option too.`,
    },
  ];
}

/** Specific determiners: a test-wise student knows options with these are usually wrong. */
const ABSOLUTE =
  /\b(always|never|all|none|every|everyone|everything|everywhere|nobody|no one|nothing|entirely|completely|totally|whole world|at all|forever|invariably)\b/i;

function absoluteWords(q: Question, choices: Choice[] | undefined): Flaw[] {
  const flaws: Flaw[] = [];
  if (choices) {
    for (const c of choices) {
      const word = ABSOLUTE.exec(unquoted(c.text))?.[1];
      if (!word) continue;
      flaws.push({
        code: "absolute-word",
        message: `Option ${quoteShort(c.text)} says “${word.toLowerCase()}”. Absolute words mark an option as wrong to a test-wise student${c.key ? " (and here it is the right answer, which misleads)" : ""}: qualify it or say it another way.`,
      });
    }
  }
  if (q.type === "true-false") {
    const word = ABSOLUTE.exec(unquoted(q.prompt))?.[1];
    if (word) {
      flaws.push({
        code: "absolute-word",
        message: `The statement says “${word.toLowerCase()}”. Absolute statements are usually false, so students can guess without knowing: qualify it or say it another way.`,
      });
    }
  }
  return flaws;
}

function startsWithVowelSound(text: string): boolean {
  const t = text
    .trim()
    .replace(/^[“"‘'(]+/, "")
    .toLowerCase();
  if (/^(hour|honest|honou?r|heir)/.test(t)) return true;
  if (/^(uni|use|usu|eu|one\b|once)/.test(t)) return false;
  return /^[aeiou]/.test(t);
}

function grammarCue(q: Question, choices: Choice[]): Flaw[] {
  if (q.type !== "single") return [];
  const article = /\b(a|an)\s*(?:\.{3}|…|_+)?\s*[?:]?\s*$/i.exec(q.prompt.trim())?.[1]?.toLowerCase();
  if (!article) return [];
  const agrees = choices.filter((c) => startsWithVowelSound(c.text) === (article === "an"));
  const key = agrees[0];
  if (agrees.length !== 1 || !key?.key) return [];
  return [
    {
      code: "grammar-cue",
      message: `The question ends with “${article}”, and only the right answer fits it grammatically. End with “a(n)” or move the article into the options.`,
    },
  ];
}

const ALL_NONE = /\b(all|none|both|neither)\s+of\s+(?:the\s+)?(above|these|them|the options|the answers)\b/i;

function allNoneAbove(choices: Choice[]): Flaw[] {
  return choices
    .filter((c) => ALL_NONE.test(c.text))
    .map((c) => ({
      code: "all-none-above" as const,
      message: `Option ${quoteShort(c.text)}: “all/none of the above” lets a student answer from partial knowledge (two right options make it right). Write a real option instead.`,
    }));
}

const ARTICLES = new Set(["a", "an", "the"]);

function comparable(text: string): string {
  return (norm(text).match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !ARTICLES.has(w)).join(" ");
}

function nearDuplicates(choices: Choice[], noun: string): Flaw[] {
  const flaws: Flaw[] = [];
  for (let i = 0; i < choices.length; i++) {
    for (let j = i + 1; j < choices.length; j++) {
      const a = choices[i];
      const b = choices[j];
      if (!a || !b) continue;
      const ca = comparable(a.text);
      const cb = comparable(b.text);
      // Same words in another order are not flagged: "Bush, about Putin" against "Putin, about Bush" is a fair distractor.
      const digits = (s: string) => s.replace(/\D/g, "");
      const same = ca === cb || (Math.min(ca.length, cb.length) >= 8 && digits(ca) === digits(cb) && levenshtein(ca, cb) <= 2);
      if (!same) continue;
      flaws.push({
        code: "near-duplicate",
        message: `${noun} ${quoteShort(a.text, 40)} and ${quoteShort(b.text, 40)} read almost the same. If they mean the same, both are right or both wrong and a student can rule them out together: make them clearly different.`,
      });
    }
  }
  return flaws;
}

// Classify: surface forms that may give the label away.
export const SURFACE_FEATURES = ["speaker-prefix", "quotation-marks", "fragment"] as const;
export type SurfaceFeature = (typeof SURFACE_FEATURES)[number];
/** For each surface feature, the label every classify statement with it has in the bank (if they all share one). */
export type SurfaceProfile = Partial<Record<SurfaceFeature, { label: Label; count: number }>>;

const SURFACE_WORDING: Record<SurfaceFeature, string> = {
  "speaker-prefix": "starts with a speaker's initials (“JK:”, “SL:”)",
  "quotation-marks": "is wrapped in quotation marks",
  fragment: "is a fragment (it starts in lower case or has no closing full stop)",
};

export function surfaceFeatures(statement: string): SurfaceFeature[] {
  const s = statement.trim();
  const out: SurfaceFeature[] = [];
  if (/^(?:[A-Z]{2,3}|Kerry|Lavrov|Obama|Putin)\s*:/.test(s)) out.push("speaker-prefix");
  if (/^[“"‘']/.test(s) && /[”"’'][.?!]?$/.test(s)) out.push("quotation-marks");
  if (/^[\p{Ll}]/u.test(s) || !/[.?!…”"’)]$/.test(s)) out.push("fragment");
  return out;
}

/** The surface features that predict the label of every classify statement (two or more) having them. */
export function surfaceProfile(questions: readonly Question[]): SurfaceProfile {
  const profile: SurfaceProfile = {};
  for (const feature of SURFACE_FEATURES) {
    const labels = questions.flatMap((q) => (q.type === "classify" && surfaceFeatures(q.statement).includes(feature) ? [q.answer] : []));
    const [first] = labels;
    if (first && labels.length >= 2 && labels.every((l) => l === first)) profile[feature] = { label: first, count: labels.length };
  }
  return profile;
}

const LABEL_WORDS: Record<Label, string> = {
  "reported-fact": "reported fact",
  "on-record-quote": "on-record quote",
  opinion: "opinion",
  "imagined-dialogue": "imagined dialogue",
  "editorial-note": "editorial note",
};

function classifySurface(q: Question, profile: SurfaceProfile | undefined): Flaw[] {
  if (q.type !== "classify" || !profile) return [];
  return surfaceFeatures(q.statement).flatMap((feature) => {
    const seen = profile[feature];
    if (!seen || seen.label !== q.answer) return [];
    return [
      {
        code: "classify-surface" as const,
        message: `This statement ${SURFACE_WORDING[feature]}, and every such statement in the bank (${seen.count}) is ${LABEL_WORDS[seen.label]}: the form gives the label away. Mix in statements of other kinds with the same form, or classify a sentence without it.`,
      },
    ];
  });
}

function tagFlaws(q: Question, ctx: FlawContext): Flaw[] {
  const flaws: Flaw[] = [];
  const cited = new Set(q.paragraphIds);
  const sharesParagraph = (ids: readonly string[]) => ids.some((id) => cited.has(id));
  if (ctx.phases) {
    // A phase is earned by a cited paragraph of that phase, or by a tagged event of it that a cited paragraph mentions.
    const viaEvents = new Set(
      q.eventIds.flatMap((id) => {
        const event = ctx.events?.find((e) => e.id === id);
        return event && sharesParagraph(event.paragraphIds) ? [event.phaseId] : [];
      }),
    );
    for (const id of q.phaseIds) {
      const phase = ctx.phases.find((p) => p.id === id);
      if (phase && !sharesParagraph(phase.paragraphIds) && !viaEvents.has(phase.id)) {
        flaws.push({
          code: "phase-tag",
          severity: "error",
          message: `Tagged with the phase “${phase.title}”, but no paragraph it cites belongs to that phase or mentions a tagged event of it, so the question counts toward a phase its answer does not rest on. Tag only what a student must know.`,
        });
      }
    }
  }
  if (ctx.events) {
    const blocks = ctx.blocks ? q.paragraphIds.map((id) => ctx.blocks?.find((b) => b.id === id)) : [];
    const onlyImagined = blocks.length > 0 && blocks.every((b) => b?.label === "imagined-dialogue");
    for (const id of q.eventIds) {
      const event = ctx.events.find((e) => e.id === id);
      if (!event) continue;
      if (!sharesParagraph(event.paragraphIds)) {
        flaws.push({
          code: "event-tag",
          severity: "error",
          message: `Tagged with the event “${event.title}”, but none of the paragraphs it cites mentions that event. Tag only the events the answer rests on.`,
        });
      }
      if (onlyImagined && event.mentionedOnlyIn !== "imagined-dialogue") {
        flaws.push({
          code: "imagined-event-tag",
          severity: "error",
          message: `Cites only the imagined dialogue but is tagged with the real event “${event.title}”, so answering it counts as knowing that event. Drop the tag, or cite a paragraph that reports the event.`,
        });
      }
    }
  }
  return flaws;
}

/** Every item-writing flaw of one question (waivers are not applied here; see unwaived). */
export function questionFlaws(q: Question, ctx: FlawContext = {}): Flaw[] {
  const choices = choicesOf(q);
  const flaws: Flaw[] = [];
  if (choices) {
    flaws.push(...longestKey(q, choices), ...preciseKey(q, choices), ...stemExcludes(q, choices), ...stemEcho(q, choices));
    flaws.push(...grammarCue(q, choices), ...allNoneAbove(choices), ...nearDuplicates(choices, "Options"));
  }
  flaws.push(...absoluteWords(q, choices));
  if (q.type === "order")
    flaws.push(
      ...nearDuplicates(
        q.items.map((i) => ({ ...i, key: false })),
        "Items",
      ),
    );
  if (q.type === "match") {
    flaws.push(
      ...nearDuplicates(
        q.left.map((i) => ({ ...i, key: false })),
        "Items",
      ),
    );
    flaws.push(
      ...nearDuplicates(
        q.right.map((i) => ({ ...i, key: false })),
        "Items",
      ),
    );
  }
  flaws.push(...classifySurface(q, ctx.classifySurface));
  flaws.push(...tagFlaws(q, ctx));
  return flaws;
}

/** The flaws a question has not waived in writing. */
export function unwaived(q: Pick<Question, "waivers">, flaws: readonly Flaw[]): Flaw[] {
  return flaws.filter((f) => !q.waivers?.[f.code]);
}

// ---------------------------------------------------------------------------------------------
// Bank-level checks.

function ordinal(n: number): string {
  return ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"][n] ?? `#${n + 1}`;
}

function biased(observed: number, fair: number): boolean {
  return observed > BIAS_RATIO * fair && observed - fair >= BIAS_MIN_EXCESS;
}

function keyPositionBias(questions: readonly Question[]): BankFlaw[] {
  const flaws: BankFlaw[] = [];
  for (const type of ["single", "multiple"] as const) {
    const list = questions.flatMap((q) => (q.type === type ? [q] : []));
    const maxOptions = Math.max(0, ...list.map((q) => q.options.length));
    for (let pos = 0; pos < maxOptions; pos++) {
      let observed = 0;
      let fair = 0;
      const ids: string[] = [];
      for (const q of list) {
        const option = q.options[pos];
        if (!option) continue;
        const keys = q.type === "single" ? [q.answer] : q.answer;
        fair += keys.length / q.options.length;
        if (keys.includes(option.id)) {
          observed += 1;
          ids.push(q.id);
        }
      }
      if (!biased(observed, fair)) continue;
      flaws.push({
        code: "key-position",
        message: `${type === "single" ? "Single-choice" : "Multiple-select"} questions: the ${ordinal(pos)} option is ${type === "single" ? "the" : "a"} right answer in ${observed} of ${list.length} questions, where about ${fair.toFixed(1)} would be fair. Move keys so every position holds its share (${ids.join(", ")}).`,
      });
    }
  }
  return flaws;
}

function answerCountPattern(questions: readonly Question[]): BankFlaw[] {
  const list = questions.flatMap((q) => (q.type === "multiple" ? [q] : []));
  if (list.length < 4) return [];
  const byPattern = new Map<string, string[]>();
  for (const q of list) {
    const pattern = `${q.answer.length} of ${q.options.length}`;
    byPattern.set(pattern, [...(byPattern.get(pattern) ?? []), q.id]);
  }
  const [pattern, ids] = [...byPattern.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  if (!pattern || !ids || ids.length / list.length <= ANSWER_COUNT_MAX_SHARE) return [];
  return [
    {
      code: "answer-count",
      message: `Multiple-select questions: ${ids.length} of ${list.length} have exactly ${pattern} options right. A student who has noticed can guess how many to tick: vary the number of right answers (${ids.join(", ")}).`,
    },
  ];
}

function longestKeyShare(questions: readonly Question[]): BankFlaw[] {
  const list = questions.flatMap((q) => (q.type === "single" ? [q] : []));
  const longest = list.filter((q) => {
    const key = q.options.find((o) => o.id === q.answer);
    return key && q.options.every((o) => o === key || o.text.trim().length < key.text.trim().length);
  });
  const fair = list.reduce((n, q) => n + 1 / q.options.length, 0);
  if (!biased(longest.length, fair)) return [];
  return [
    {
      code: "longest-key",
      message: `Single-choice questions: the right answer is the longest option in ${longest.length} of ${list.length}, where about ${fair.toFixed(1)} would be fair. "Pick the longest" pays: make some wrong options the longest (${longest.map((q) => q.id).join(", ")}).`,
    },
  ];
}

/** Every flaw in a bank: each question's (with the bank's classify profile) and the bank's patterns. */
export function bankFlaws(questions: readonly Question[], ctx: Omit<FlawContext, "classifySurface"> = {}): BankFlaw[] {
  const withProfile: FlawContext = { ...ctx, classifySurface: surfaceProfile(questions) };
  const perQuestion = questions.flatMap((q) => questionFlaws(q, withProfile).map((f) => ({ ...f, questionId: q.id })));
  return [...perQuestion, ...keyPositionBias(questions), ...answerCountPattern(questions), ...longestKeyShare(questions)];
}

/**
 * The bank's flaws that no waiver covers, plus waivers that cover nothing (a stale waiver
 * would silently excuse a flaw the question may gain later).
 */
export function unwaivedBankFlaws(questions: readonly Question[], ctx: Omit<FlawContext, "classifySurface"> = {}): BankFlaw[] {
  const all = bankFlaws(questions, ctx);
  const byId = new Map(questions.map((q) => [q.id, q]));
  const open = all.filter((f) => f.questionId === undefined || !byId.get(f.questionId)?.waivers?.[f.code]);
  const stale: BankFlaw[] = questions.flatMap((q) =>
    Object.keys(q.waivers ?? {})
      .filter((code) => !all.some((f) => f.questionId === q.id && f.code === code))
      .map((code) => ({
        code: code as FlawCode,
        questionId: q.id,
        severity: "error" as const,
        message: `waives “${code}”, but the question has no such flaw: remove the waiver.`,
      })),
  );
  return [...open, ...stale];
}

// ---------------------------------------------------------------------------------------------
// Coverage: every lesson has a quiz of its own, and every term a lesson teaches is asked.

export const MIN_QUESTIONS_PER_LESSON = 12;

export type CoverageContent = {
  lessons: readonly Pick<Lesson, "slug" | "title" | "blockIds" | "glossaryTermIds" | "showFrontMatter" | "showBackMatter">[];
  glossary: readonly Pick<GlossaryTerm, "id" | "term" | "matches">[];
  blocks: readonly Pick<Block, "id" | "section" | "display">[];
};

/** The texts a student reads in a question (not the explanation, which comes after answering). */
export function askedText(q: Question): string[] {
  switch (q.type) {
    case "single":
    case "multiple":
      return [q.prompt, ...q.options.map((o) => o.text)];
    case "order":
      return [q.prompt, ...q.items.map((o) => o.text)];
    case "match":
      return [q.prompt, ...q.left.map((o) => o.text), ...q.right.map((o) => o.text)];
    case "classify":
      return [q.prompt, q.statement];
    case "true-false":
      return [q.prompt];
  }
}

/** The lesson whose quiz a question belongs to: the one showing every paragraph it cites (like lessonOfQuestion in bank.ts). */
export function lessonSlugOf(q: Pick<Question, "paragraphIds">, content: CoverageContent): string | undefined {
  const slugs = new Set(
    q.paragraphIds.map((id) => {
      const owner = content.lessons.find((l) => l.blockIds.includes(id));
      if (owner) return owner.slug;
      const block = content.blocks.find((b) => b.id === id);
      if (block?.display === false) return undefined;
      if (block?.section === "front-matter") return content.lessons.find((l) => l.showFrontMatter)?.slug;
      if (block?.section === "back-matter") return content.lessons.find((l) => l.showBackMatter)?.slug;
      return undefined;
    }),
  );
  const [slug] = slugs;
  return slugs.size === 1 ? slug : undefined;
}

/**
 * One line per gap: a lesson with too few questions of its own, a taught term never asked. A
 * term counts as asked when a question lists it in `glossaryTermIds`, i.e. answering it needs
 * the term's meaning (a mere mention in a prompt does not teach or test it; see decision 0026).
 */
export function coverageGaps(questions: readonly Question[], content: CoverageContent, minPerLesson = MIN_QUESTIONS_PER_LESSON): string[] {
  const gaps: string[] = [];
  for (const lesson of content.lessons) {
    const own = questions.filter((q) => lessonSlugOf(q, content) === lesson.slug).length;
    if (own < minPerLesson) {
      gaps.push(`lesson "${lesson.slug}" (${lesson.title}) has ${own} questions citing only its own paragraphs; it needs at least ${minPerLesson}`);
    }
  }
  const known = new Set(content.glossary.map((t) => t.id));
  for (const q of questions) {
    for (const id of q.glossaryTermIds ?? []) if (!known.has(id)) gaps.push(`question "${q.id}" is tagged with glossary term "${id}", which does not exist`);
  }
  const taught = new Map<string, string[]>();
  for (const lesson of content.lessons) for (const id of lesson.glossaryTermIds) taught.set(id, [...(taught.get(id) ?? []), lesson.slug]);
  for (const [id, lessons] of taught) {
    if (questions.some((q) => q.glossaryTermIds?.includes(id))) continue;
    const term = content.glossary.find((t) => t.id === id);
    gaps.push(
      `glossary term "${id}" (${term?.term ?? "?"}), taught in ${lessons.join(", ")}, is asked by no question (no question lists it in glossaryTermIds)`,
    );
  }
  return gaps;
}
