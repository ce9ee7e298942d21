/**
 * Zod schemas for the structured article content in `content/*.json`.
 *
 * The schemas check the shape of each file on its own. Everything that relates one
 * file to another (ids that must exist, lessons that must be contiguous, sentences that
 * must join back to their block, …) lives in `validate.ts`.
 */
import { z } from "zod";
import { KIND_VALUES, LABEL_VALUES, VERDICT_VALUES } from "./vocabulary";

export { KIND_VALUES, LABEL_VALUES, VERDICT_VALUES };
export const LabelSchema = z.enum(LABEL_VALUES);
export type Label = z.infer<typeof LabelSchema>;

export const SECTION_VALUES = ["front-matter", "opening", "eye-of-the-beholder", "messrs-fix-it", "back-matter"] as const;
export const SectionSchema = z.enum(SECTION_VALUES);
export type Section = z.infer<typeof SectionSchema>;

/** The three sections of the article body, which the lessons cover. */
export const BODY_SECTIONS: readonly Section[] = ["opening", "eye-of-the-beholder", "messrs-fix-it"];

/** Id prefix for the blocks of each section: `opening-p01`, `eye-c02`, `fixit-d07`, … */
export const SECTION_PREFIX: Record<Section, string> = {
  "front-matter": "front",
  opening: "opening",
  "eye-of-the-beholder": "eye",
  "messrs-fix-it": "fixit",
  "back-matter": "back",
};

export const KindSchema = z.enum(KIND_VALUES);
export type Kind = z.infer<typeof KindSchema>;

export const SpeakerSchema = z.enum(["Lavrov", "Kerry"]);
export type Speaker = z.infer<typeof SpeakerSchema>;

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const IdSchema = z.string().regex(idPattern, "must be a lowercase slug (a-z, 0-9, single hyphens)");
const nonEmpty = z.string().trim().min(1);

export const SentenceSchema = z.strictObject({
  text: z.string().min(1),
  label: LabelSchema,
});
export type Sentence = z.infer<typeof SentenceSchema>;

export const BlockSchema = z
  .strictObject({
    id: IdSchema,
    section: SectionSchema,
    kind: KindSchema,
    label: LabelSchema,
    // Never trimmed or normalised: it must stay byte-identical to the source line.
    text: z.string().min(1),
    display: z.literal(false).optional(),
    hiddenReason: nonEmpty.optional(),
    speaker: SpeakerSchema.optional(),
    labelNote: nonEmpty.optional(),
    sentences: z.array(SentenceSchema).min(2).optional(),
  })
  .refine((b) => (b.display === false) === (b.hiddenReason !== undefined), {
    message: "a block has hiddenReason exactly when it has display: false",
    path: ["hiddenReason"],
  })
  .refine((b) => (b.kind === "speech") === (b.speaker !== undefined), {
    message: "a block has a speaker exactly when its kind is speech",
    path: ["speaker"],
  });
export type Block = z.infer<typeof BlockSchema>;

export const ArticleSchema = z.strictObject({
  meta: z.strictObject({
    title: nonEmpty,
    author: nonEmpty,
    publisher: nonEmpty,
    year: z.number().int().min(1900).max(2100),
    // Relative to the repository root and inside `content/`: a clone must hold everything its tests read.
    sourceFile: nonEmpty.refine((file) => file.startsWith("content/") && !file.includes("\\") && !file.split("/").includes(".."), {
      message: "must be a path inside content/, relative to the repository root",
    }),
    usageNote: nonEmpty,
  }),
  blocks: z.array(BlockSchema).min(1),
});
export type Article = z.infer<typeof ArticleSchema>;

