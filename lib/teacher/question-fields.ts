// The question editor's form fields as server actions read them, and how the domain's problems
// with a question are filed under those fields. Shared by the built-in article's question actions
// (app/teacher/questions/actions.ts) and an imported article's (app/teacher/articles/[articleId]/questions/actions.ts).
import { many, text } from "@/lib/actions/fields";
import { DomainError, type FieldErrors } from "@/lib/errors";
import { fieldForPath } from "./question-form";

export const questionFields = {
  type: text(40),
  prompt: text(),
  explanation: text(),
  difficulty: text(10),
  paragraphIds: many(),
  phaseIds: many(),
  eventIds: many(),
  options: text(),
  trueFalse: text(10),
  items: text(),
  pairs: text(),
  statement: text(),
  label: text(40),
};

/** Files the domain's problems with the question under the form fields that show them. */
export function onFormFields(type: string, error: unknown): never {
  if (!(error instanceof DomainError) || Object.keys(error.fields).length === 0) throw error;
  const fields: FieldErrors = {};
  for (const [key, messages] of Object.entries(error.fields)) {
    const field = fieldForPath(type, key);
    fields[field] = [...(fields[field] ?? []), ...(messages ?? [])];
  }
  throw new DomainError(error.code, error.message, fields);
}

/** Problems with the question as a whole have no input of their own: the editor shows them under "form". */
export const QUESTION_SHOWS = ["form"];
