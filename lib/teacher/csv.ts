// CSV that opens safely in Excel, LibreOffice and Google Sheets:
// - UTF-8 with a byte-order mark, so Excel reads accented names correctly;
// - every field quoted, quotes inside doubled (RFC 4180), rows ended with CRLF;
// - formula injection neutralised: a field starting with = + - @ tab or carriage return would be
//   run as a formula by a spreadsheet (a student could name themselves "=HYPERLINK(…)"), so it
//   gets a leading apostrophe and is shown as text.

export const CSV_BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** A file name without anything a browser or file system could misread. */
export function safeFileName(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/\s+/g, "-")
    .toLowerCase()
    .slice(0, 60);
  return base || "class";
}
