// Small helpers shared by the server actions (teacher and student): reading form fields and turning
// a domain refusal into form state.
import type { FieldErrors } from "@/lib/auth/validation";
import { TeacherError } from "@/lib/teacher/errors";

export type FormState = {
  message?: string;
  success?: string;
  errors?: FieldErrors;
  /** What was submitted, so that React's form reset does not wipe it after a refusal. */
  values?: Record<string, string | string[]>;
  /** Changes on every successful submit, so forms can reset themselves. */
  done?: number;
};

// A crafted request can hand an action something other than FormData (a number, null, nothing):
// such a request reads as an empty form and gets the usual "fill this in" answer, not a 500.
export function text(form: FormData, name: string): string {
  const value = form instanceof FormData ? form.get(name) : null;
  return typeof value === "string" ? value : "";
}

export function texts(form: FormData, name: string): string[] {
  if (!(form instanceof FormData)) return [];
  return form.getAll(name).filter((value): value is string => typeof value === "string" && value.length > 0);
}

/** An ISO instant from a hidden field (see DateTimeField); null when empty or malformed. */
export function instant(form: FormData, name: string): Date | null {
  const value = text(form, name);
  if (!value || value.length > 40) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The form state for a refusal from the domain; anything else is a bug and is thrown on. */
export function refused(error: unknown, values?: FormState["values"]): FormState {
  if (error instanceof TeacherError) {
    const hasFields = Object.keys(error.fields).length > 0;
    return { ...(hasFields ? { errors: error.fields } : { message: error.message }), ...(values ? { values } : {}) };
  }
  throw error;
}
