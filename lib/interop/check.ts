/**
 * A file's questions checked as the teacher's own are (lib/teacher/question-rules.ts: the schema and
 * the bank's integrity rules), each on its own: one that cannot map or does not pass is reported with
 * its line and name and not brought in; the others are, with their item-flaw warnings. Pure.
 */
import type { FieldErrors } from "@/lib/auth/validation";
import { questionFlaws, unwaived, type Flaw, type FlawContext } from "@/lib/quiz/item-flaws";
import type { Question } from "@/lib/quiz/schema";
import { validateTeacherQuestion } from "@/lib/teacher/question-rules";
import { toCandidate, type InteropContext, type ReadItem } from "./model";

/** At most this many questions in one file: a class's bank, not a site's. */
export const MAX_IMPORT_QUESTIONS = 500;

export type Accepted = { line: number; name: string; question: Question; flaws: Flaw[]; notes: string[] };
export type Refused = { line: number; name: string; problems: string[] };
export type CheckedFile = { accepted: Accepted[]; refused: Refused[] };

/** The fields a refusal can name, as the question editor labels them. */
const FIELD_NAMES: Record<string, string> = {
  prompt: "Question",
  explanation: "Explanation",
  options: "Options",
  answer: "Answer",
  items: "Items",
  left: "Left column",
  right: "Right column",
  statement: "Statement",
  paragraphIds: "Source paragraphs",
};

/** Each problem once, after the field it is about, so a line in a long file says what to fix. */
function problemsOf(errors: FieldErrors): string[] {
  const named = Object.entries(errors).flatMap(([field, messages]) => (messages ?? []).map((m) => (FIELD_NAMES[field] ? `${FIELD_NAMES[field]}: ${m}` : m)));
  return [...new Set(named)];
}

export function checkImport(items: readonly ReadItem[], ctx: InteropContext, flawContext: FlawContext, newId: () => string): CheckedFile {
  const accepted: Accepted[] = [];
  const refused: Refused[] = [];
  for (const item of items.slice(0, MAX_IMPORT_QUESTIONS)) {
    const mapped = toCandidate(item, ctx);
    if (!mapped.ok) {
      refused.push({ line: item.line, name: item.name, problems: [mapped.problem] });
      continue;
    }
    const checked = validateTeacherQuestion({ ...mapped.candidate, id: newId() });
    if (!checked.ok) {
      refused.push({ line: item.line, name: item.name, problems: problemsOf(checked.errors) });
      continue;
    }
    accepted.push({
      line: item.line,
      name: item.name,
      question: checked.question,
      flaws: unwaived(checked.question, questionFlaws(checked.question, flawContext)),
      notes: mapped.notes,
    });
  }
  const over = items.slice(MAX_IMPORT_QUESTIONS);
  if (over[0])
    refused.push({
      line: over[0].line,
      name: over[0].name,
      problems: [`The file has ${items.length} questions; at most ${MAX_IMPORT_QUESTIONS} are read at once. Split it.`],
    });
  return { accepted, refused };
}
