// What each server action and route handler declares about itself, kept beside the function the
// declaration produced. The access table, the fuzz targets and the security-headers list are read
// from here (tests/access/declared.test.ts writes them to e2e/support/declared.json), so a new action
// or route is declared once, in its own file.
import { z } from "zod";

/**
 * Who may call it. public: anyone; user: any signed-in person; teacher: signed-in teachers;
 * teacher-of-class: a teacher of the class named by the input's `classId`; admin: the deployment's
 * administrators (decision 0037).
 */
export type Access = "public" | "user" | "teacher" | "teacher-of-class" | "admin";

/** How a form field is treated: ids in hidden inputs, secrets (never echoed), free text (any printable text is valid). */
export type FieldRole = "hidden" | "secret" | "free-text";

export type ActionDeclaration = { kind: "form" | "json"; access: Access; input: z.ZodObject | null };
export type RouteDeclaration = {
  kind: "route";
  access: Exclude<Access, "teacher-of-class">;
  method: "GET" | "POST" | "PUT";
  body: z.ZodObject | null;
  /** "static": prerendered at build time and served like a file; "framework": a library's own handler (Auth.js). */
  served: "dynamic" | "static" | "framework";
  /** Only in a BENCH_ROUTES=1 build; any other build answers 404 before any guard. */
  benchOnly: boolean;
};
/** The 405 answers of lib/api/respond.ts's otherMethods: they read and write nothing. */
export type RefusalDeclaration = { kind: "other-method" };
export type Declaration = ActionDeclaration | RouteDeclaration | RefusalDeclaration;

// Keyed by the function itself, so nothing can claim a declaration it was not made from.
const declarations = new WeakMap<object, Declaration>();

export function declare<F extends object>(fn: F, declaration: Declaration): F {
  declarations.set(fn, declaration);
  return fn;
}

export function declarationOf(fn: unknown): Declaration | undefined {
  return typeof fn === "function" ? declarations.get(fn) : undefined;
}

const ROLE_KEY = "backchannelField";

/** Marks a form field's role in its schema (zod's metadata), so the one schema says it all. */
export function withRole<S extends z.ZodType>(schema: S, role: FieldRole): S {
  return schema.meta({ [ROLE_KEY]: role }) as S;
}

export function roleOf(schema: z.ZodType): FieldRole | undefined {
  const role = schema.meta()?.[ROLE_KEY];
  return role === "hidden" || role === "secret" || role === "free-text" ? role : undefined;
}

export function isListField(schema: z.ZodType): boolean {
  return schema instanceof z.ZodArray;
}
