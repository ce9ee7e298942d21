// Errors the teacher domain raises for requests it refuses. Server actions turn them into form
// state (a message and/or messages next to fields); route handlers into lib/api/respond.ts errors.
import type { FieldErrors } from "@/lib/auth/validation";

export type TeacherErrorCode = "not_found" | "invalid_input" | "conflict" | "forbidden" | "rate_limited";

export class TeacherError extends Error {
  override name = "TeacherError";
  constructor(
    readonly code: TeacherErrorCode,
    message: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message);
  }
}

/**
 * The same words whether the thing does not exist or belongs to another teacher, so that
 * nobody can probe for other teachers' classes or questions.
 */
export const NOT_FOUND_MESSAGES = {
  class: "That class does not exist, or you do not teach it.",
  assignment: "That assignment does not exist, or it is not in a class you teach.",
  question: "That question does not exist, or it is not one of yours.",
  student: "That student is not in this class.",
} as const;

export function notFound(what: keyof typeof NOT_FOUND_MESSAGES): TeacherError {
  return new TeacherError("not_found", NOT_FOUND_MESSAGES[what]);
}

/** A refusal tied to one form field. */
export function fieldError(field: string, message: string): TeacherError {
  return new TeacherError("invalid_input", message, { [field]: [message] });
}