/** A published source. `says` records what the source states that supports the note. */
export const SourceSchema = z.strictObject({
  title: nonEmpty,
  publisher: nonEmpty,
  url: z.url({ protocol: /^https?$/ }),
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).optional(),
  says: nonEmpty.optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const ObjectiveSchema = z.strictObject({
  text: nonEmpty,
  /** The blocks the objective is built on; used to check it does not treat opinion as fact. */
  basedOn: z.array(IdSchema).min(1),
});
export type Objective = z.infer<typeof ObjectiveSchema>;

export const LessonSchema = z.strictObject({
  slug: IdSchema,
  title: nonEmpty,
  /** "article" when the title is the article's own heading, "editorial" when Backchannel chose it. */
  titleSource: z.enum(["article", "editorial"]),
  section: SectionSchema,
  blockIds: z.array(IdSchema).min(1),
  showFrontMatter: z.boolean().optional(),
  showBackMatter: z.boolean().optional(),
  objectives: z.array(ObjectiveSchema).min(3).max(4),
  summary: nonEmpty,
  glossaryTermIds: z.array(IdSchema),
});
export type Lesson = z.infer<typeof LessonSchema>;
export const LessonsFileSchema = z.strictObject({ lessons: z.array(LessonSchema).min(1) });

export const GlossaryTermSchema = z.strictObject({
  id: IdSchema,
  term: nonEmpty,
  /** Forms in which the term appears in the article (matched case-insensitively). */
  matches: z.array(nonEmpty),
  definition: nonEmpty,
  /** Every block whose text contains one of `matches`, in article order. */
  occurrences: z.array(IdSchema),
  inArticle: z.boolean(),
  note: nonEmpty.optional(),
  source: SourceSchema,
});
export type GlossaryTerm = z.infer<typeof GlossaryTermSchema>;
export const GlossaryFileSchema = z.strictObject({ terms: z.array(GlossaryTermSchema).min(1) });

export const VerdictSchema = z.enum(VERDICT_VALUES);
export type Verdict = z.infer<typeof VerdictSchema>;

export const ContextNoteSchema = z.strictObject({
  id: IdSchema,
  paragraphId: IdSchema,
  /** Other blocks (usually captions) that state the same thing. */
  relatedBlockIds: z.array(IdSchema).optional(),
  /** Quoted exactly from the text of `paragraphId`. */
  claim: nonEmpty,
  verdict: VerdictSchema,
  verifiedFact: nonEmpty,
  sources: z.array(SourceSchema.required({ says: true })).min(1),
});
export type ContextNote = z.infer<typeof ContextNoteSchema>;
export const ContextNotesFileSchema = z.strictObject({ notes: z.array(ContextNoteSchema).min(1) });

export const PhaseSchema = z
  .strictObject({
    id: IdSchema,
    position: z.number().int().min(1),
    title: nonEmpty,
    startYear: z.number().int(),
    endYear: z.number().int(),
    summary: nonEmpty,
    paragraphIds: z.array(IdSchema).min(1),
  })
  .refine((p) => p.startYear <= p.endYear, { message: "startYear must not be after endYear", path: ["endYear"] });
export type Phase = z.infer<typeof PhaseSchema>;
export const PhasesFileSchema = z.strictObject({ phases: z.array(PhaseSchema).min(1) });

/** "2001", "2001-06" or "2001-06-16". */
export const PartialDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "must be YYYY, YYYY-MM or YYYY-MM-DD");

export const EventSchema = z.strictObject({
  id: IdSchema,
  phaseId: IdSchema,
  title: nonEmpty,
  date: PartialDateSchema,
  place: nonEmpty,
  people: z.array(nonEmpty),
  description: nonEmpty,
  paragraphIds: z.array(IdSchema).min(1),
  position: z.number().int().min(1),
  contextNoteIds: z.array(IdSchema),
  /** Set when the article mentions the event only in opinion or only in the imagined dialogue. */
  mentionedOnlyIn: z.enum(["imagined-dialogue", "opinion"]).optional(),
});
export type TimelineEvent = z.infer<typeof EventSchema>;
export const EventsFileSchema = z.strictObject({ events: z.array(EventSchema).min(1) });

/** The raw JSON files, as imported. */
export type RawContent = {
  article: unknown;
  lessons: unknown;
  glossary: unknown;
  contextNotes: unknown;
  phases: unknown;
  events: unknown;
};

export type Content = {
  article: Article;
  lessons: Lesson[];
  glossary: GlossaryTerm[];
  contextNotes: ContextNote[];
  phases: Phase[];
  events: TimelineEvent[];
};

/** Where each part of the content lives, for error messages. */
export const CONTENT_FILES: Record<keyof RawContent, string> = {
  article: "content/article.json",
  lessons: "content/lessons.json",
  glossary: "content/glossary.json",
  contextNotes: "content/context-notes.json",
  phases: "content/phases.json",
  events: "content/events.json",
};
