// The question bank's shape (content/questions.json, and teacher-written questions in the
// database). One schema per question type; the answer key is kept apart from what a learner
// sees (see toPublicQuestion in lib/quiz/public.ts), so it never reaches the browser early.
import { z } from "zod";
import { LabelSchema } from "@/lib/content/schema";
import { QuizKind } from "@/lib/enums";
import { FLAW_CODES } from "./flaw-codes";

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lowercase slug (a-z, 0-9, single hyphens)");
// Messages a teacher reads beside the field (the question editor) or under a question's line (an import).
const text = z.string().trim().min(1, "This can’t be empty.").max(2000, "At most 2,000 characters.");
const options = (min: number, max: number, what: string) => {
  const message = `Give ${min} to ${max} ${what}.`;
  return z.array(OptionSchema).min(min, message).max(max, message);
};

export const QUESTION_TYPES = ["single", "multiple", "true-false", "order", "match", "classify"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** A quiz's kind as the start-quiz action and the JSON API accept it: the schema's QuizKind. */
export const QuizKindSchema = z.enum(QuizKind);

export const OptionSchema = z.strictObject({ id, text });
export type Option = z.infer<typeof OptionSchema>;

const common = {
  id,
  /** 1 = recall, 2 = understanding, 3 = analysis. */
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  prompt: text,
  /** Why the right answer is right. Shown after the learner answers. */
  explanation: text,
  /** The paragraphs (content/article.json block ids) the question rests on: "show in text". */
  paragraphIds: z.array(id).min(1, "Name at least one paragraph the question rests on."),
  phaseIds: z.array(id),
  eventIds: z.array(id),
  /** Context notes whose verified record the question follows where the article is imprecise. */
  contextNoteIds: z.array(id).default([]),
  /** Glossary terms (content/glossary.json) whose meaning a student needs to answer: "asks the term". */
  glossaryTermIds: z.array(id).optional(),
  /**
   * Item-writing flaws (lib/quiz/item-flaws.ts) the author accepts, each with the written reason
   * why it is fine here. For reviewers only: never sent to a learner (lib/quiz/public.ts).
   */
  waivers: z.partialRecord(z.enum(FLAW_CODES), text).optional(),
  /**
   * Questions whose wording answers this one (or the other way round), so one attempt never asks
   * both ("item enemies"). Either side may name the other; lib/quiz/pick-questions.ts reads it both ways.
   */
  notWith: z.array(id).optional(),
};

/** Explanations for tempting wrong choices, by option id. */
const wrongExplanations = z.record(z.string(), text).default({});

export const SingleChoiceSchema = z.strictObject({
  ...common,
  type: z.literal("single"),
  options: options(2, 6, "options"),
  answer: id,
  wrongExplanations,
});

export const MultipleSelectSchema = z.strictObject({
  ...common,
  type: z.literal("multiple"),
  options: options(3, 8, "options"),
  answer: z.array(id).min(1, "Mark at least one option right."),
  wrongExplanations,
});

export const TrueFalseSchema = z.strictObject({
  ...common,
  type: z.literal("true-false"),
  answer: z.boolean(),
});

/** Put the items in chronological order; `answer` lists item ids, earliest first. */
export const OrderSchema = z.strictObject({
  ...common,
  type: z.literal("order"),
  items: options(3, 6, "items to put in order"),
  answer: z.array(id).min(3, "Give the order of at least 3 items."),
});

/** Match each left item (e.g. an event) to one right item (a year, place or person). */
export const MatchSchema = z.strictObject({
  ...common,
  type: z.literal("match"),
  left: options(2, 6, "items on the left"),
  right: options(2, 8, "items on the right"),
  /** left id → right id */
  answer: z.record(z.string(), id),
});

/** Classify a sentence of the article: reported fact, on-record quote, opinion or imagined dialogue. */
export const ClassifySchema = z.strictObject({
  ...common,
  type: z.literal("classify"),
  /** The exact words from the article (a whole block or one of its sentences). */
  statement: text,
  answer: LabelSchema.exclude(["editorial-note"]),
});

export const QuestionSchema = z.discriminatedUnion("type", [
  SingleChoiceSchema,
  MultipleSelectSchema,
  TrueFalseSchema,
  OrderSchema,
  MatchSchema,
  ClassifySchema,
]);
export type Question = z.infer<typeof QuestionSchema>;
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;

export const QuestionBankSchema = z.strictObject({ questions: z.array(QuestionSchema).min(1) });

/** What a learner submits, by question type. */
export const ResponseSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("single"), choice: z.string().max(100) }),
  z.strictObject({ type: z.literal("multiple"), choices: z.array(z.string().max(100)).max(20) }),
  z.strictObject({ type: z.literal("true-false"), value: z.boolean() }),
  z.strictObject({ type: z.literal("order"), order: z.array(z.string().max(100)).max(20) }),
  z.strictObject({ type: z.literal("match"), pairs: z.record(z.string().max(100), z.string().max(100)) }),
  z.strictObject({ type: z.literal("classify"), label: z.string().max(40) }),
]);
export type QuestionResponse = z.infer<typeof ResponseSchema>;

/** The statement kinds a learner chooses from in a classify question. */
export const CLASSIFY_CHOICES = ["reported-fact", "on-record-quote", "opinion", "imagined-dialogue"] as const;
