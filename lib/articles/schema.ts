/**
 * The article document: one article as a teacher edits it and as every page renders it
 * (decision 0039). Built-in and imported articles share this shape; the built-in article is
 * converted from `content/` by `fromContent` (./content-bridge.ts) and loaded by the seed.
 *
 * Ids are stable: a sentence keeps its id through label changes, edits and splits (the first
 * part keeps it), so a question's sources and a student's answers keep pointing at the text.
 * New ids come from `nextId`, a counter stored in the document, never from array positions.
 */
import { z } from "zod";
import { KIND_VALUES, LabelSchema, PartialDateSchema, VerdictSchema } from "@/lib/content/schema";

export const ARTICLE_FORMAT = "backchannel-article/1";

const nonEmpty = z.string().trim().min(1);
const short = nonEmpty.max(300);
const long = nonEmpty.max(5000);
/** Ids inside a document: lowercase slugs, as in `content/`. */
export const DocIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lowercase slug (a-z, 0-9, single hyphens)")
  .max(80);
/** Only web addresses: never `javascript:` or `data:`, so a link can never run script. */
export const WebUrlSchema = z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(2000);

export const DocSentenceSchema = z.strictObject({
  id: DocIdSchema,
  text: z.string().min(1).max(5000),
  /** Null until the teacher labels it; an article publishes only when every shown sentence has one. */
  label: LabelSchema.nullable(),
  /** "Why this label": shown to students behind a disclosure. */
  labelNote: long.optional(),
  /** Who speaks, for an on-record quote or a line of dialogue. */
  speaker: short.optional(),
});
export type DocSentence = z.infer<typeof DocSentenceSchema>;

export const BLOCK_KINDS = KIND_VALUES;
export const DocBlockSchema = z.strictObject({
  id: DocIdSchema,
  /** A `heading` starts a section; captions, quotes and page furniture are kinds too. */
  kind: z.enum(BLOCK_KINDS),
  /** Set when the block is kept but not shown to students (page furniture, a photo credit). */
  hiddenReason: short.optional(),
  sentences: z.array(DocSentenceSchema).min(1),
  /**
   * The label a paragraph shows when its sentences differ, chosen by an editor (the built-in
   * article has them). Without it, or when no sentence carries it any more, the commonest.
   */
  label: LabelSchema.optional(),
  /**
   * The article's headline and introduction ("front") or its end matter ("back"): shown apart
   * from the lesson's text and not counted as reading it.
   */
  matter: z.enum(["front", "back"]).optional(),
});
export type DocBlock = z.infer<typeof DocBlockSchema>;

export const DocMetaSchema = z.strictObject({
  title: short,
  author: short,
  publisher: short,
  /** As precise as known: "2016", "2016-09" or "2016-09-12". */
  date: PartialDateSchema.nullable(),
  url: WebUrlSchema.nullable(),
  usageNote: long,
});
export type DocMeta = z.infer<typeof DocMetaSchema>;

export const DocLessonSchema = z.strictObject({
  id: DocIdSchema,
  title: short,
  /** The lesson's blocks: a contiguous run of the article, in order. */
  blockIds: z.array(DocIdSchema).min(1),
  objectives: z.array(short).max(8),
  summary: long.nullable(),
  /** "editorial" when the title is not the article's own heading but an editor's. */
  titleSource: z.enum(["article", "editorial"]).optional(),
  /** The key terms the lesson lists, in its order; without it, those that occur in its blocks. */
  glossaryIds: z.array(DocIdSchema).optional(),
});
export type DocLesson = z.infer<typeof DocLessonSchema>;

export const DocSourceSchema = z.strictObject({
  title: short,
  url: WebUrlSchema,
  date: PartialDateSchema.nullable(),
  publisher: short.optional(),
  /** What the source states that supports the note. */
  says: long.optional(),
});
export type DocSource = z.infer<typeof DocSourceSchema>;

export const DocContextNoteSchema = z.strictObject({
  id: DocIdSchema,
  blockId: DocIdSchema,
  /** Other blocks (a caption, say) that state the same thing. */
  relatedBlockIds: z.array(DocIdSchema).optional(),
  claim: long,
  verdict: VerdictSchema,
  /** What the record says. */
  verifiedFact: long,
  sources: z.array(DocSourceSchema).min(1).max(10),
});
export type DocContextNote = z.infer<typeof DocContextNoteSchema>;

export const DocGlossaryTermSchema = z.strictObject({
  id: DocIdSchema,
  term: short,
  definition: long,
  blockIds: z.array(DocIdSchema),
  /** A usage note shown under the definition. */
  note: long.optional(),
  /** Where the definition comes from. */
  source: z.strictObject({ title: short, url: WebUrlSchema, publisher: short }).optional(),
});
export type DocGlossaryTerm = z.infer<typeof DocGlossaryTermSchema>;

export const DocPhaseSchema = z.strictObject({
  id: DocIdSchema,
  title: short,
  startYear: z.number().int().min(1000).max(2100),
  endYear: z.number().int().min(1000).max(2100),
  summary: long.nullable(),
  blockIds: z.array(DocIdSchema),
});
export type DocPhase = z.infer<typeof DocPhaseSchema>;

export const DocEventSchema = z.strictObject({
  id: DocIdSchema,
  title: short,
  date: PartialDateSchema,
  phaseId: DocIdSchema.nullable(),
  description: long.nullable(),
  blockIds: z.array(DocIdSchema).min(1),
  place: short.optional(),
  people: z.array(short).max(20).optional(),
  /** The context notes about the event; without it, the notes on its paragraphs. */
  contextNoteIds: z.array(DocIdSchema).optional(),
});
export type DocEvent = z.infer<typeof DocEventSchema>;

export const ArticleDocSchema = z.strictObject({
  meta: DocMetaSchema,
  blocks: z.array(DocBlockSchema).min(1).max(20000),
  lessons: z.array(DocLessonSchema),
  contextNotes: z.array(DocContextNoteSchema),
  glossary: z.array(DocGlossaryTermSchema),
  phases: z.array(DocPhaseSchema),
  events: z.array(DocEventSchema),
  /** The next free number for a new id (`b<n>`, `s<n>`, `l<n>`, …). */
  nextId: z.number().int().min(1),
});
export type ArticleDoc = z.infer<typeof ArticleDocSchema>;
