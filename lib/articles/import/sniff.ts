/**
 * What an upload is, decided by its content, never by its file name (issue 16, "uploads are
 * sniffed by content"): a ZIP holding `word/document.xml` is a .docx; other binary files are
 * refused; text must be UTF-8 and is HTML, Markdown or plain text by its structure.
 */
import { unzipSync } from "fflate";
import { DomainError } from "@/lib/errors";

export type ImportFormat = "docx" | "html" | "markdown" | "text";

function refuse(message: string): never {
  throw new DomainError("invalid_input", message);
}

const startsWith = (bytes: Uint8Array, ...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);

/** Binary formats a teacher might upload by mistake, named so the message can say what it was. */
const BINARY: [string, number[]][] = [
  ["a PDF", [0x25, 0x50, 0x44, 0x46]],
  ["a PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["a JPEG image", [0xff, 0xd8, 0xff]],
  ["a GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["a WebP image or other RIFF file", [0x52, 0x49, 0x46, 0x46]],
  ["an old Word .doc or other Office 97 file (save it as .docx)", [0xd0, 0xcf, 0x11, 0xe0]],
  ["a gzip archive", [0x1f, 0x8b]],
  ["a RAR archive", [0x52, 0x61, 0x72, 0x21]],
  ["a 7-Zip archive", [0x37, 0x7a, 0xbc, 0xaf]],
  ["an RTF document (save it as .docx or plain text)", [0x7b, 0x5c, 0x72, 0x74, 0x66]],
];

const ACCEPTED = "Upload a .docx, .html, .md or .txt file, or paste the text.";

/** The names of the entries in a ZIP, read from its central directory without decompressing anything. */
export function zipEntries(bytes: Uint8Array): { name: string; originalSize: number }[] {
  const entries: { name: string; originalSize: number }[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, originalSize: file.originalSize });
        return false;
      },
    });
  } catch {
    refuse(`This file looks like a ZIP archive but cannot be read (it may be damaged). ${ACCEPTED}`);
  }
  return entries;
}

export function sniffFormat(bytes: Uint8Array): ImportFormat {
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06)) {
    if (zipEntries(bytes).some((entry) => entry.name === "word/document.xml")) return "docx";
    refuse(`This file is a ZIP archive but not a Word document (.docx): it has no word/document.xml. ${ACCEPTED}`);
  }
  for (const [name, signature] of BINARY) if (startsWith(bytes, ...signature)) refuse(`This file is ${name}, which cannot be imported. ${ACCEPTED}`);
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff))
    refuse("This text file is in UTF-16; save it as UTF-8 (in most editors: Save as… → Encoding: UTF-8) and upload it again.");
  if (bytes.includes(0)) refuse(`This file is binary (it contains NUL bytes), not text or a Word document. ${ACCEPTED}`);
  return sniffText(decodeUtf8(bytes));
}

/** The text of UTF-8 bytes without a byte-order mark; refuses bytes that are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    // ignoreBOM: false (the default) drops a leading BOM.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return refuse(
      "This file is not valid UTF-8 text (it may be in an older encoding such as Windows-1252). Save it as UTF-8 and upload it again, or paste the text.",
    );
  }
}

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|main|p|div|h[1-6]|meta|title)[\s>/]/i;
const HTML_DOCUMENT_TAG = /<(?:html|body|article)[\s>]/i;

/** HTML, Markdown or plain text, for text already decoded (an upload or pasted text). */
export function sniffText(text: string): "html" | "markdown" | "text" {
  const body = text.replace(/^\uFEFF/, "");
  if (HTML_START.test(body)) return "html";
  // Markdown may hold raw HTML, so its structure is looked for before tags further in.
  if (looksLikeMarkdown(body)) return "markdown";
  if (HTML_DOCUMENT_TAG.test(body) || (/<p[\s>]/i.test(body) && /<\/p>/i.test(body))) return "html";
  return "text";
}

function looksLikeMarkdown(text: string): boolean {
  return (
    /^#{1,6}[ \t]+\S/m.test(text) || // ATX heading
    /^>[ \t]?\S/m.test(text) || // block quote
    /\[[^\]\n]+\]\([^)\s]+\)/.test(text) || // link
    /(?:^|[\s(])(\*\*|__)\S(?:[^\n]*?\S)?\1(?=$|[\s).,;:!?])/m.test(text) || // strong
    /(?:^|[\s(])([*_])[^\s*_](?:[^\n*_]*?[^\s*_])?\1(?=$|[\s).,;:!?])/m.test(text) // emphasis
  );
}
