/**
 * The reviewed question bank (content/questions.json), validated once when this module is
 * first imported, like lib/content.
 *
 * `checkBankIntegrity(questions, content)` is pure, so tests can feed it broken copies. Every
 * problem names the file, the question and what is wrong, e.g.
 *   content/questions.json: questions[3] ("q-slovenia-summit-year") cites paragraph "eye-p99", which does not exist
 * The rule above all others (content/EDITORIAL.md): a question never presents the author's
 * opinion or his imagined dialogue as fact. Classify questions ask what kind of statement a
 * sentence is; every other question must rest on a reported fact, an on-record quote or a
 * context note, and must say so in its prompt when it cites an opinion or an imagined line.
 */
import bankJson from "@/content/questions.json";
import {
  getBlocks,
  getContextNotes,
  getEvents,
  getLessonForBlock,
  getPhases,
  type Block,
  type ContextNote,
  type Label,
  type Phase,
  type TimelineEvent,
} from "@/lib/content";
import { ATTRIBUTION_PATTERN, IMAGINED_PATTERN, hasFactualContent } from "@/lib/content/validate";
import { QUESTION_TYPES, QuestionBankSchema, type Question, type QuestionType } from "./schema";

export const QUESTIONS_FILE = "content/questions.json";

/**
 * The content the bank refers to (by default the validated content from lib/content). Only the
 * fields the checks read, so an imported article's document can be checked too
 * (lib/articles/questions.ts); its events may have no phase.
 */
export type BankBlock = Pick<Block, "id" | "kind" | "label" | "text" | "display" | "sentences">;
export type BankContent = {
  blocks: readonly BankBlock[];
  phases: readonly Pick<Phase, "id">[];
  events: readonly (Pick<TimelineEvent, "id" | "date" | "position"> & { phaseId: string | null })[];
  contextNotes: readonly Pick<ContextNote, "id">[];
};

export type IntegrityOptions = {
  /**
   * Whether to apply the paragraph-level rule for non-classify questions (rests on a fact or a
   * context note; says so when it cites opinion or imagined lines). Article questions apply it
   * per sentence instead (lib/articles/questions.ts), which is finer than a mixed paragraph.
   */
  paragraphSourceRule?: boolean;
};

export class QuestionBankError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.join("\n"));
    this.name = "QuestionBankError";
    this.problems = problems;
  }
}

/** The content from lib/content, in the shape checkBankIntegrity takes. */
export function bankContent() {
  return { blocks: getBlocks(), phases: getPhases(), events: getEvents(), contextNotes: getContextNotes() };
}

/** Lower case, one kind of quote mark, single spaces, no trailing punctuation: for spotting duplicates. */
export function normaliseText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s.?!:;,]+$/, "");
}

/** `y2001` names a year, `m2014-09` a month: match answers that can be checked against events.json. */
const YEAR_ID = /^y(\d{4})$/;
const MONTH_ID = /^m(\d{4}-\d{2})$/;

/**
 * The texts a classify statement may be: a block's whole text (unless it is split) or one of its
 * sentences; for a line of the imagined dialogue also its words without the speaker's initials and
 * stage direction, or one sentence of them. Without that, every imagined item would start with
 * "SL:" or "JK:" and the form alone would give the answer. Likewise a sentence of a quotation
 * without its quotation marks: otherwise only quotes would come in them.
 */
function classifiable(block: BankBlock): { text: string; label: Label; whole: boolean }[] {
  const out = [{ text: block.text, label: block.label, whole: true }];
  for (const s of block.sentences ?? []) out.push({ text: s.text, label: s.label, whole: false });
  if (block.kind === "speech") {
    const words = block.text.replace(SPEAKER_AND_STAGE_DIRECTION, "");
    out.push({ text: words, label: block.label, whole: false });
    for (const { segment } of SENTENCES.segment(words)) out.push({ text: segment.trim(), label: block.label, whole: false });
  }
  const quoted = block.kind === "quote" ? QUOTED_WORDS.exec(block.text)?.[1] : undefined;
  if (quoted) for (const { segment } of SENTENCES.segment(quoted)) out.push({ text: segment.trim(), label: block.label, whole: false });
  return out;
}
const SPEAKER_AND_STAGE_DIRECTION = /^(?:SL|JK|Kerry):\s*(?:\[[^\]]*\]\s*)?/;
const QUOTED_WORDS = /“([^”]+)”/;
const SENTENCES = new Intl.Segmenter("en", { granularity: "sentence" });

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) (seen.has(id) ? twice : seen).add(id);
  return [...twice];
}

