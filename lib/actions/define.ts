// Server actions are declared, not hand-assembled: who may call it, the schema of its input and
// the handler. The layer does the rest in one fixed order, the same for every action:
//   guard (the session, before anything is read) → read the input → parse with zod → field errors
//   → (teacher-of-class: the class check) → the handler → a DomainError becomes form state.
// Anything else the handler throws (a redirect, a bug) passes through untouched. Decision 0030.
import { z } from "zod";
import { forbidden, redirect } from "next/navigation";
import { getSessionUser, type SessionUser } from "@/lib/auth/guards";
import { fieldErrors } from "@/lib/auth/validation";
import { DomainError } from "@/lib/errors";
import { requireTeaching } from "@/lib/teacher/classes";
import { declare, isListField, roleOf, type Access } from "./declarations";
import { refusalResult, refusalState, type ActionResult, type FormState, type FormValues } from "./form-state";

// Public actions never read the session: they have no use for it (signing in is how one gets one).
type UserFor<A extends Access> = A extends "public" ? null : SessionUser;
type ClassInput = z.ZodObject<{ classId: z.ZodType<string> }>;
type InputFor<A extends Access> = A extends "teacher-of-class" ? ClassInput : z.ZodObject;

const INVALID = "That request is not valid. Reload the page and try again.";

type Common<A extends Access> = {
  access: A;
  /** Where sign-in brings an anonymous caller back to. */
  returnTo?: string;
  /** The answer when a field the person cannot see (an id) is malformed. */
  invalid?: string;
};

/** The guard: anonymous callers go to sign-in, signed-in people without the role get the 403 page. */
async function guard<A extends Access>(access: A, returnTo: string | undefined): Promise<UserFor<A>> {
  if (access === "public") return null as UserFor<A>;
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo ?? "/")}`);
  if ((access === "teacher" || access === "teacher-of-class") && user.role !== "TEACHER") forbidden();
  if (access === "admin" && !user.isAdmin) forbidden();
  return user as UserFor<A>;
}

/** After parsing: a teacher-of-class action goes no further for a class the caller does not teach. */
async function classCheck(access: Access, user: SessionUser | null, input: unknown): Promise<void> {
  if (access !== "teacher-of-class" || !user) return;
  const classId = (input as { classId: string }).classId;
  await requireTeaching(user.id, classId);
}

/** The form's fields, read by the schema's keys: lists with getAll, everything else as one string. */
export function readForm(schema: z.ZodObject, form: unknown): FormValues {
  // A crafted request may send something other than FormData: it reads as an empty form and gets
  // the usual "fill this in" answers, not a 500.
  const data = form instanceof FormData ? form : null;
  const values: FormValues = {};
  for (const [name, field] of Object.entries(schema.shape)) {
    if (isListField(field as z.ZodType)) {
      values[name] = (data?.getAll(name) ?? []).filter((value): value is string => typeof value === "string" && value.length > 0);
    } else {
      const value = data?.get(name);
      values[name] = typeof value === "string" ? value : "";
    }
  }
  return values;
}

/** Fields whose messages can be shown beside them and whose values go back to the form. */
export function visibleFields(schema: z.ZodObject): { visible: Set<string>; echoed: Set<string> } {
  const visible = new Set<string>();
  const echoed = new Set<string>();
  for (const [name, field] of Object.entries(schema.shape)) {
    const role = roleOf(field as z.ZodType);
    if (role === "hidden") continue;
    visible.add(name);
    if (role !== "secret") echoed.add(name);
  }
  return { visible, echoed };
}

function pick(values: FormValues, names: ReadonlySet<string>): FormValues {
  return Object.fromEntries(Object.entries(values).filter(([name]) => names.has(name)));
}

export type FormDeclaration<A extends Access, S extends InputFor<A>, Extra extends object> = Common<A> & {
  input: S;
  /** Field names the domain uses that the form calls something else (domain → form). */
  formNames?: Record<string, string>;
  /** Error keys the form shows that are not inputs (e.g. "form" for the question as a whole). */
  shows?: string[];
  run: (call: { user: UserFor<A>; input: z.output<S>; values: FormValues }) => Promise<FormState<NoInfer<Extra>>>;
};

/** A server action a form posts to (`useActionState(action, initial)`). */
export function formAction<A extends Access, S extends InputFor<A>, Extra extends object = Record<never, never>>(
  declaration: FormDeclaration<A, S, Extra>,
): (previous: FormState<Extra>, form: FormData) => Promise<FormState<Extra>> {
  const { visible, echoed } = visibleFields(declaration.input);
  for (const key of declaration.shows ?? []) visible.add(key);
  const action = async (_previous: FormState<Extra>, form: FormData): Promise<FormState<Extra>> => {
    const user = await guard(declaration.access, declaration.returnTo);
    const read = readForm(declaration.input, form);
    const values = pick(read, echoed);
    const parsed = declaration.input.safeParse(read);
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error);
      const shown = Object.fromEntries(Object.entries(errors).filter(([name]) => visible.has(name)));
      // A hidden field gone wrong can only be a stale or tampered page: say so in the action's own words.
      const hiddenWrong = Object.keys(errors).some((name) => !visible.has(name));
      return {
        ...(Object.keys(shown).length > 0 ? { errors: shown } : {}),
        ...(hiddenWrong || Object.keys(shown).length === 0 ? { message: declaration.invalid ?? INVALID } : {}),
        values,
      } as FormState<Extra>;
    }
    try {
      await classCheck(declaration.access, user, parsed.data);
      return await declaration.run({ user, input: parsed.data as z.output<S>, values });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const renamed = declaration.formNames ? renameFields(error, declaration.formNames) : error;
      return refusalState(renamed, values, visible) as FormState<Extra>;
    }
  };
  return declare(action, { kind: "form", access: declaration.access, input: declaration.input });
}

function renameFields(error: DomainError, names: Record<string, string>): DomainError {
  const fields = Object.fromEntries(Object.entries(error.fields).map(([field, messages]) => [names[field] ?? field, messages]));
  return new DomainError(error.code, error.message, fields);
}

export type JsonDeclaration<A extends Access, S extends InputFor<A> | null, T extends object> = Common<A> & {
  input: S;
  run: (call: { user: UserFor<A>; input: S extends z.ZodObject ? z.output<S> : undefined }) => Promise<T>;
};

/** A server action a component calls with one plain object (or nothing), answering ActionResult. */
export function jsonAction<A extends Access, S extends InputFor<A> | null, T extends object>(
  declaration: JsonDeclaration<A, S, T>,
): (input?: S extends z.ZodObject ? z.input<S> : undefined) => Promise<ActionResult<T>> {
  const action = async (raw?: unknown): Promise<ActionResult<T>> => {
    const user = await guard(declaration.access, declaration.returnTo);
    let input: unknown = undefined;
    if (declaration.input) {
      const parsed = declaration.input.safeParse(raw);
      if (!parsed.success) return { ok: false, code: "invalid_input", message: declaration.invalid ?? INVALID };
      input = parsed.data;
    }
    try {
      await classCheck(declaration.access, user, input);
      const result = await declaration.run({ user, input: input as S extends z.ZodObject ? z.output<S> : undefined });
      return { ...result, ok: true };
    } catch (error) {
      if (error instanceof DomainError) return refusalResult(error);
      throw error;
    }
  };
  return declare(action, { kind: "json", access: declaration.access, input: declaration.input });
}
