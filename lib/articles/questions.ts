/**
 * Questions about an imported article (issue 16, decisions 0039 and 0043). Each rests on 1 to 10 sentences
 * of the article, chosen in the source picker; the paragraphs it cites are derived from them (in
 * article order), so "show in text" and the heatmap work as for the built-in questions. The text
 * of those sentences is kept as it was when saved (`sourceText`): a later version that changes
 * one flags the question "source changed" until the teacher confirms or fixes it.
 *
 * A question passes what a teacher's built-in question passes (the bank's schema and integrity
 * checks, against this article's blocks, phases and events), and the rule above all others, per
 * sentence: a question that rests on the author's opinion or the imagined dialogue says so.
 * Only the article's owner reads or writes its questions (`requireEditable`, first, every time).
 */
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { QuestionSchema, type Question } from "@/lib/quiz/schema";
import { newQuestionId } from "@/lib/teacher/questions";
import { checkArticleQuestion, reanchoredIds, resolveSources, sourceChanges, type SourceChange, type Sources } from "./question-sources";
import type { ArticleDoc } from "./schema";
import { createArticle, getDraft, requireEditable, type Viewer } from "./store";

export { MAX_SOURCE_SENTENCES, NO_SOURCE } from "./question-sources";
export type { SourceChange } from "./question-sources";

const NEEDS_CHANGES = "The question needs a few changes before it can be saved.";
const NOT_FOUND = "That question does not exist, or it is not one of this article’s.";

// ---------------------------------------------------------------------------------------------
// Reading and writing

export type ArticleQuestionSummary = {
  id: string;
  type: string;
  prompt: string;
  difficulty: number;
  retired: boolean;
  sourceChanged: boolean;
  sentenceIds: string[];
  updatedAt: Date;
};

const SUMMARY = { id: true, type: true, prompt: true, difficulty: true, retiredAt: true, sourceChangedAt: true, sentenceIds: true, updatedAt: true } as const;

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function textRecord(value: unknown): Record<string, string> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

function summarise(row: {
  id: string;
  type: string;
  prompt: string;
  difficulty: number;
  retiredAt: Date | null;
  sourceChangedAt: Date | null;
  sentenceIds: unknown;
  updatedAt: Date;
}): ArticleQuestionSummary {
  return {
    id: row.id,
    type: row.type,
    prompt: row.prompt,
    difficulty: row.difficulty,
    retired: row.retiredAt !== null,
    sourceChanged: row.sourceChangedAt !== null,
    sentenceIds: stringList(row.sentenceIds),
    updatedAt: row.updatedAt,
  };
}

/** The article's questions, in use first, those whose source changed at the top. */
export async function listArticleQuestions(viewer: Viewer, articleId: string): Promise<ArticleQuestionSummary[]> {
  await requireEditable(viewer, articleId);
  const rows = await db.question.findMany({
    where: { articleId, ownerId: viewer.id, source: "TEACHER" },
    orderBy: [{ retiredAt: "asc" }, { updatedAt: "desc" }],
    select: SUMMARY,
  });
  return rows.map(summarise).sort((a, b) => Number(a.retired) - Number(b.retired) || Number(b.sourceChanged) - Number(a.sourceChanged));
}

export type ArticleQuestion = { summary: ArticleQuestionSummary; question: Question; sourceText: Record<string, string> };

/** One of the article's questions for its owner; a refusal for anyone else and any other id. */
export async function getArticleQuestion(viewer: Viewer, articleId: string, questionId: string): Promise<ArticleQuestion> {
  await requireEditable(viewer, articleId);
  const row = await db.question.findFirst({
    where: { id: questionId, articleId, ownerId: viewer.id, source: "TEACHER" },
    select: { ...SUMMARY, body: true, sourceText: true },
  });
  const parsed = row ? QuestionSchema.safeParse(row.body) : null;
  if (!row || !parsed?.success) throw new DomainError("not_found", NOT_FOUND);
  return { summary: summarise(row), question: { ...parsed.data, id: row.id }, sourceText: textRecord(row.sourceText) };
}

function columns(question: Question, sources: Sources) {
  return {
    type: question.type,
    difficulty: question.difficulty,
    prompt: question.prompt,
    body: question,
    paragraphIds: [...question.paragraphIds],
    sentenceIds: sources.sentenceIds,
    sourceText: sources.sourceText,
    // Saved against the draft's text: whatever changed has been looked at.
    sourceChangedAt: null,
  };
}

