/**
 * An article as one JSON file, laid out like `content/`: one key per content file (`article` for
 * article.json, `lessons`, `glossary`, `contextNotes`, `phases`, `events`, `questions`), so a
 * teacher can keep it under version control and move it between deployments. Importing the file
 * gives back the same document (round-trip tested).
 */
import { z } from "zod";
import { DomainError } from "@/lib/errors";
import {
  ARTICLE_FORMAT,
  ArticleDocSchema,
  DocBlockSchema,
  DocContextNoteSchema,
  DocEventSchema,
  DocGlossaryTermSchema,
  DocLessonSchema,
  DocMetaSchema,
  DocPhaseSchema,
  type ArticleDoc,
} from "./schema";

/** A question as exported: its body (lib/quiz/schema.ts, answer key included) and the sentences it rests on. */
export const PortableQuestionSchema = z.looseObject({
  type: z.string(),
  prompt: z.string(),
  sentenceIds: z.array(z.string()).min(1),
});
export type PortableQuestion = z.infer<typeof PortableQuestionSchema>;

export const ArticleFileSchema = z.strictObject({
  format: z.literal(ARTICLE_FORMAT),
  exportedAt: z.string().optional(),
  article: z.strictObject({ meta: DocMetaSchema, blocks: z.array(DocBlockSchema).min(1) }),
  lessons: z.array(DocLessonSchema),
  glossary: z.array(DocGlossaryTermSchema),
  contextNotes: z.array(DocContextNoteSchema),
  phases: z.array(DocPhaseSchema),
  events: z.array(DocEventSchema),
  questions: z.array(PortableQuestionSchema),
  nextId: z.number().int().min(1),
});
export type ArticleFile = z.infer<typeof ArticleFileSchema>;

export function exportArticle(doc: ArticleDoc, questions: readonly PortableQuestion[], now = new Date()): ArticleFile {
  return {
    format: ARTICLE_FORMAT,
    exportedAt: now.toISOString(),
    article: { meta: doc.meta, blocks: doc.blocks },
    lessons: doc.lessons,
    glossary: doc.glossary,
    contextNotes: doc.contextNotes,
    phases: doc.phases,
    events: doc.events,
    questions: [...questions],
    nextId: doc.nextId,
  };
}

const MAX_PROBLEMS = 5;

/** Reads an exported file back. Every problem is named by where it is in the file. */
export function parseArticleFile(text: string): { doc: ArticleDoc; questions: PortableQuestion[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DomainError("invalid_input", `The file is not valid JSON (${error instanceof Error ? error.message : "unreadable"}).`);
  }
  if (typeof json === "object" && json !== null && "format" in json && json.format !== ARTICLE_FORMAT) {
    throw new DomainError("invalid_input", `The file's format is ${JSON.stringify(json.format)}; Backchannel reads "${ARTICLE_FORMAT}".`);
  }
  const file = ArticleFileSchema.safeParse(json);
  if (!file.success) throw new DomainError("invalid_input", `The file does not fit the article format: ${describe(file.error)}`);
  const { article, lessons, glossary, contextNotes, phases, events, nextId, questions } = file.data;
  const doc = ArticleDocSchema.safeParse({ meta: article.meta, blocks: article.blocks, lessons, contextNotes, glossary, phases, events, nextId });
  if (!doc.success) throw new DomainError("invalid_input", `The file does not fit the article format: ${describe(doc.error)}`);
  const sentenceIds = new Set(doc.data.blocks.flatMap((b) => b.sentences.map((s) => s.id)));
  const problems = references(doc.data);
  questions.forEach((q, i) => {
    for (const id of q.sentenceIds) if (!sentenceIds.has(id)) problems.push(`questions[${i}] rests on sentence "${id}", which is not in the article`);
  });
  if (problems.length > 0) throw new DomainError("invalid_input", `The file's parts do not fit together: ${problems.slice(0, MAX_PROBLEMS).join("; ")}.`);
  return { doc: doc.data, questions };
}

/** Ids must be unique, every block id a part names must exist, and `nextId` must be past every minted id. */
export function references(doc: ArticleDoc): string[] {
  const problems: string[] = [];
  const blockIds = new Set<string>();
  const seen = new Set<string>();
  const once = (id: string, where: string) => {
    if (seen.has(id)) problems.push(`${where} uses the id "${id}" twice`);
    seen.add(id);
  };
  for (const block of doc.blocks) {
    once(block.id, "article.blocks");
    blockIds.add(block.id);
    for (const s of block.sentences) once(s.id, "article.blocks");
  }
  const check = (where: string, ids: readonly string[]) => {
    for (const id of ids) if (!blockIds.has(id)) problems.push(`${where} names paragraph "${id}", which is not in the article`);
  };
  for (const [where, list] of [
    ["lessons", doc.lessons],
    ["contextNotes", doc.contextNotes],
    ["glossary", doc.glossary],
    ["phases", doc.phases],
    ["events", doc.events],
  ] as const)
    for (const item of list) once(item.id, where);
  doc.lessons.forEach((l, i) => check(`lessons[${i}]`, l.blockIds));
  doc.contextNotes.forEach((n, i) => check(`contextNotes[${i}]`, [n.blockId, ...(n.relatedBlockIds ?? [])]));
  doc.glossary.forEach((t, i) => check(`glossary[${i}]`, t.blockIds));
  doc.phases.forEach((p, i) => check(`phases[${i}]`, p.blockIds));
  doc.events.forEach((e, i) => check(`events[${i}]`, e.blockIds));
  const phaseIds = new Set(doc.phases.map((p) => p.id));
  doc.events.forEach((e, i) => {
    if (e.phaseId !== null && !phaseIds.has(e.phaseId)) problems.push(`events[${i}] names phase "${e.phaseId}", which is not in the file`);
  });
  let highest = 0;
  for (const id of seen) {
    const minted = /^[a-z](\d+)$/.exec(id);
    if (minted?.[1]) highest = Math.max(highest, Number(minted[1]));
  }
  if (doc.nextId <= highest) problems.push(`nextId is ${doc.nextId} but the id number ${highest} is already used`);
  return problems;
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, MAX_PROBLEMS)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "the file"}: ${issue.message}`)
    .join("; ");
}
