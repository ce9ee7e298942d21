/**
 * The text blocks of an HTML fragment, in document order, as plain text: headings (h1–h4),
 * paragraphs, block quotes and figure captions. Only text nodes are read, so markup, attributes
 * (`onclick`, `href="javascript:…"`) and the text of scripts and styles never reach the result.
 */
export type ExtractedBlockKind = "heading" | "paragraph" | "quote" | "caption";
export type ExtractedBlock = { kind: ExtractedBlockKind; text: string };

/** Elements whose text is not article text. */
const SKIP = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "object",
  "embed",
  "svg",
  "math",
  "canvas",
  "video",
  "audio",
  "img",
  "picture",
  "source",
  "button",
  "input",
  "select",
  "textarea",
  "head",
  "meta",
  "link",
  "nav",
]);

/** Blocks whose whole text is one block. */
const LEAVES = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "caption", "pre", "dt", "dd"]);

/** Blocks that hold other blocks; text directly inside them becomes a paragraph of its own. */
const CONTAINERS = new Set([
  "html",
  "body",
  "div",
  "section",
  "article",
  "main",
  "header",
  "footer",
  "aside",
  "figure",
  "blockquote",
  "ul",
  "ol",
  "li",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "td",
  "th",
  "dl",
  "details",
  "summary",
  "address",
  "center",
  "hgroup",
  "fieldset",
  "form",
  "hr",
]);

const HEADINGS = new Set(["h1", "h2", "h3", "h4"]);

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

/** Lowercase: elements that Readability creates with `createElement("DIV")` keep linkedom's uppercase name. */
const nameOf = (element: Element) => element.localName.toLowerCase();

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The text of a node, skipping the elements in SKIP; `<br>` reads as a space. */
export function textOf(node: Node): string {
  const parts: string[] = [];
  collectText(node, parts);
  return collapseWhitespace(parts.join(""));
}

function collectText(node: Node, parts: string[]) {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === TEXT || child.nodeType === CDATA) parts.push(child.nodeValue ?? "");
    else if (child.nodeType === ELEMENT) {
      const name = nameOf(child as Element);
      if (name === "br") parts.push(" ");
      else if (!SKIP.has(name)) collectText(child, parts);
    }
  }
}

export function htmlBlocks(root: Node): ExtractedBlock[] {
  const blocks: ExtractedBlock[] = [];
  walk(root, "paragraph", blocks);
  return blocks;
}

function walk(node: Node, context: "paragraph" | "quote" | "caption", blocks: ExtractedBlock[]) {
  let inline: string[] = [];
  const emit = (kind: ExtractedBlockKind, raw: string) => {
    const text = collapseWhitespace(raw);
    if (text) blocks.push({ kind, text });
  };
  const flush = () => {
    if (inline.length > 0) emit(context, inline.join(""));
    inline = [];
  };
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === TEXT || child.nodeType === CDATA) {
      inline.push(child.nodeValue ?? "");
      continue;
    }
    if (child.nodeType !== ELEMENT) continue;
    const name = nameOf(child as Element);
    if (SKIP.has(name)) continue;
    if (name === "br") inline.push(" ");
    else if (LEAVES.has(name)) {
      flush();
      const kind: ExtractedBlockKind = HEADINGS.has(name) ? "heading" : name === "figcaption" || name === "caption" ? "caption" : context;
      emit(kind, textOf(child));
    } else if (CONTAINERS.has(name)) {
      flush();
      walk(child, name === "blockquote" ? "quote" : name === "figcaption" ? "caption" : context, blocks);
    } else {
      const parts: string[] = [];
      collectText(child, parts);
      inline.push(parts.join(""));
    }
  }
  flush();
}
