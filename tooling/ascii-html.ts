// Rewrites an HTML document so that every character in it is ASCII, without changing what a
// browser builds from it. Node writes a response body given as a string up to ten times faster
// when the string is pure ASCII: the lessons' curly quotes and dashes made Next.js's prerendered
// pages two-byte strings, and encoding them cost more than the rest of the request
// (docs/decisions/0018-ascii-prerendered-pages.md).
//
// Each non-ASCII character is escaped in the syntax of the place it sits in:
//   - markup (text, attribute values, comments): a numeric character reference, &#x2019;
//   - <script> content (JavaScript or JSON; Next.js's payload is in string literals): \u2019
//   - <style> content: a CSS escape with all six hex digits, \002019
// Characters outside the Basic Multilingual Plane become a surrogate pair in JavaScript, as
// JavaScript strings store them, and a single escape elsewhere.

/** Written into .next by scripts/ascii-prerendered-pages.ts: { buildId, pages, rewritten }. */
export const ASCII_MARKER_FILE = "ascii-html.json";

const RAW_TEXT_ELEMENT = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const NON_ASCII = /[^\x00-\x7f]/u;
const NON_ASCII_CODE_POINTS = /[^\x00-\x7f]/gu;
const NON_ASCII_CODE_UNITS = /[^\x00-\x7f]/g;

function hex(value: number, width: number): string {
  return value.toString(16).padStart(width, "0");
}

function escapeMarkup(text: string): string {
  return text.replace(NON_ASCII_CODE_POINTS, (char) => `&#x${hex(char.codePointAt(0) ?? 0, 1)};`);
}

function escapeScript(text: string): string {
  // Per UTF-16 code unit, so a character outside the BMP becomes its two surrogate escapes.
  return text.replace(NON_ASCII_CODE_UNITS, (unit) => `\\u${hex(unit.charCodeAt(0), 4)}`);
}

function escapeStyle(text: string): string {
  return text.replace(NON_ASCII_CODE_POINTS, (char) => `\\${hex(char.codePointAt(0) ?? 0, 6)}`);
}

export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

/** The same document with every non-ASCII character escaped; ASCII input comes back unchanged. */
export function asciiHtml(html: string): string {
  if (isAscii(html)) return html;
  let out = "";
  let last = 0;
  for (const match of html.matchAll(RAW_TEXT_ELEMENT)) {
    const [element, name = ""] = match;
    out += escapeMarkup(html.slice(last, match.index));
    const contentStart = element.indexOf(">") + 1;
    const contentEnd = element.lastIndexOf("</");
    const escapeContent = name.toLowerCase() === "script" ? escapeScript : escapeStyle;
    out += escapeMarkup(element.slice(0, contentStart)) + escapeContent(element.slice(contentStart, contentEnd)) + element.slice(contentEnd);
    last = match.index + element.length;
  }
  return out + escapeMarkup(html.slice(last));
}
