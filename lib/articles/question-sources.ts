/**
 * What a question on an imported article rests on, checked (pure; lib/articles/questions.ts
 * stores it). Each rests on 1 to 10 sentences of the article; its paragraphs are derived from
 * them, its text passes the bank's checks against this article, and the rule above all others
 * applies per sentence: a question resting on the author's opinion or the imagined dialogue says so.
 */
import { ATTRIBUTION_PATTERN, IMAGINED_PATTERN } from "@/lib/content/validate";
import type { Label } from "@/lib/content/schema";
import type { FieldErrors } from "@/lib/errors";
import type { BankContent } from "@/lib/quiz/bank";
import type { Question } from "@/lib/quiz/schema";
import { validateTeacherQuestion } from "@/lib/teacher/question-rules";
import { checkSources, sourceSnapshot } from "./anchor";
import type { ArticleDoc } from "./schema";
import { NO_SOURCE, sentenceStart } from "./sentence-start";
import { toRenderBlock } from "./view";

export const MAX_SOURCE_SENTENCES = 10;
export { NO_SOURCE };
const FACTUAL: ReadonlySet<Label> = new Set<Label>(["reported-fact", "on-record-quote"]);

type Located = { id: string; text: string; label: Label | null; blockId: string; blockIndex: number; hidden: boolean };

function locate(doc: ArticleDoc): Map<string, Located> {
  const out = new Map<string, Located>();
  doc.blocks.forEach((block, blockIndex) => {
    for (const s of block.sentences)
      out.set(s.id, { id: s.id, text: s.text, label: s.label, blockId: block.id, blockIndex, hidden: block.hiddenReason !== undefined });
  });
  return out;
}

export type Sources = { sentenceIds: string[]; paragraphIds: string[]; sourceText: Record<string, string>; labels: (Label | null)[]; texts: string[] };

/**
 * The sentences a question rests on, checked against the draft: 1 to 10, each in the article,
 * shown to students and labelled. Paragraphs come out in article order, each once.
 */
