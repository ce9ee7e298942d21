// What server actions answer, in two shapes only: FormState for forms (rendered with
// useActionState), ActionResult for actions a component calls with a JSON-like argument.
// A refusal from the domain (lib/errors.ts) becomes one or the other here, nowhere else.
import type { FieldErrors, RefusalCode } from "@/lib/errors";
import { DomainError } from "@/lib/errors";

export type { FieldErrors };

export type FormValues = Record<string, string | string[]>;

export type FormState<Extra extends object = Record<never, never>> = {
  /** About the whole form (a refused request, a hidden field that was tampered with). */
  message?: string;
  success?: string;
  /** Messages beside the fields they belong to. */
  errors?: FieldErrors;
  /** What was typed, so that React's form reset does not wipe it after a refusal (never passwords). */
  values?: FormValues;
  /** Changes on every successful submit, so forms can reset themselves. */
  done?: number;
  /** Where to go next with a full page load (sign-in, sign-up: every part of the page starts from the new session). */
  redirectTo?: string;
} & Partial<Extra>;

export type ActionResult<T extends object = Record<never, never>> = ({ ok: true } & T) | { ok: false; code: RefusalCode; message: string };

/** A successful submit: the message to show, and a new `done` so the form resets. */
export function saved(success: string, extra: Pick<FormState, "values"> = {}): FormState {
  return { ...extra, success, done: Date.now() };
}

/**
 * The form state for a refusal. Messages for fields the person can see go beside them; messages
 * for anything else (hidden ids) cannot be shown there, so they become the form's message.
 */
export function refusalState(error: DomainError, values: FormValues, visible: ReadonlySet<string>): FormState {
  const shown: FieldErrors = {};
  const unshown: string[] = [];
  for (const [field, messages] of Object.entries(error.fields)) {
    if (visible.has(field)) shown[field] = messages;
    else unshown.push(...(messages ?? []));
  }
  const hasShown = Object.keys(shown).length > 0;
  const message = unshown.length > 0 ? unshown.join(" ") : hasShown ? undefined : error.message;
  return { ...(hasShown ? { errors: shown } : {}), ...(message ? { message } : {}), values };
}

export function refusalResult(error: DomainError): ActionResult<never> {
  return { ok: false, code: error.code, message: error.message };
}
