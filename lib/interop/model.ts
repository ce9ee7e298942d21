/**
 * Questions on their way to and from Moodle (GIFT and Moodle XML, decision 0046). Pure: what the
 * two formats share. A question leaves with its metadata as tags (`bc-paragraph-<id>`, …) and its
 * explanation and source paragraphs in the general feedback; it comes back as a candidate that the
 * teacher's own rules then check (lib/teacher/question-rules.ts), like a question typed in the editor.
 */
import { CLASSIFY_CHOICES, type Question, type QuestionType } from "@/lib/quiz/schema";

export const INTEROP_FORMATS = ["gift", "moodle-xml"] as const;
export type InteropFormat = (typeof INTEROP_FORMATS)[number];

export const FORMAT_NAMES: Record<InteropFormat, string> = { gift: "GIFT", "moodle-xml": "Moodle XML" };

/** A paragraph a question rests on, as a reader names it and word for word. */
export type SourceParagraph = { id: string; place: string; text: string };

/** A question to export, with the paragraphs it rests on. */
export type ExportItem = { question: Question; sources: readonly SourceParagraph[] };

/** A question left out of a file, and why: listed in the file and on the page, never dropped silently. */
export type Skipped = { id: string; prompt: string; reason: string };

export type ExportResult = { text: string; written: number; skipped: Skipped[] };

/** What the built-in article gives the mapping: the label names and where paragraphs are. */
export type InteropContext = {
  /** "Lesson 2, paragraph 4" → the paragraph's id; undefined for a place that is not in the article. */
  paragraphAt: (place: string) => string | undefined;
  /** Whether the id is a paragraph of the article. */
  hasParagraph: (id: string) => boolean;
  /** The phases whose paragraphs include this one. */
  phasesOf: (paragraphId: string) => readonly string[];
  /** The label's name as the app shows it ("Author’s opinion"). */
  labelName: (label: (typeof CLASSIFY_CHOICES)[number]) => string;
};

// ---------------------------------------------------------------------------------------------
// Tags: what Moodle keeps for us and gives back (both formats carry tags).

const TAG = "bc-";

export function tagsOf(question: Question): string[] {
  return [
    `${TAG}type-${question.type}`,
    `${TAG}difficulty-${question.difficulty}`,
    ...question.paragraphIds.map((id) => `${TAG}paragraph-${id}`),
    ...question.phaseIds.map((id) => `${TAG}phase-${id}`),
    ...question.eventIds.map((id) => `${TAG}event-${id}`),
    ...question.contextNoteIds.map((id) => `${TAG}note-${id}`),
  ];
}

export type TagMeta = {
  type?: string;
  difficulty?: number;
  paragraphIds: string[];
  phaseIds: string[];
  eventIds: string[];
  contextNoteIds: string[];
};

/** The metadata in a question's tags; other tags (a school's own) are left alone. */
export function readTags(tags: readonly string[]): TagMeta {
  const meta: TagMeta = { paragraphIds: [], phaseIds: [], eventIds: [], contextNoteIds: [] };
  const lists = { paragraph: meta.paragraphIds, phase: meta.phaseIds, event: meta.eventIds, note: meta.contextNoteIds } as const;
  for (const raw of tags) {
    const tag = raw.trim().toLowerCase();
    if (!tag.startsWith(TAG)) continue;
    const match = /^bc-(type|difficulty|paragraph|phase|event|note)-(.+)$/.exec(tag);
    if (!match?.[1] || !match[2]) continue;
    const [, kind, value] = match;
    if (kind === "type") meta.type = value;
    else if (kind === "difficulty") meta.difficulty = Number(value);
    else {
      const list = lists[kind as keyof typeof lists];
      if (!list.includes(value)) list.push(value);
    }
  }
  return meta;
}

// ---------------------------------------------------------------------------------------------
// General feedback: the explanation, then one line per source paragraph.

const SOURCE_LINE = /^Source: (Lesson \d+, paragraph \d+)\b/;

export function feedbackOf(question: Question, sources: readonly SourceParagraph[]): string {
  const lines = sources.map((s) => `Source: ${s.place}: “${s.text}”`);
  return [question.explanation, ...(lines.length > 0 ? ["", ...lines] : [])].join("\n");
}

