// What the app declares about its server actions and route handlers (lib/actions/define.ts,
// lib/api/route.ts), as tests/access/declared.test.ts writes it to declared.json. The security
// specs read their tables from here instead of keeping their own: a new action or route is fuzzed,
// header-checked and access-checked without touching them.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const access = z.enum(["public", "user", "teacher", "admin"]);
const method = z.enum(["GET", "POST", "PUT"]);
const fieldKind = z.enum(["text", "list", "hidden", "secret", "free-text"]);

const declaredSchema = z.object({
  actions: z.array(
    z.object({
      /** "app/quiz/actions.ts#answerAction", as the build manifest names it. */
      id: z.string().regex(/^[^#]+#\w+$/),
      access: z.enum([...access.options, "teacher-of-class"]),
      call: z.enum(["form", "json"]),
      fields: z.record(z.string(), fieldKind),
    }),
  ),
  routes: z.array(
    z.object({
      /** The URL pattern, as the build manifest names it: "/api/v1/attempts/[attemptId]". */
      pattern: z.string().startsWith("/"),
      file: z.string(),
      access,
      methods: z.array(method).min(1),
      /** The fields of the JSON body; empty when the request has none. */
      body: z.array(z.string()),
      /** dynamic: our route(); static: prerendered at build time; framework: a library's own handlers (Auth.js). */
      served: z.enum(["dynamic", "static", "framework"]),
      /** Present only in a BENCH_ROUTES=1 build: a 404 for everyone otherwise. */
      benchOnly: z.literal(true).optional(),
    }),
  ),
});

export type Declared = z.infer<typeof declaredSchema>;
export type DeclaredAction = Declared["actions"][number];
export type DeclaredRoute = Declared["routes"][number];
export type FieldKind = z.infer<typeof fieldKind>;
export type Method = z.infer<typeof method>;

let cached: Declared | undefined;

/** declared.json, checked against its schema (a stale or hand-edited file fails loudly here). */
export function declared(): Declared {
  cached ??= declaredSchema.parse(JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "declared.json"), "utf8")));
  return cached;
}

export const declaredActions = (): DeclaredAction[] => declared().actions;
export const declaredRoutes = (): DeclaredRoute[] => declared().routes;

/** Who may call it, in the persona terms of the browser suite (teacher-of-class is a teacher check plus the class check). */
export function personaFor(access: DeclaredRoute["access"]): "anonymous" | "student" | "teacher" | "admin" {
  return access === "public" ? "anonymous" : access === "user" ? "student" : access === "admin" ? "admin" : "teacher";
}
