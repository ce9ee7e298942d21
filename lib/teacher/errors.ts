// The teacher domain's refusals (lib/errors.ts's DomainError), worded once.
import { DomainError } from "@/lib/errors";

export { fieldError } from "@/lib/errors";

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

export function notFound(what: keyof typeof NOT_FOUND_MESSAGES): DomainError {
  return new DomainError("not_found", NOT_FOUND_MESSAGES[what]);
}
