/**
 * An upload or pasted text as plain structured text: metadata and a list of text blocks
 * (headings, paragraphs, quotes, captions). HTML is read for its text and never kept. The format
 * is decided by content (./sniff.ts). Pure apart from parsing: nothing is stored here.
 *
 * Limits, each refused with a DomainError naming the limit and the actual size: 10 MB upload,
 * 20 MB decompressed for a .docx (./docx.ts), 50,000 words, 20,000 blocks (the document's
 * limit), and at least one paragraph of text.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { PartialDateSchema } from "@/lib/content/schema";
import { DomainError } from "@/lib/errors";
import { WebUrlSchema } from "@/lib/articles/schema";
import { docxToHtml, megabytes } from "./docx";
import { collapseWhitespace, htmlBlocks, type ExtractedBlock } from "./html-blocks";
import { markdownBlocks } from "./markdown";
import { textBlocks } from "./plain-text";
import { decodeUtf8, sniffFormat, sniffText, type ImportFormat } from "./sniff";

export type { ExtractedBlock } from "./html-blocks";

export type ExtractedMeta = {
  title?: string;
  author?: string;
  publisher?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date?: string;
  url?: string;
};

export type ExtractedArticle = {
  meta: ExtractedMeta;
  blocks: ExtractedBlock[];
  words: number;
  /** What the content was read as. */
  format: ImportFormat;
};

export const LIMITS = {
  uploadBytes: 10 * 1024 * 1024,
  words: 50_000,
  blocks: 20_000,
} as const;

function refuse(message: string): never {
  throw new DomainError("invalid_input", message);
}

export async function extractArticle(input: { bytes: Uint8Array } | { text: string }): Promise<ExtractedArticle> {
  const size = "bytes" in input ? input.bytes.length : Buffer.byteLength(input.text, "utf8");
  if (size > LIMITS.uploadBytes) refuse(`This upload is ${megabytes(size)}; the limit is ${megabytes(LIMITS.uploadBytes)}.`);

  let format: ImportFormat;
  let text = "";
  if ("bytes" in input) {
    format = sniffFormat(input.bytes);
    if (format !== "docx") text = decodeUtf8(input.bytes);
  } else {
    // Pasted text is read by the same rules: pasted Markdown keeps its headings, pasted HTML
    // source gives its text, not its tags.
    text = input.text.replace(/^\uFEFF/, "");
    format = sniffText(text);
  }

  let meta: ExtractedMeta = {};
  let blocks: ExtractedBlock[];
  switch (format) {
    case "docx": {
      const { html, title } = await docxToHtml("bytes" in input ? input.bytes : new Uint8Array());
      const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
      blocks = htmlBlocks(document.body);
      // A first heading (Word's Title or Heading 1 style) is the title, as a first `# Title` is.
      const first = blocks[0];
      if (first?.kind === "heading") {
        meta.title = first.text;
        blocks = blocks.slice(1);
      } else if (title) meta.title = title;
      break;
    }
    case "html":
      ({ meta, blocks } = readHtml(text));
      break;
    case "markdown": {
      const { title, blocks: found } = markdownBlocks(text);
      blocks = found;
      if (title) meta.title = title;
      break;
    }
    case "text": {
      const { title, blocks: found } = textBlocks(text);
      blocks = found;
      if (title) meta.title = title;
      break;
    }
  }

  const words = blocks.reduce((sum, block) => sum + countWords(block.text), 0);
  if (!blocks.some((block) => block.kind === "paragraph" || block.kind === "quote"))
    refuse("No article text was found: the import needs at least one paragraph of text.");
  if (words > LIMITS.words)
    refuse(`This article has ${words.toLocaleString("en")} words; the limit is ${LIMITS.words.toLocaleString("en")}. Import it in parts.`);
  if (blocks.length > LIMITS.blocks)
    refuse(
      `This article has ${blocks.length.toLocaleString("en")} paragraphs and headings; the limit is ${LIMITS.blocks.toLocaleString("en")}. Import it in parts.`,
    );
  return { meta: cleanMeta(meta), blocks, words, format };
}

export function countWords(text: string): number {
  // One regex pass without building an array of the words.
  let count = 0;
  const word = /\S+/g;
  while (word.exec(text)) count++;
  return count;
}

/** A saved web page: the article found by Readability, its metadata, and its blocks as text. */
function readHtml(html: string): { meta: ExtractedMeta; blocks: ExtractedBlock[] } {
  // linkedom gives a fragment (no <html> or <body>) no body, and Readability needs one.
  const { document } = parseHTML(/<body[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  // Read before Readability, which rewrites the document.
  const url =
    document.querySelector('meta[property="og:url"]')?.getAttribute("content") ??
    document.querySelector('link[rel="canonical"]')?.getAttribute("href") ??
    undefined;
  const pageTitle = document.querySelector("title")?.textContent ?? undefined;
  const article = new Readability<Node>(document, { serializer: (node) => node }).parse();
  if (!article?.content) refuse("No article text was found in this web page.");
  const title = collapseWhitespace(article.title ?? pageTitle ?? "") || undefined;
  const normalTitle = title?.toLowerCase();
  let titleSkipped = false;
  const author = article.byline?.replace(/^\s*by\s+/i, "").trim() || undefined;
  const bylines = author ? [author.toLowerCase(), `by ${author.toLowerCase()}`] : [];
  let bylineSkipped = false;
  const blocks = htmlBlocks(article.content).filter((block, i) => {
    // The title and the byline are metadata: Readability leaves them in when the page's <meta> gave them.
    if (!titleSkipped && block.kind === "heading" && block.text.toLowerCase() === normalTitle) return !(titleSkipped = true);
    if (!bylineSkipped && i < 3 && bylines.includes(block.text.toLowerCase())) return !(bylineSkipped = true);
    return true;
  });
  return {
    meta: {
      title,
      author,
      publisher: article.siteName ?? undefined,
      date: partialDate(article.publishedTime),
      url: url ?? undefined,
    },
    blocks,
  };
}

/** "2016-09-12T10:00:00Z" → "2016-09-12" (the date as written, not shifted to UTC); other formats through Date. */
export function partialDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const written = /^\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?![\d-])/.exec(value)?.[1];
  if (written && PartialDateSchema.safeParse(written).success) return written;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  const iso = new Date(time).toISOString().slice(0, 10);
  return PartialDateSchema.safeParse(iso).success ? iso : undefined;
}

/** Trimmed, cut at a word to at most 300 characters (the document's limit for these fields); a URL only if it is a web address. */
function cleanMeta(meta: ExtractedMeta): ExtractedMeta {
  const clip = (value: string | undefined) => {
    const text = collapseWhitespace(value ?? "");
    if (!text) return undefined;
    return text.length <= 300
      ? text
      : text
          .slice(0, 301)
          .replace(/\s+\S*$/, "")
          .slice(0, 300);
  };
  const out: ExtractedMeta = {};
  const title = clip(meta.title);
  const author = clip(meta.author);
  const publisher = clip(meta.publisher);
  if (title) out.title = title;
  if (author) out.author = author;
  if (publisher) out.publisher = publisher;
  if (meta.date && PartialDateSchema.safeParse(meta.date).success) out.date = meta.date;
  const url = meta.url?.trim();
  if (url && WebUrlSchema.safeParse(url).success) out.url = url;
  return out;
}