/** Every integrity problem in the bank (empty when all is well). */
export function checkBankIntegrity(questions: readonly Question[], content: BankContent, options: IntegrityOptions = {}): string[] {
  const problems: string[] = [];
  const blockById = new Map(content.blocks.map((b) => [b.id, b]));
  const phaseIds = new Set(content.phases.map((p) => p.id));
  const eventById = new Map(content.events.map((e) => [e.id, e]));
  const noteIds = new Set(content.contextNotes.map((n) => n.id));
  const questionIds = new Set(questions.map((q) => q.id));

  const firstWithId = new Map<string, number>();
  const firstWithText = new Map<string, string>();

  questions.forEach((q, index) => {
    const where = `${QUESTIONS_FILE}: questions[${index}] (${JSON.stringify(q.id)})`;
    const report = (problem: string) => problems.push(`${where} ${problem}`);

    // Ids and duplicates.
    const earlier = firstWithId.get(q.id);
    if (earlier !== undefined) report(`uses the id "${q.id}", which questions[${earlier}] already uses`);
    else firstWithId.set(q.id, index);

    const key = q.type === "classify" ? `statement:${normaliseText(q.statement)}` : `prompt:${normaliseText(q.prompt)}`;
    const twin = firstWithText.get(key);
    if (twin !== undefined) report(`repeats the ${q.type === "classify" ? "statement" : "prompt"} of question "${twin}"`);
    else firstWithText.set(key, q.id);

    // References.
    const blocks: BankBlock[] = [];
    for (const id of q.paragraphIds) {
      const block = blockById.get(id);
      if (!block) report(`cites paragraph "${id}", which does not exist`);
      else if (block.display === false) report(`cites paragraph "${id}", which is not displayed`);
      else blocks.push(block);
    }
    for (const id of duplicates(q.paragraphIds)) report(`cites paragraph "${id}" twice`);
    for (const id of q.phaseIds) if (!phaseIds.has(id)) report(`names phase "${id}", which does not exist`);
    for (const id of duplicates(q.phaseIds)) report(`names phase "${id}" twice`);
    for (const id of q.contextNoteIds) if (!noteIds.has(id)) report(`cites context note "${id}", which does not exist`);
    for (const id of duplicates(q.contextNoteIds)) report(`cites context note "${id}" twice`);
    for (const id of q.notWith ?? []) {
      if (id === q.id) report("is listed in its own notWith");
      else if (!questionIds.has(id)) report(`is never to be asked with question "${id}", which does not exist`);
    }
    for (const id of duplicates(q.eventIds)) report(`names event "${id}" twice`);
    for (const id of q.eventIds) {
      const event = eventById.get(id);
      if (!event) report(`names event "${id}", which does not exist`);
      else if (event.phaseId !== null && !q.phaseIds.includes(event.phaseId)) {
        report(`names event "${id}" but not its phase "${event.phaseId}" in phaseIds`);
      }
    }

    // What the question rests on.
    if (q.type === "classify") {
      const found = blocks.flatMap((b) => classifiable(b).map((c) => ({ ...c, block: b }))).filter((c) => c.text === q.statement);
      if (found.length === 0) {
        report(`has a statement that is not the exact text of any of its paragraphs (${q.paragraphIds.join(", ")}) or of their sentences`);
      } else {
        const match = found.find((c) => !c.whole) ?? found[0];
        if (match) {
          if (match.whole && (match.block.sentences?.length ?? 0) > 0) {
            report(`classifies the whole of "${match.block.id}", a paragraph of mixed kinds; classify one of its sentences instead`);
          }
          if (match.label === "editorial-note") report(`classifies "${match.block.id}", an editorial note, which is not a statement about the world`);
          else if (match.label !== q.answer) {
            report(`answers "${q.answer}", but the article labels that statement (in "${match.block.id}") "${match.label}"`);
          }
        }
      }
    } else if (options.paragraphSourceRule !== false) {
      const factual = blocks.some(hasFactualContent);
      if (!factual && q.contextNoteIds.length === 0) {
        report("rests only on opinion, imagined dialogue or editorial notes; cite a reported fact, an on-record quote or a context note");
      }
      const own = blocks.filter((b) => !hasFactualContent(b));
      if (own.some((b) => b.label === "imagined-dialogue") && !IMAGINED_PATTERN.test(q.prompt)) {
        report("cites the imagined dialogue but its prompt does not say the lines are imagined");
      }
      if (own.some((b) => b.label !== "imagined-dialogue") && !ATTRIBUTION_PATTERN.test(q.prompt)) {
        const ids = own.filter((b) => b.label !== "imagined-dialogue").map((b) => b.id);
        report(`cites ${ids.join(", ")} (not reported fact) but its prompt does not attribute the claim to the author`);
      }
    }

    // Answer keys.
    switch (q.type) {
      case "single":
      case "multiple": {
        const optionIds = q.options.map((o) => o.id);
        for (const id of duplicates(optionIds)) report(`has two options with the id "${id}"`);
        const correct = new Set(q.type === "single" ? [q.answer] : q.answer);
        for (const id of correct) if (!optionIds.includes(id)) report(`gives the answer "${id}", which is not one of its options`);
        if (q.type === "multiple") {
          for (const id of duplicates(q.answer)) report(`lists the answer "${id}" twice`);
          if (!optionIds.some((id) => !correct.has(id))) report("marks every option correct; a multiple-select question needs at least one wrong option");
        }
        for (const id of duplicates(q.options.map((o) => normaliseText(o.text)))) report(`has two options reading "${id}"`);
        for (const key of Object.keys(q.wrongExplanations)) {
          if (!optionIds.includes(key)) report(`explains a wrong option "${key}", which is not one of its options`);
          else if (correct.has(key)) report(`explains option "${key}" as wrong, but it is a correct answer`);
        }
        break;
      }
      case "true-false":
        break;
      case "order": {
        const itemIds = q.items.map((i) => i.id);
        for (const id of duplicates(itemIds)) report(`has two items with the id "${id}"`);
        const isPermutation = q.answer.length === itemIds.length && itemIds.every((id) => q.answer.includes(id));
        if (!isPermutation) report(`has an answer (${q.answer.join(", ")}) that is not an ordering of its items (${itemIds.join(", ")})`);
        // Items named after events must follow events.json (which is in chronological order).
        const events = q.answer.map((id) => eventById.get(id));
        events.forEach((event, i) => {
          if (!event) return;
          if (!q.eventIds.includes(event.id)) report(`orders the event "${event.id}" but does not list it in eventIds`);
          const next = events.slice(i + 1).find((e) => e !== undefined);
          if (next && next.position < event.position) report(`puts "${event.id}" (${event.date}) before "${next.id}" (${next.date})`);
        });
        break;
      }
      case "match": {
        const leftIds = q.left.map((o) => o.id);
        const rightIds = q.right.map((o) => o.id);
        for (const id of duplicates(leftIds)) report(`has two left items with the id "${id}"`);
        for (const id of duplicates(rightIds)) report(`has two right items with the id "${id}"`);
        for (const left of leftIds) {
          const right = q.answer[left];
          if (right === undefined) {
            report(`does not match the left item "${left}"`);
            continue;
          }
          if (!rightIds.includes(right)) {
            report(`matches "${left}" to "${right}", which is not one of its right items`);
            continue;
          }
          // Where the left item is an event and the right a phase, year or month, check it against events.json.
          const event = eventById.get(left);
          if (!event) continue;
          if (!q.eventIds.includes(event.id)) report(`matches the event "${event.id}" but does not list it in eventIds`);
          const year = YEAR_ID.exec(right)?.[1];
          const month = MONTH_ID.exec(right)?.[1];
          if (phaseIds.has(right) && event.phaseId !== right) report(`matches "${left}" to phase "${right}", but events.json puts it in "${event.phaseId}"`);
          if (year && !event.date.startsWith(year)) report(`matches "${left}" to ${year}, but events.json dates it ${event.date}`);
          if (month && !event.date.startsWith(month)) report(`matches "${left}" to ${month}, but events.json dates it ${event.date}`);
        }
        for (const key of Object.keys(q.answer)) if (!leftIds.includes(key)) report(`matches "${key}", which is not one of its left items`);
        break;
      }
      case "classify":
        break;
    }
  });
  return problems;
}

