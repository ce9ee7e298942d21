// Request and response schemas of the JSON API (/api/v1), in one place: the route handlers parse
// with them and lib/api/openapi.ts turns them into the OpenAPI document.
import { z } from "zod";
import { QuizKind } from "@/lib/enums";
import { LABEL_VALUES } from "@/lib/content/schema";
import { ResponseSchema } from "@/lib/quiz/schema";

/** The named schemas of the API; lib/api/openapi.ts lists them as components. */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "Stable machine-readable code, e.g. not_found, invalid_input." }),
      message: z.string().meta({ description: "What went wrong, for people." }),
      details: z.unknown().optional(),
    }),
  })
  .register(apiSchemas, { id: "Error" });

export const QuizKindSchema = z.enum(QuizKind).register(apiSchemas, { id: "QuizKind" });

export const StartAttemptRequest = z
  .strictObject({
    kind: QuizKindSchema,
    scopeId: z.string().min(1).max(100).nullable().default(null).meta({ description: "Lesson slug (LESSON) or phase id (PHASE); null otherwise." }),
  })
  .register(apiSchemas, { id: "StartAttemptRequest" });

export const AnswerRequest = z.strictObject({ response: ResponseSchema }).register(apiSchemas, {
  id: "AnswerRequest",
  description: "Option, item and match-column ids as this attempt's question showed them (its tokens); any other id is refused (400 invalid_input).",
});

const OptionOut = z.object({
  id: z.string().meta({
    description: "An opaque token for this option in this attempt only: different in every attempt, unrelated to the option's place or to the answer.",
  }),
  text: z.string(),
});
export const PublicQuestionOut = z
  .object({
    id: z.string(),
    type: z.enum(["single", "multiple", "true-false", "order", "match", "classify"]),
    prompt: z.string(),
    difficulty: z.number().int(),
    options: z.array(OptionOut).optional(),
    items: z.array(OptionOut).optional(),
    left: z.array(OptionOut).optional(),
    right: z.array(OptionOut).optional(),
    statement: z.string().optional(),
    choices: z.array(z.enum(LABEL_VALUES)).optional(),
    answer: z.unknown().optional().meta({
      description:
        "Only once the question is answered (and the attempt may reveal). Names options by the same tokens as `options`, `items`, `left` and `right`.",
    }),
    explanation: z.string().optional(),
    wrongExplanations: z.record(z.string(), z.string()).optional(),
    paragraphIds: z.array(z.string()).optional(),
  })
  .register(apiSchemas, { id: "Question" });

export const ResultOut = z
  .object({
    correct: z.boolean(),
    score: z.number().min(0).max(1),
    feedback: z.unknown().meta({
      description:
        "The key and a verdict per option, in the attempt's tokens; null when the question was changed after this answer (the score stands as recorded).",
    }),
  })
  .nullable()
  .register(apiSchemas, { id: "Result", description: "Null when the assignment holds results back." });

export const AttemptItemOut = z
  .object({
    position: z.number().int(),
    status: z.enum(["open", "answered"]),
    question: PublicQuestionOut,
    result: ResultOut.optional(),
    response: ResponseSchema.optional(),
  })
  .register(apiSchemas, { id: "AttemptItem" });

export const AttemptOut = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: QuizKindSchema,
    scopeId: z.string().nullable(),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
    score: z.number().nullable(),
    reveal: z.boolean(),
    late: z.boolean().meta({ description: "Started after the learner's own due date (her extension included); false for practice." }),
    counted: z
      .boolean()
      .meta({ description: "Counts toward her grade on the assignment (the teacher's late-work choices); false for practice, which counts toward none." }),
    items: z.array(AttemptItemOut),
  })
  .register(apiSchemas, { id: "Attempt" });

export const AnswerOut = z
  .object({ recorded: z.boolean(), answered: z.number().int(), total: z.number().int(), item: AttemptItemOut })
  .register(apiSchemas, { id: "AnswerOutcome" });

export const FinishOut = z.object({ score: z.number().min(0).max(1), finishedAt: z.iso.datetime() }).register(apiSchemas, { id: "FinishOutcome" });
