// What a teacher's question must pass before it is saved: the bank's schema and its integrity
// checks (lib/quiz/bank.ts), with each problem filed under the field it is about. Pure.
import type { FieldErrors } from "@/lib/auth/validation";
import { hasInvisibleCharacters, INVISIBLE_CHARACTERS_MESSAGE } from "@/lib/security/hidden-characters";
import { bankContent, checkBankIntegrity, QUESTIONS_FILE, type BankContent, type IntegrityOptions } from "@/lib/quiz/bank";
import { QuestionSchema, type Question } from "@/lib/quiz/schema";

/** Which question field an integrity problem is about (see lib/quiz/bank.ts checkBankIntegrity). */
export function fieldOfProblem(problem: string): string {
  if (/\bprompt\b/.test(problem)) return "prompt";
  if (/\bstatement\b|classif/.test(problem)) return "statement";
  if (/paragraph|rests only on/.test(problem)) return "paragraphIds";
  if (/\bevent\b/.test(problem)) return "eventIds";
  if (/\bphase\b/.test(problem)) return "phaseIds";
  if (/context note/.test(problem)) return "contextNoteIds";
  if (/\bitems?\b/.test(problem)) return "items";
  if (/left item|right item|\bmatches\b/.test(problem)) return "left";
  if (/option|answer/.test(problem)) return "answer";
  return "form";
}

/** Every string inside a value (the question's text, wherever the schema nests it). */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([key, inner]) => [key, ...strings(inner)]);
  return [];
}

/**
 * Schema and integrity problems, by question field; a valid question otherwise. `content` is the
 * built-in article unless given (an imported article's questions: lib/articles/questions.ts).
 */
export function validateTeacherQuestion(
  candidate: unknown,
  content: BankContent = bankContent(),
  options: IntegrityOptions = {},
): { ok: true; question: Question } | { ok: false; errors: FieldErrors } {
  const parsed = QuestionSchema.safeParse(candidate);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const key = typeof issue.path[0] === "string" ? issue.path[0] : "form";
      const where = issue.path.length > 1 ? ` (${issue.path.slice(1).map(String).join(".")})` : "";
      (errors[key] ??= []).push(`${issue.message}${where}`);
    }
    return { ok: false, errors };
  }
  const question = parsed.data;
  // A teacher's words are shown in rosters, reports and the CSV: no text-direction or invisible
  // characters (lib/security/hidden-characters.ts), filed under the field they are in.
  const hidden: FieldErrors = {};
  for (const [key, value] of Object.entries(question)) {
    if (strings(value).some(hasInvisibleCharacters)) (hidden[key] ??= []).push(`This text ${INVISIBLE_CHARACTERS_MESSAGE}`);
  }
  if (Object.keys(hidden).length > 0) return { ok: false, errors: hidden };
  const prefix = `${QUESTIONS_FILE}: questions[0] (${JSON.stringify(question.id)}) `;
  const problems = checkBankIntegrity([question], content, options).map((p) => (p.startsWith(prefix) ? p.slice(prefix.length) : p));
  if (problems.length === 0) return { ok: true, question };
  const errors: FieldErrors = {};
  for (const problem of problems) (errors[fieldOfProblem(problem)] ??= []).push(`This question ${problem}.`);
  return { ok: false, errors };
}