function loadBank(raw: unknown, content: BankContent): readonly Question[] {
  const parsed = QuestionBankSchema.safeParse(raw);
  if (!parsed.success) {
    throw new QuestionBankError(
      parsed.error.issues.map((issue) => `${QUESTIONS_FILE}: ${issue.path.map(String).join(".") || "(top level)"}: ${issue.message}`),
    );
  }
  const problems = checkBankIntegrity(parsed.data.questions, content);
  if (problems.length > 0) throw new QuestionBankError(problems);
  return parsed.data.questions;
}

/** Parse and check a raw bank (the shape of content/questions.json); throws QuestionBankError. */
export function validateBank(raw: unknown, content: BankContent = bankContent()): readonly Question[] {
  return loadBank(raw, content);
}

const questions = loadBank(bankJson, bankContent());
const questionById = new Map(questions.map((q) => [q.id, q]));

/** Every question, in file order. */
export function getQuestionBank(): readonly Question[] {
  return questions;
}

export function getQuestion(id: string): Question | undefined {
  return questionById.get(id);
}

export function getQuestionsForPhase(phaseId: string): readonly Question[] {
  return questions.filter((q) => q.phaseIds.includes(phaseId));
}

export function getQuestionsForEvent(eventId: string): readonly Question[] {
  return questions.filter((q) => q.eventIds.includes(eventId));
}