export function resolveSources(doc: ArticleDoc, sentenceIds: readonly string[]): { ok: true; sources: Sources } | { ok: false; message: string } {
  const ids = [...new Set(sentenceIds)];
  if (ids.length === 0) return { ok: false, message: NO_SOURCE };
  if (ids.length > MAX_SOURCE_SENTENCES) return { ok: false, message: `Choose at most ${MAX_SOURCE_SENTENCES} sentences: the ones a student needs to answer.` };
  const where = locate(doc);
  const found = ids.map((id) => where.get(id));
  if (found.some((s) => s === undefined)) return { ok: false, message: "Some of the chosen sentences are no longer in the article. Choose them again." };
  const sentences = found.filter((s): s is Located => s !== undefined);
  const hidden = sentences.find((s) => s.hidden);
  if (hidden) return { ok: false, message: `“${sentenceStart(hidden.text)}” is hidden from students, so a question cannot rest on it.` };
  const unlabelled = sentences.find((s) => s.label === null);
  if (unlabelled) return { ok: false, message: `Label “${sentenceStart(unlabelled.text)}” first: a question’s sources need their statement kind.` };
  const ordered = [...sentences].sort((a, b) => a.blockIndex - b.blockIndex);
  return {
    ok: true,
    sources: {
      sentenceIds: ids,
      paragraphIds: [...new Set(ordered.map((s) => s.blockId))],
      sourceText: sourceSnapshot(doc, ids),
      labels: sentences.map((s) => s.label),
      texts: sentences.map((s) => s.text),
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The bank's words that attribute a claim, plus this article's author by name and a few neutral forms. */
export function attributionPattern(author: string): RegExp {
  const names = author
    .split(/[^\p{L}'’-]+/u)
    .filter((word) => word.length >= 3 && /^\p{Lu}/u.test(word))
    .map(escapeRegExp);
  const extra = ["in (?:her|their) view", "the writer", "the writer['’]s", ...names].join("|");
  return new RegExp(`${ATTRIBUTION_PATTERN.source}|\\b(?:${extra})\\b`, "iu");
}

/**
 * The rule above all others, per sentence: a question (other than classify, which asks exactly
 * that) citing the author's opinion, an editorial note or the imagined dialogue says so in its
 * prompt, so a student never takes it for a reported fact.
 */
export function attributionProblems(type: string, prompt: string, sources: Pick<Sources, "labels" | "texts">, author: string): string[] {
  if (type === "classify") return [];
  const problems: string[] = [];
  const own = sources.labels.map((label, i) => ({ label, text: sources.texts[i] ?? "" })).filter((s) => s.label !== null && !FACTUAL.has(s.label));
  const imagined = own.find((s) => s.label === "imagined-dialogue");
  if (imagined && !IMAGINED_PATTERN.test(prompt)) {
    problems.push(
      `It rests on the imagined dialogue (“${sentenceStart(imagined.text)}”): say in the question that the lines are imagined (“In the imagined dialogue…”).`,
    );
  }
  const opinion = own.find((s) => s.label !== "imagined-dialogue");
  if (opinion && !attributionPattern(author).test(prompt)) {
    problems.push(
      `It rests on the author’s opinion (“${sentenceStart(opinion.text)}”): attribute it in the question (“In the author’s view…”, “${author.split(" ").at(-1) ?? "The author"} argues…”), or choose only sentences that state facts.`,
    );
  }
  return problems;
}

/** The article's draft in the shape the bank's integrity checks read. */
export function bankContentOfDoc(doc: ArticleDoc): BankContent {
  return {
    blocks: doc.blocks.map((block) => {
      const shown = toRenderBlock(block);
      return {
        id: block.id,
        kind: block.kind,
        label: shown.label,
        text: shown.text,
        ...(block.hiddenReason !== undefined ? { display: false as const } : {}),
        ...(shown.sentences ? { sentences: shown.sentences } : {}),
      };
    }),
    phases: doc.phases.map((p) => ({ id: p.id })),
    events: doc.events.map((e, i) => ({ id: e.id, date: e.date, position: i + 1, phaseId: e.phaseId })),
    contextNotes: doc.contextNotes.map((n) => ({ id: n.id })),
  };
}

/** The question as it will be stored, or every problem with it by form field. */
export function checkArticleQuestion(
  doc: ArticleDoc,
  candidate: Record<string, unknown>,
  id: string,
): { ok: true; question: Question; sources: Sources } | { ok: false; errors: FieldErrors } {
  const requested = Array.isArray(candidate.sentenceIds) ? candidate.sentenceIds.filter((s): s is string => typeof s === "string") : [];
  const resolved = resolveSources(doc, requested);
  const rest = Object.fromEntries(Object.entries(candidate).filter(([key]) => key !== "sentenceIds"));
  // Without sources the paragraphs are unknown: check everything else against a stand-in so the
  // teacher hears about all the problems at once.
  const paragraphIds = resolved.ok ? resolved.sources.paragraphIds : [doc.blocks.find((b) => b.hiddenReason === undefined)?.id ?? ""];
  const result = validateTeacherQuestion({ ...rest, id, paragraphIds }, bankContentOfDoc(doc), { paragraphSourceRule: false });
  const errors: FieldErrors = result.ok ? {} : { ...result.errors };
  // Paragraph problems are about the chosen sentences here: the teacher never picks paragraphs.
  if (errors.paragraphIds) {
    errors.sentenceIds = errors.paragraphIds;
    delete errors.paragraphIds;
  }
  if (!resolved.ok) {
    errors.sentenceIds = [resolved.message];
    // A classify statement is checked against the sources' paragraphs: unknown until they are chosen.
    delete errors.statement;
  } else {
    const prompt = typeof candidate.prompt === "string" ? candidate.prompt : "";
    const problems = attributionProblems(String(candidate.type), prompt, resolved.sources, doc.meta.author);
    if (problems.length > 0) errors.prompt = [...(errors.prompt ?? []), ...problems];
  }
  if (Object.keys(errors).length > 0 || !result.ok || !resolved.ok) return { ok: false, errors };
  return { ok: true, question: result.question, sources: resolved.sources };
}

/** A source sentence whose text differs now; `after` is null when it is gone from the article. */
export type SourceChange = { sentenceId: string; before: string; after: string | null };

/** The saved sentences whose text differs in `doc` now (after: null when the sentence is gone). */
export function sourceChanges(sourceText: Record<string, string>, doc: ArticleDoc): SourceChange[] {
  const where = locate(doc);
  const { changed, missing } = checkSources(sourceText, doc);
  return Object.entries(sourceText).flatMap(([sentenceId, before]) => {
    if (changed.includes(sentenceId)) return [{ sentenceId, before, after: where.get(sentenceId)?.text ?? null }];
    return missing.includes(sentenceId) ? [{ sentenceId, before, after: null }] : [];
  });
}

/**
 * The question's sentences after an edit: a sentence whose exact text moved to another id (a
 * split, a join) follows its text (lib/articles/anchor.ts); a gone one stays, to be refused.
 */
export function reanchoredIds(sentenceIds: readonly string[], sourceText: Record<string, string>, doc: ArticleDoc): string[] {
  const { reanchored } = checkSources(sourceText, doc);
  return [...new Set(sentenceIds.map((id) => reanchored[id] ?? id))];
}
