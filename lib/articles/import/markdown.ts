/**
 * Markdown as text blocks, from marked's lexer (its tokens, never its HTML): headings, paragraphs
 * and block quotes; emphasis and links flattened to their text; images dropped; raw HTML read as
 * text only. A first `# Title` is the article's title.
 */
import { Lexer, type Token } from "marked";
import { parseHTML } from "linkedom";
import { collapseWhitespace, htmlBlocks, type ExtractedBlock } from "./html-blocks";

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  mdash: "—",
  ndash: "–",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
};

/** Markdown decodes character references in text; the common ones and every numeric one. */
function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));/g, (whole, dec?: string, hex?: string, name?: string) => {
    const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : null;
    if (code !== null) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return (name && ENTITIES[name]) ?? whole;
  });
}

function inlineText(tokens: Token[] | undefined): string {
  if (!tokens) return "";
  let out = "";
  for (const token of tokens) {
    switch (token.type) {
      case "image":
      case "html":
        break; // Images are dropped; inline tags are markup, never text.
      case "br":
        out += " ";
        break;
      case "escape":
      case "codespan":
        out += token.text;
        break;
      case "text":
        out += token.tokens ? inlineText(token.tokens) : decodeEntities(token.text);
        break;
      default:
        out += "tokens" in token && token.tokens ? inlineText(token.tokens) : "";
    }
  }
  return out;
}

export function markdownBlocks(markdown: string): { title?: string; blocks: ExtractedBlock[] } {
  const tokens = new Lexer({ gfm: true }).lex(markdown);
  const blocks: ExtractedBlock[] = [];
  let title: string | undefined;
  const first = tokens.find((token) => token.type !== "space");
  if (first?.type === "heading" && first.depth === 1) title = collapseWhitespace(inlineText(first.tokens)) || undefined;
  const emit = (kind: ExtractedBlock["kind"], text: string) => {
    const clean = collapseWhitespace(text);
    if (clean) blocks.push({ kind, text: clean });
  };
  const walk = (list: Token[], context: "paragraph" | "quote") => {
    for (const token of list) {
      if (token === first && title) continue;
      switch (token.type) {
        case "heading":
          emit(token.depth <= 4 ? "heading" : context, inlineText(token.tokens));
          break;
        case "paragraph":
        case "text":
          emit(context, token.tokens ? inlineText(token.tokens) : decodeEntities(token.text));
          break;
        case "blockquote":
          walk(token.tokens ?? [], "quote");
          break;
        case "list":
          for (const item of token.items) walk(item.tokens, context);
          break;
        case "code":
          emit(context, token.text);
          break;
        case "table":
          for (const row of [token.header, ...token.rows]) emit(context, row.map((cell: { tokens: Token[] }) => inlineText(cell.tokens)).join(" "));
          break;
        case "html": {
          // A block of raw HTML: its text only, as the HTML import reads it.
          const { document } = parseHTML(`<!doctype html><html><body>${token.text}</body></html>`);
          for (const block of htmlBlocks(document.body)) emit(block.kind === "heading" ? "heading" : context, block.text);
          break;
        }
        default:
          break; // space, hr, def
      }
    }
  };
  walk(tokens, "paragraph");
  return { title, blocks };
}
