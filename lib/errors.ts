// The one error the domain raises for a request it refuses (a made-up id, someone else's class,
// a finished attempt, a field the rules reject). Server actions turn it into form state
// (lib/actions/form-state.ts), route handlers into the API's error shape (lib/api/respond.ts);
// anything else thrown is a bug and reaches the error boundary.
export type FieldErrors = Partial<Record<string, string[]>>;

export type RefusalCode = "not_found" | "invalid_input" | "conflict" | "forbidden" | "rate_limited";

export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly code: RefusalCode,
    message: string,
    /** Messages for the form fields they belong to; empty when the refusal is about the whole request. */
    readonly fields: FieldErrors = {},
  ) {
    super(message);
  }
}

/** A refusal tied to one form field. */
export function fieldError(field: string, message: string): DomainError {
  return new DomainError("invalid_input", message, { [field]: [message] });
}

/** A refusal tied to several form fields at once (all of a form's problems in one answer). */
export function fieldsError(fields: Record<string, string>): DomainError {
  const messages = Object.values(fields);
  return new DomainError("invalid_input", messages.join(" "), Object.fromEntries(Object.entries(fields).map(([field, message]) => [field, [message]])));
}

/**
 * A write that broke a unique constraint. Checked by Prisma's error code rather than by class:
 * each provider's generated client has its own error class, and both use P2002.
 */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
