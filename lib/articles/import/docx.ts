/**
 * A .docx as HTML (mammoth), with its decompressed size bounded before anything is inflated.
 *
 * mammoth opens the ZIP with jszip, which inflates whatever the archive holds. So the archive is
 * opened here first: the sizes its central directory declares are summed and refused over the
 * limit, then the entries are inflated in small steps with a running count (the declared sizes
 * may lie), and mammoth gets a fresh, uncompressed ZIP of exactly what was counted. Images and
 * embedded files are never inflated: only text is imported.
 */
import { Unzip, UnzipInflate, zipSync } from "fflate";
import mammoth from "mammoth";
import { DomainError } from "@/lib/errors";
import { zipEntries } from "./sniff";

export const MAX_DOCX_DECOMPRESSED_BYTES = 20 * 1024 * 1024;

/** Parts of a .docx that hold no text. */
const isMedia = (name: string) => /^word\/(?:media|embeddings)\//.test(name) || name.endsWith("/");

/** Compressed bytes handed to the inflater at a time: at most ~1,000× that comes out per step. */
const STEP = 16 * 1024;

export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function tooBig(bytes: number, more: boolean): DomainError {
  return new DomainError(
    "invalid_input",
    `This Word document decompresses to ${more ? "more than " : ""}${megabytes(bytes)}; the limit is ${megabytes(MAX_DOCX_DECOMPRESSED_BYTES)} of decompressed text (a ZIP that expands this much may be a "zip bomb").`,
  );
}

/** The text parts of a .docx, inflated under the size limit. */
export function unzipDocxBounded(bytes: Uint8Array): Record<string, Uint8Array> {
  const declared = zipEntries(bytes)
    .filter((entry) => !isMedia(entry.name))
    .reduce((sum, entry) => sum + entry.originalSize, 0);
  if (declared > MAX_DOCX_DECOMPRESSED_BYTES) throw tooBig(declared, false);

  const files: Record<string, Uint8Array> = {};
  let total = 0;
  const unzip = new Unzip((file) => {
    if (isMedia(file.name)) return;
    const chunks: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (error) throw error;
      total += chunk.length;
      if (total > MAX_DOCX_DECOMPRESSED_BYTES) throw tooBig(total, true);
      chunks.push(chunk);
      if (final) files[file.name] = concat(chunks);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length; at += STEP) unzip.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.length);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError("invalid_input", "This Word document cannot be read (the file may be damaged). Open it in Word and save it again as .docx.");
  }
  if (!files["word/document.xml"]) throw new DomainError("invalid_input", "This Word document has no readable text part (word/document.xml).");
  return files;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Word's own paragraph styles for titles, quotations and captions, mapped to the HTML the walk reads. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Caption'] => figcaption:fresh",
];

export async function docxToHtml(bytes: Uint8Array): Promise<{ html: string; title?: string }> {
  const files = unzipDocxBounded(bytes);
  const zip = zipSync(files, { level: 0 });
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength) },
      {
        styleMap: STYLE_MAP,
        // Never read an image or fetch a linked file: only the text is imported.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })),
        externalFileAccess: false,
      },
    );
    html = result.value;
  } catch {
    throw new DomainError("invalid_input", "This Word document cannot be read. Open it in Word and save it again as .docx.");
  }
  return { html, title: coreTitle(files["docProps/core.xml"]) };
}

/** The document title from the file's properties (docProps/core.xml), if it has one. */
function coreTitle(core: Uint8Array | undefined): string | undefined {
  if (!core) return undefined;
  const match = /<dc:title>([^<]*)<\/dc:title>/.exec(new TextDecoder().decode(core));
  const title = match?.[1]
    ?.replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
  return title || undefined;
}
