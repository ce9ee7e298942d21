/**
 * The details page's forms as article edits: what the teacher typed becomes one `ArticleEdit`,
 * or messages for the fields that need a change, in words (zod's own messages name paths, not
 * fields). Pure, shared by the forms in the browser and their tests.
 */
import { PartialDateSchema, VERDICT_VALUES, type Verdict } from "@/lib/content/schema";
import type { ArticleEditInput } from "./edit-schema";
import { WebUrlSchema } from "./schema";
import { articleMetaFrom, type TypedMeta } from "./workspace-meta";

export type FormResult = { edit: ArticleEditInput; errors?: undefined } | { edit?: undefined; errors: Record<string, string> };

const SHORT = 300;
const LONG = 5000;

class Checker {
  readonly errors: Record<string, string> = {};
  required(field: string, value: string, what: string, max = SHORT): string {
    const v = value.trim();
    if (v === "") this.errors[field] = `Write ${what}.`;
    else if (v.length > max) this.errors[field] = `Keep ${what} under ${max} characters.`;
    return v;
  }
  optional(field: string, value: string, what: string, max = LONG): string | null {
    const v = value.trim();
    if (v.length > max) this.errors[field] = `Keep ${what} under ${max} characters.`;
    return v === "" ? null : v;
  }
  date(field: string, value: string, required: boolean): string | null {
    const v = value.trim();
    if (v === "") {
      if (required) this.errors[field] = "Write the date as YYYY, YYYY-MM or YYYY-MM-DD.";
      return null;
    }
    if (!PartialDateSchema.safeParse(v).success) this.errors[field] = "Write the date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2016-09-12.";
    return v;
  }
  url(field: string, value: string): string {
    const v = value.trim();
    if (!WebUrlSchema.safeParse(v).success) this.errors[field] = "Give a full web address starting with http:// or https://.";
    return v;
  }
  year(field: string, value: string, what: string): number {
    const n = Number(value.trim());
    if (!/^\d{4}$/.test(value.trim()) || n < 1000 || n > 2100) this.errors[field] = `Write ${what} as a four-digit year.`;
    return n;
  }
  paragraphs(field: string, ids: string[], what: string): string[] {
    if (ids.length === 0) this.errors[field] = `Choose at least one paragraph ${what}.`;
    return ids;
  }
  result(edit: () => ArticleEditInput): FormResult {
    return Object.keys(this.errors).length > 0 ? { errors: this.errors } : { edit: edit() };
  }
}

export function metaEdit(typed: TypedMeta): FormResult {
  const result = articleMetaFrom(typed, {});
  if (result.errors) return { errors: Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [k, v?.join(" ") ?? ""])) };
  return { edit: { op: "meta", meta: result.meta } };
}

export function lessonEdit(lessonId: string, form: { title: string; objectives: string; summary: string }): FormResult {
  const c = new Checker();
  const title = c.required("title", form.title, "the lesson’s title");
  const objectives = form.objectives
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  if (objectives.length > 8) c.errors.objectives = "A lesson has at most 8 objectives.";
  else if (objectives.some((o) => o.length > SHORT)) c.errors.objectives = `Keep each objective under ${SHORT} characters.`;
  const summary = c.optional("summary", form.summary, "the summary");
  return c.result(() => ({ op: "lessonDetails", lessonId, title, objectives, summary }));
}

export type NoteForm = { blockId: string; claim: string; verdict: string; verifiedFact: string; sourceTitle: string; sourceUrl: string; sourceDate: string };

export function noteEdit(form: NoteForm, id?: string): FormResult {
  const c = new Checker();
  if (form.blockId === "") c.errors.blockId = "Choose the paragraph the note is about.";
  const claim = c.required("claim", form.claim, "the claim the note checks", LONG);
  const verdict = VERDICT_VALUES.find((v) => v === form.verdict);
  if (!verdict) c.errors.verdict = "Choose what the record says of the claim.";
  const verifiedFact = c.required("verifiedFact", form.verifiedFact, "what the record says", LONG);
  const title = c.required("sourceTitle", form.sourceTitle, "the source’s title");
  const url = c.url("sourceUrl", form.sourceUrl);
  const date = c.date("sourceDate", form.sourceDate, false);
  return c.result(() => ({
    op: "upsertNote",
    note: { ...(id ? { id } : {}), blockId: form.blockId, claim, verdict: verdict as Verdict, verifiedFact, sources: [{ title, url, date }] },
  }));
}

export function termEdit(form: { term: string; definition: string; blockIds: string[] }): FormResult {
  const c = new Checker();
  const term = c.required("term", form.term, "the term");
  const definition = c.required("definition", form.definition, "the definition", LONG);
  const blockIds = c.paragraphs("blockIds", form.blockIds, "where the term is used");
  return c.result(() => ({ op: "upsertTerm", term: { term, definition, blockIds } }));
}

export function phaseEdit(form: { title: string; startYear: string; endYear: string; summary: string; blockIds: string[] }): FormResult {
  const c = new Checker();
  const title = c.required("title", form.title, "the phase’s title");
  const startYear = c.year("startYear", form.startYear, "the first year");
  const endYear = c.year("endYear", form.endYear, "the last year");
  if (!c.errors.startYear && !c.errors.endYear && startYear > endYear) c.errors.endYear = "The last year must not be before the first.";
  const summary = c.optional("summary", form.summary, "the summary");
  return c.result(() => ({ op: "upsertPhase", phase: { title, startYear, endYear, summary, blockIds: form.blockIds } }));
}

export function eventEdit(form: { title: string; date: string; phaseId: string; description: string; blockIds: string[] }): FormResult {
  const c = new Checker();
  const title = c.required("title", form.title, "the event’s title");
  const date = c.date("date", form.date, true);
  const description = c.optional("description", form.description, "the description");
  const blockIds = c.paragraphs("blockIds", form.blockIds, "that tells of the event");
  return c.result(() => ({ op: "upsertEvent", event: { title, date: date ?? "", phaseId: form.phaseId === "" ? null : form.phaseId, description, blockIds } }));
}
