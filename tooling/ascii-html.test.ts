import vm from "node:vm";
import fc from "fast-check";
import { type DefaultTreeAdapterMap, parse } from "parse5";
import { describe, expect, it } from "vitest";
import { asciiHtml, isAscii } from "./ascii-html";

type Node = DefaultTreeAdapterMap["node"];

/** What a browser makes of a script: JSON is parsed; JavaScript runs and its Next.js payload pushes are kept. */
function scriptValue(type: string, code: string): unknown {
  if (/json/.test(type)) return JSON.parse(code);
  const sandbox = { self: { __next_f: [] as unknown[] } };
  vm.runInNewContext(code, sandbox);
  return sandbox.self.__next_f;
}

/** CSS escapes with six hex digits, the only kind the fixtures' styles contain. */
function styleValue(css: string): string {
  return css.replace(/\\([0-9a-f]{6})/gi, (_, digits: string) => String.fromCodePoint(parseInt(digits, 16)));
}

/** The document as a browser builds it: elements, attributes, text and comments, scripts and styles by meaning. */
function documentModel(html: string): unknown[] {
  const model: unknown[] = [];
  const walk = (node: Node) => {
    if (node.nodeName === "#text" && "value" in node) model.push(["text", node.value]);
    else if (node.nodeName === "#comment" && "data" in node) model.push(["comment", node.data]);
    else if ("tagName" in node) {
      const attrs = Object.fromEntries(node.attrs.map((a) => [a.name, a.value]));
      model.push(["element", node.tagName, attrs]);
      const content = node.childNodes.map((child) => ("value" in child ? child.value : "")).join("");
      if (node.tagName === "script") model.push(["script", scriptValue(attrs.type ?? "", content)]);
      else if (node.tagName === "style") model.push(["style", styleValue(content)]);
      else for (const child of node.childNodes) walk(child);
      return;
    }
    if ("childNodes" in node) for (const child of node.childNodes) walk(child);
  };
  walk(parse(html));
  return model;
}

const PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/>
<title>Potato diplomacy · Backchannel</title>
<meta name="description" content="Kerry’s gift to Lavrov — two Idaho potatoes"/>
<style>.quote::before{content:"“"}.dash::after{content:" — "}</style>
<script type="application/ld+json">{"headline":"Fatal attraction — “IV”","author":"Marwan Bishara"}</script>
</head><body><main><!--$--><h1>Potato diplomacy</h1>
<p class="reading" data-kind="opinion">“The relationship,” the author writes, “is one of fatal attraction” — Lavrov’s café 🥔.</p>
<textarea>Naïve résumé</textarea><!--/$--></main>
<script>self.__next_f.push([1,"2:T3a,Kerry\\u0026Lavrov’s “potato” — 🥔 \\u003cb\\u003e"])</script>
<script>self.__next_f.push([1,"3:[\\"$\\",\\"p\\",null,{\\"children\\":\\"naïve — ‘fix-it’\\"}]"])</script>
</body></html>`;

describe("asciiHtml", () => {
  it("leaves no character outside ASCII", () => {
    expect(isAscii(PAGE)).toBe(false);
    expect(isAscii(asciiHtml(PAGE))).toBe(true);
  });

  it("gives a browser the same document: text, attributes, comments, JSON, script payloads and styles", () => {
    const escaped = asciiHtml(PAGE);
    expect(escaped).toContain("Lavrov&#x2019;s caf&#xe9; &#x1f954;");
    expect(escaped).toContain(String.raw`Lavrov\u2019s \u201cpotato\u201d \u2014 \ud83e\udd54`);
    expect(escaped).toContain(String.raw`content:"\00201c"`);
    expect(documentModel(escaped)).toEqual(documentModel(PAGE));
  });

  it("returns an ASCII page unchanged", () => {
    const ascii = `<!DOCTYPE html><html><body><p>Plain &amp; simple</p><script>self.__next_f.push([1,"\\u2019"])</script></body></html>`;
    expect(asciiHtml(ascii)).toBe(ascii);
    expect(asciiHtml(asciiHtml(PAGE))).toBe(asciiHtml(PAGE));
  });

  it("keeps any text, attribute and script string the same (property)", () => {
    const markup = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
    // As Next.js embeds its payload: JSON with "<" escaped so no string can close the script.
    const payload = (s: string) => JSON.stringify(s).replaceAll("<", "\\u003c");
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), (text, attribute, script) => {
        const html = `<!DOCTYPE html><html><head><title>${markup(text)}</title></head><body><p title="${markup(attribute)}">${markup(text)}</p><script>self.__next_f.push([1,${payload(script)}])</script></body></html>`;
        const escaped = asciiHtml(html);
        expect(isAscii(escaped)).toBe(true);
        expect(documentModel(escaped)).toEqual(documentModel(html));
      }),
      { numRuns: 300 },
    );
    // 300 parses of three documents: about 2 s alone, several times that on a busy CI machine.
  }, 30_000);
});
