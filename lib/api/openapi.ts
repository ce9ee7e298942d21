// The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the handlers parse with.
import { z } from "zod";
import { apiSchemas } from "./schemas";

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string) => ({ "application/json": { schema: ref(id) } });
const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [String(status), { description: ERROR_TEXT[status] ?? "Error", content: json("Error") }]));
const ERROR_TEXT: Record<number, string> = {
  400: "Malformed JSON or input that does not fit the schema",
  401: "Not signed in",
  404: "No such attempt or question for this person (someone else's attempt looks the same)",
  409: "The attempt is finished, or the question was already answered differently",
  413: "Body too large",
  415: "Body is not JSON",
};
const idParam = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });

export function openApiDocument() {
  // Every schema registered in apiSchemas becomes a named component, with references between them.
  const generated = z.toJSONSchema(apiSchemas, { uri: (id) => `#/components/schemas/${id}`, io: "input" });
  const schemas = Object.fromEntries(
    Object.entries(generated.schemas).map(([id, schema]) => {
      // Components are not standalone documents: drop the dialect and id zod adds to each.
      const component: Record<string, unknown> = { ...schema };
      delete component.$schema;
      delete component.$id;
      return [id, component];
    }),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "Backchannel quiz API",
      version: "1.0.0",
      description:
        "Drive a quiz: start (or resume) an attempt, answer its questions one by one, finish it. Sign in first (Auth.js session cookie). Answer keys are only ever returned for questions already answered. Option, item and match-column ids are opaque tokens of one attempt (they differ in every attempt and carry no order): answer with the ids the attempt showed.",
    },
    servers: [{ url: "/" }],
    components: { schemas, securitySchemes: { session: { type: "apiKey", in: "cookie", name: "authjs.session-token" } } },
    security: [{ session: [] }],
    paths: {
      "/api/v1/attempts": {
        post: {
          summary: "Start a quiz, or resume the unfinished attempt at the same quiz",
          requestBody: { required: true, content: json("StartAttemptRequest") },
          responses: {
            "201": {
              description: "A new attempt",
              content: { "application/json": { schema: { type: "object", properties: { resumed: { type: "boolean" }, attempt: ref("Attempt") } } } },
            },
            "200": {
              description: "The unfinished attempt, resumed",
              content: { "application/json": { schema: { type: "object", properties: { resumed: { type: "boolean" }, attempt: ref("Attempt") } } } },
            },
            ...errors(400, 401, 409, 413, 415),
          },
        },
      },
      "/api/v1/attempts/{attemptId}": {
        get: {
          summary: "The attempt as its owner sees it",
          parameters: [idParam("attemptId")],
          responses: { "200": { description: "The attempt", content: json("Attempt") }, ...errors(401, 404) },
        },
      },
      "/api/v1/attempts/{attemptId}/answers/{questionId}": {
        put: {
          summary: "Answer one question (sending the same answer again is harmless)",
          parameters: [idParam("attemptId"), idParam("questionId")],
          requestBody: { required: true, content: json("AnswerRequest") },
          responses: {
            "201": { description: "Recorded", content: json("AnswerOutcome") },
            "200": { description: "The same answer was already recorded", content: json("AnswerOutcome") },
            ...errors(400, 401, 404, 409, 413, 415),
          },
        },
      },
      "/api/v1/attempts/{attemptId}/finish": {
        post: {
          summary: "Finish the attempt",
          parameters: [idParam("attemptId")],
          responses: { "200": { description: "Score", content: json("FinishOutcome") }, ...errors(401, 404) },
        },
      },
      "/api/v1/me/reading": {
        get: {
          summary: "Reading progress per lesson, and the open lesson assignments set for the learner (the quiz each lesson ends with)",
          responses: { "200": { description: "Progress" }, ...errors(401) },
        },
      },
    },
  };
}
