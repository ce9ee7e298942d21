/**
 * An imported article's details (title, author, publisher, date, address, usage note) from what
 * the teacher typed, with what the file itself says filling the blanks. Pure: the new-article
 * action and its tests share it. Messages name the form field they belong to.
 */
import { PartialDateSchema } from "@/lib/content/schema";
import type { FieldErrors } from "@/lib/errors";
import { WebUrlSchema, type DocMeta } from "./schema";

export const DEFAULT_USAGE_NOTE = "Reproduced for classroom study with attribution.";

export type TypedMeta = { title: string; author: string; publisher: string; date: string; url: string; usageNote: string };
export type FoundMeta = { title?: string; author?: string; publisher?: string; date?: string; url?: string };

const SHORT = 300;
const LONG = 5000;
// Control characters other than tabs and line breaks never belong in a title or a name.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * With `found` (the file's own details) the result is complete or says what is missing; with
 * `partial`, only what was typed is checked, so a mistake there is said before the text is read.
 */
export function articleMetaFrom(typed: TypedMeta, found: FoundMeta, partial = false): { meta: DocMeta; errors?: undefined } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const say = (field: string, message: string) => (errors[field] = [message]);
  const pick = (field: keyof FoundMeta & keyof TypedMeta) => {
    const value = typed[field].trim();
    return value !== "" ? value : (found[field]?.trim() ?? "");
  };

  const words: [keyof FoundMeta & keyof TypedMeta, string, string][] = [
    ["title", "a title", "Give the article a title: none was found in the text."],
    ["author", "the author", "Name the author: none was found in the text."],
    ["publisher", "the publisher", "Name the publisher (a newspaper, a website, a book): none was found in the text."],
  ];
  const values: Record<string, string> = {};
  for (const [field, what, missing] of words) {
    const value = pick(field);
    values[field] = value;
    if (CONTROL.test(value)) say(field, `Remove the control characters from ${what}.`);
    else if (value.length > SHORT) say(field, `Keep ${what} under ${SHORT} characters.`);
    else if (value === "" && !partial) say(field, missing);
  }

  const date = pick("date");
  if (date !== "" && !PartialDateSchema.safeParse(date).success) say("date", "Write the date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2016-09-12.");

  const url = pick("url");
  if (url !== "" && !WebUrlSchema.safeParse(url).success) say("url", "Give a full web address starting with http:// or https://, or leave it empty.");

  const usageNote = typed.usageNote.trim() === "" ? DEFAULT_USAGE_NOTE : typed.usageNote.trim();
  if (usageNote.length > LONG) say("usageNote", `Keep the usage note under ${LONG} characters.`);
  else if (CONTROL.test(usageNote)) say("usageNote", "Remove the control characters from the usage note.");

  if (Object.keys(errors).length > 0) return { errors };
  return {
    meta: {
      title: values.title ?? "",
      author: values.author ?? "",
      publisher: values.publisher ?? "",
      date: date === "" ? null : date,
      url: url === "" ? null : url,
      usageNote,
    },
  };
}