function requireValid(doc: ArticleDoc, candidate: Record<string, unknown>, id: string) {
  const checked = checkArticleQuestion(doc, candidate, id);
  if (!checked.ok) throw new DomainError("invalid_input", NEEDS_CHANGES, checked.errors);
  return checked;
}

/** A new question on the article. `candidate` is the question (any id is replaced) with its `sentenceIds`. */
export async function createArticleQuestion(viewer: Viewer, articleId: string, candidate: Record<string, unknown>): Promise<{ id: string }> {
  const { doc } = await getDraft(viewer, articleId);
  const { question, sources } = requireValid(doc, candidate, newQuestionId());
  await db.question.create({ data: { id: question.id, source: "TEACHER", ownerId: viewer.id, articleId, ...columns(question, sources) } });
  return { id: question.id };
}

/** A new text for one of the article's questions; its type stays (past answers were given to it). */
export async function updateArticleQuestion(viewer: Viewer, articleId: string, questionId: string, candidate: Record<string, unknown>): Promise<void> {
  const { doc } = await getDraft(viewer, articleId);
  const existing = await getArticleQuestion(viewer, articleId, questionId);
  const { question, sources } = requireValid(doc, { ...candidate, type: existing.question.type }, questionId);
  await db.question.update({ where: { id: questionId }, data: columns(question, sources) });
}

/** What changed in the sources of a flagged question, against the draft the teacher edits. */
export async function reviewSources(viewer: Viewer, articleId: string, questionId: string): Promise<SourceChange[]> {
  const { doc } = await getDraft(viewer, articleId);
  const { sourceText } = await getArticleQuestion(viewer, articleId, questionId);
  return sourceChanges(sourceText, doc);
}

/**
 * The teacher read the changed sentences and the question still holds: its sources are the
 * draft's text now and it is back in new attempts. A sentence that is gone cannot be confirmed:
 * the question needs new sources (edit it).
 */
export async function confirmSources(viewer: Viewer, articleId: string, questionId: string): Promise<void> {
  const { doc } = await getDraft(viewer, articleId);
  const { summary, sourceText, question } = await getArticleQuestion(viewer, articleId, questionId);
  const resolved = resolveSources(doc, reanchoredIds(summary.sentenceIds, sourceText, doc));
  if (!resolved.ok) throw new DomainError("conflict", `${resolved.message} Edit the question to choose its sentences again.`);
  // The paragraphs follow the sentences (a re-anchored sentence may sit in another block); the body keeps them too.
  const { paragraphIds, sentenceIds, sourceText: snapshot } = resolved.sources;
  await db.question.update({
    where: { id: questionId },
    data: { sentenceIds, sourceText: snapshot, paragraphIds, body: { ...question, paragraphIds }, sourceChangedAt: null },
  });
}

/** Retired questions stay in past attempts and reports but are no longer offered for new ones. */
export async function setArticleQuestionRetired(viewer: Viewer, articleId: string, questionId: string, retired: boolean, now = new Date()): Promise<void> {
  await getArticleQuestion(viewer, articleId, questionId);
  await db.question.update({ where: { id: questionId }, data: { retiredAt: retired ? now : null } });
}

/**
 * A new draft from an exported file, with its questions: every question is checked against the
 * file's own article first, and a file with any problem stores nothing (each problem is named).
 */
export async function importArticleFile(
  viewer: Viewer,
  file: { doc: ArticleDoc; questions: readonly Record<string, unknown>[] },
): Promise<{ id: string; questions: number }> {
  const checked = file.questions.map((candidate, index) => ({ index, candidate, result: checkArticleQuestion(file.doc, candidate, newQuestionId()) }));
  const problems = checked.flatMap(({ index, candidate, result }) =>
    result.ok ? [] : [`questions[${index}] (“${String(candidate.prompt ?? "").slice(0, 60)}”): ${Object.values(result.errors).flat().join(" ")}`],
  );
  if (problems.length > 0)
    throw new DomainError("invalid_input", `The file's questions need changes before it can be brought in: ${problems.slice(0, 5).join("; ")}`);
  const { id } = await createArticle(viewer, file.doc, async (tx, articleId) => {
    const rows = checked.flatMap(({ result }) =>
      result.ok ? [{ id: result.question.id, source: "TEACHER" as const, ownerId: viewer.id, articleId, ...columns(result.question, result.sources) }] : [],
    );
    if (rows.length > 0) await tx.question.createMany({ data: rows });
  });
  return { id, questions: checked.length };
}
