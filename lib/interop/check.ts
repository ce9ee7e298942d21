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

function problemsOf(errors: FieldErrors): string[] {
  return [...new Set(Object.values(errors).flatMap((messages) => messages ?? []))];
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
