/**
 * Every change a teacher makes to a draft article, as data (decision 0040).
 *
 * An edit is a plain JSON value: `ArticleEditSchema` parses it from an untrusted request, and
 * `applyEdit` parses it and applies it with `applyArticleEdit` (./apply-edit.ts), a pure function
 * from one document to the next. The result always passes `ArticleDocSchema`.
 */
import { DomainError } from "@/lib/errors";
import { applyArticleEdit } from "./apply-edit";
import { ArticleEditSchema, type ArticleEditInput } from "./edit-schema";
import type { ArticleDoc } from "./schema";

/**
 * Apply one edit to a document and return the new document. The edit is parsed again here, so
 * an edit built in code gets the same checks (and trimming) as one from a request.
 */
export function applyEdit(doc: ArticleDoc, edit: ArticleEditInput): ArticleDoc {
  const parsed = ArticleEditSchema.safeParse(edit);
  if (!parsed.success) {
    // Named by field ("note.sources.0.url"), so the workspace can show each message beside its input.
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[issue.path.join(".") || "op"] ??= []).push(issue.message);
    const list = Object.entries(fields).map(([field, messages]) => `${field}: ${messages.join("; ")}`);
    throw new DomainError("invalid_input", `This change is not valid (${list.join(", ")}).`, fields);
  }
  return applyArticleEdit(doc, parsed.data);
}
