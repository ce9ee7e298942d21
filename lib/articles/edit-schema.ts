/**
 * The edits a teacher makes to a draft article, as data (decision 0040): `ArticleEditSchema`
 * parses one from an untrusted request. Applying it is ./apply-edit.ts; ./edit.ts does both.
 */
import { z } from "zod";
import { LabelSchema } from "@/lib/content/schema";
import { MAX_SENTENCES_PER_LABEL } from "./edit-limits";
import { BLOCK_KINDS, DocContextNoteSchema, DocEventSchema, DocGlossaryTermSchema, DocIdSchema, DocMetaSchema, DocPhaseSchema } from "./schema";

const id = DocIdSchema;
const short = z.string().trim().min(1).max(300);
/** Setting a note or speaker to null (or to blank text) removes it. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((value) => (value === "" ? null : value));

export const ArticleEditSchema = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("label"), sentenceIds: z.array(id).min(1).max(MAX_SENTENCES_PER_LABEL), label: LabelSchema.nullable() }),
  z.strictObject({ op: z.literal("labelNote"), sentenceId: id, note: optionalText(5000) }),
  z.strictObject({ op: z.literal("speaker"), sentenceId: id, speaker: optionalText(300) }),
  z.strictObject({ op: z.literal("splitSentence"), sentenceId: id, at: z.number().int().min(0).max(5000) }),
  z.strictObject({ op: z.literal("joinSentences"), sentenceId: id }),
  z.strictObject({ op: z.literal("splitBlock"), blockId: id, beforeSentenceId: id }),
  z.strictObject({ op: z.literal("joinBlocks"), blockId: id }),
  z.strictObject({ op: z.literal("setKind"), blockId: id, kind: z.enum(BLOCK_KINDS) }),
  z.strictObject({ op: z.literal("hide"), blockId: id, reason: short }),
  z.strictObject({ op: z.literal("show"), blockId: id }),
  z.strictObject({ op: z.literal("splitLesson"), lessonId: id, beforeBlockId: id }),
  z.strictObject({ op: z.literal("mergeLessons"), lessonId: id }),
  z.strictObject({
    op: z.literal("lessonDetails"),
    lessonId: id,
    title: short,
    objectives: z.array(short).max(8),
    summary: optionalText(5000),
  }),
  z.strictObject({ op: z.literal("upsertNote"), note: DocContextNoteSchema.extend({ id: id.optional() }) }),
  z.strictObject({ op: z.literal("deleteNote"), noteId: id }),
  z.strictObject({ op: z.literal("upsertTerm"), term: DocGlossaryTermSchema.extend({ id: id.optional() }) }),
  z.strictObject({ op: z.literal("deleteTerm"), termId: id }),
  z.strictObject({
    op: z.literal("upsertPhase"),
    phase: DocPhaseSchema.extend({ id: id.optional() }).refine((p) => p.startYear <= p.endYear, {
      message: "The start year must not be after the end year.",
      path: ["endYear"],
    }),
  }),
  z.strictObject({ op: z.literal("deletePhase"), phaseId: id }),
  z.strictObject({ op: z.literal("upsertEvent"), event: DocEventSchema.extend({ id: id.optional() }) }),
  z.strictObject({ op: z.literal("deleteEvent"), eventId: id }),
  z.strictObject({ op: z.literal("meta"), meta: DocMetaSchema }),
]);
/** An edit as the client builds it (before zod's trimming and defaults). */
export type ArticleEditInput = z.input<typeof ArticleEditSchema>;
export type ArticleEdit = z.output<typeof ArticleEditSchema>;
export type ArticleEditOp = ArticleEdit["op"];