/** The explanation and the places named on "Source: Lesson N, paragraph M" lines. */
export function readFeedback(feedback: string): { explanation: string; places: string[] } {
  const places: string[] = [];
  const kept: string[] = [];
  for (const line of feedback.split(/\r?\n/)) {
    const match = SOURCE_LINE.exec(line.trim());
    if (match?.[1]) places.push(match[1]);
    else kept.push(line);
  }
  return { explanation: kept.join("\n").trim(), places };
}

/** A question's text for a file: a classify question's statement follows its prompt after a blank line. */
export function questionTextOf(question: Question): string {
  return question.type === "classify" ? `${question.prompt}\n\n${question.statement}` : question.prompt;
}

/** Moodle's grade fractions are percentages written to five places ("33.33333"). */
export function percent(share: number): string {
  return String(Number((share * 100).toFixed(5)));
}

/** Why a question cannot be written in a format, or null when it can. */
export function cannotWrite(question: Question, format: InteropFormat): string | null {
  if (question.type === "order" && format === "gift") return "GIFT has no ordering type; the Moodle XML file carries it as an ordering question.";
  if (question.type === "match" && question.right.length < 3) return "Moodle’s matching type needs at least three answers.";
  return null;
}

// ---------------------------------------------------------------------------------------------
// Reading: what both readers produce, then one question candidate.

export type ReadChoice = { text: string; /** percent, −100..100 */ fraction: number; feedback: string };
export type ReadBody =
  | { kind: "choice"; single: boolean; choices: ReadChoice[] }
  | { kind: "true-false"; answer: boolean }
  /** `left` empty: an extra answer that matches nothing. */
  | { kind: "match"; pairs: { left: string; right: string }[] }
  | { kind: "order"; items: string[] }
  | { kind: "unsupported"; typeName: string };

/** One question as a file holds it, with the line it starts on. */
export type ReadItem = { line: number; name: string; text: string; generalFeedback: string; tags: string[]; body: ReadBody };

export type Candidate = { ok: true; candidate: Record<string, unknown>; notes: string[] } | { ok: false; problem: string };

const TYPE_NAMES: Record<string, string> = {
  shortanswer: "short-answer",
  Short: "short-answer",
  numerical: "numerical",
  Numerical: "numerical",
  essay: "essay",
  Essay: "essay",
  description: "description (text, not a question)",
  Description: "description (text, not a question)",
  cloze: "embedded-answers (Cloze)",
  multianswer: "embedded-answers (Cloze)",
};

export function unsupportedMessage(typeName: string): string {
  return `Backchannel has no ${TYPE_NAMES[typeName] ?? `“${typeName}”`} questions; it was not brought in.`;
}

const letters = (i: number) => `o${i + 1}`;

/** Where the question's paragraphs come from: its tags, else the "Source:" lines of its feedback. */
function paragraphsOf(meta: TagMeta, places: readonly string[], ctx: InteropContext): { ids: string[] } | { problem: string } {
  if (meta.paragraphIds.length > 0) {
    const unknown = meta.paragraphIds.filter((id) => !ctx.hasParagraph(id));
    if (unknown.length > 0) return { problem: `Its tag names paragraph “${unknown[0]}”, which is not in the article.` };
    return { ids: meta.paragraphIds };
  }
  const ids: string[] = [];
  for (const place of places) {
    const id = ctx.paragraphAt(place);
    if (!id) return { problem: `Its feedback names “${place}”, which is not in the article.` };
    if (!ids.includes(id)) ids.push(id);
  }
  if (ids.length === 0)
    return {
      problem:
        "It names no paragraph of the article, and every question rests on one: add a line “Source: Lesson N, paragraph M” to its general feedback (or a tag bc-paragraph-<id>).",
    };
  return { ids };
}