/**
 * The lesson a question belongs to: the one that shows every paragraph it cites (front and back
 * matter count for the lessons that show them). A question citing paragraphs of two lessons
 * belongs to none: it is for phase and mixed quizzes, never a lesson quiz, so a lesson quiz only
 * asks about what that lesson's reader has just read.
 */
export function lessonOfQuestion(question: Pick<Question, "paragraphIds">): string | undefined {
  const slugs = new Set(question.paragraphIds.map((id) => getLessonForBlock(id)?.lesson.slug));
  const [slug] = slugs;
  return slugs.size === 1 ? slug : undefined;
}

/** The questions of a lesson quiz: those that cite only paragraphs the lesson shows (see lessonOfQuestion). */
export function getQuestionsForLesson(slug: string): readonly Question[] {
  return questions.filter((q) => lessonOfQuestion(q) === slug);
}

/** Questions that cite paragraphs of more than one lesson: in phase and mixed quizzes only. */
export function getCrossLessonQuestions(): readonly Question[] {
  return questions.filter((q) => lessonOfQuestion(q) === undefined);
}

export type BankCoverage = {
  total: number;
  byType: Record<QuestionType, number>;
  byDifficulty: Record<1 | 2 | 3, number>;
  byPhase: Record<string, number>;
  byEvent: Record<string, number>;
  /** Questions per lesson quiz: a question citing paragraphs of several lessons counts for none. */
  byLesson: Record<string, number>;
  uncoveredPhases: string[];
  uncoveredEvents: string[];
};

/** How the questions spread over types, difficulties, phases, events and lessons. */
export function coverageOf(list: readonly Question[], content: BankContent = bankContent()): BankCoverage {
  const byType = Object.fromEntries(QUESTION_TYPES.map((t) => [t, 0])) as Record<QuestionType, number>;
  const byDifficulty: Record<1 | 2 | 3, number> = { 1: 0, 2: 0, 3: 0 };
  const byPhase = Object.fromEntries(content.phases.map((p) => [p.id, 0]));
  const byEvent = Object.fromEntries(content.events.map((e) => [e.id, 0]));
  const byLesson: Record<string, number> = {};
  for (const q of list) {
    byType[q.type] += 1;
    byDifficulty[q.difficulty] += 1;
    for (const id of q.phaseIds) byPhase[id] = (byPhase[id] ?? 0) + 1;
    for (const id of q.eventIds) byEvent[id] = (byEvent[id] ?? 0) + 1;
    const slug = lessonOfQuestion(q);
    if (slug) byLesson[slug] = (byLesson[slug] ?? 0) + 1;
  }
  return {
    total: list.length,
    byType,
    byDifficulty,
    byPhase,
    byEvent,
    byLesson,
    uncoveredPhases: Object.keys(byPhase).filter((id) => byPhase[id] === 0),
    uncoveredEvents: Object.keys(byEvent).filter((id) => byEvent[id] === 0),
  };
}

/** Coverage of the real bank. */
export function getBankCoverage(): BankCoverage {
  return coverageOf(questions);
}