/** A question candidate from what a file held, or the reason it cannot be one. */
export function toCandidate(item: ReadItem, ctx: InteropContext): Candidate {
  const { body } = item;
  if (body.kind === "unsupported") return { ok: false, problem: unsupportedMessage(body.typeName) };
  const meta = readTags(item.tags);
  const { explanation, places } = readFeedback(item.generalFeedback);
  const notes: string[] = [];
  const sources = paragraphsOf(meta, places, ctx);
  if ("problem" in sources) return { ok: false, problem: sources.problem };
  if (explanation === "") return { ok: false, problem: "It has no general feedback: Backchannel shows every student why the answer is right." };
  const paragraphIds = sources.ids;
  // A question Backchannel wrote (it has a type tag) keeps its phases as tagged, none included;
  // one written elsewhere gets the phases of its paragraphs.
  const ours = meta.type !== undefined;
  const phaseIds = ours || meta.phaseIds.length > 0 ? meta.phaseIds : [...new Set(paragraphIds.flatMap((id) => ctx.phasesOf(id)))];
  const difficulty = meta.difficulty === 1 || meta.difficulty === 2 || meta.difficulty === 3 ? meta.difficulty : 2;
  const common = { difficulty, explanation, paragraphIds, phaseIds, eventIds: meta.eventIds, contextNoteIds: meta.contextNoteIds };
  const prompt = item.text.trim();
  const tagged = meta.type as QuestionType | undefined;

  switch (body.kind) {
    case "true-false":
      return { ok: true, notes, candidate: { ...common, type: "true-false", prompt, answer: body.answer } };
    case "match": {
      const real = body.pairs.filter((p) => p.left.trim() !== "");
      const rightTexts = [...new Set(body.pairs.map((p) => p.right.trim()))];
      const right = rightTexts.map((text, i) => ({ id: `r${i + 1}`, text }));
      const left = real.map((p, i) => ({ id: `l${i + 1}`, text: p.left.trim() }));
      const answer = Object.fromEntries(real.map((p, i) => [`l${i + 1}`, `r${rightTexts.indexOf(p.right.trim()) + 1}`]));
      return { ok: true, notes, candidate: { ...common, type: "match", prompt, left, right, answer } };
    }
    case "order": {
      const items = body.items.map((text, i) => ({ id: `i${i + 1}`, text: text.trim() }));
      return { ok: true, notes, candidate: { ...common, type: "order", prompt, items, answer: items.map((i) => i.id) } };
    }
    case "choice": {
      const correct = body.choices.filter((c) => c.fraction > 0);
      if (correct.length === 0) return { ok: false, problem: "None of its answers is marked right." };
      if (tagged === "classify") {
        const split = prompt.indexOf("\n\n");
        const key = correct[0];
        const label = CLASSIFY_CHOICES.find((l) => ctx.labelName(l) === key?.text.trim());
        if (split === -1 || !label || correct.length !== 1)
          return {
            ok: false,
            problem:
              "It is tagged as a classify question but is not one: its text needs the statement after a blank line, and one right answer that is a label.",
          };
        return {
          ok: true,
          notes,
          candidate: { ...common, type: "classify", prompt: prompt.slice(0, split).trim(), statement: prompt.slice(split + 2).trim(), answer: label },
        };
      }
      const options = body.choices.map((c, i) => ({ id: letters(i), text: c.text.trim() }));
      const wrongExplanations = Object.fromEntries(
        body.choices.flatMap((c, i) => (c.fraction <= 0 && c.feedback.trim() !== "" ? [[letters(i), c.feedback.trim()]] : [])),
      );
      if (correct.some((c) => c.feedback.trim() !== "")) notes.push("Feedback on a right answer is not kept: the explanation says why it is right.");
      const single = body.single && correct.length === 1;
      if (body.single && correct.length > 1) return { ok: false, problem: "It allows one answer but marks several right." };
      if (!single && correct.some((c) => c.fraction < 100 / correct.length - 0.01))
        notes.push("Partial credit is not kept: every answer marked right counts in full, as Backchannel grades.");
      const answer = single ? letters(body.choices.findIndex((c) => c.fraction > 0)) : body.choices.flatMap((c, i) => (c.fraction > 0 ? [letters(i)] : []));
      return { ok: true, notes, candidate: { ...common, type: single ? "single" : "multiple", prompt, options, answer, wrongExplanations } };
    }
  }
}

/** A short name for a question in a file: its prompt, cut. */
export function nameOf(question: Question): string {
  const text = question.prompt.replace(/\s+/g, " ").trim();
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
