import fs from "node:fs";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { MAX_DOCX_DECOMPRESSED_BYTES } from "./docx";
import { countWords, extractArticle, LIMITS, partialDate } from "./extract";
import { docxFiles, makeDocx } from "./fixtures/docx";

const utf8 = (text: string) => new TextEncoder().encode(text);

async function refusal(run: () => Promise<unknown>): Promise<DomainError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}

const ARTICLE_PARAGRAPHS = [
  "In the spirit of their increasingly casual relationship, Lavrov offered Kerry two baskets of tomatoes and potatoes before their meeting in Sochi in May 2015.",
  "The message wasn’t lost on the American, who had once presented Lavrov with two long Idaho potatoes. Aides on both sides laughed about it for weeks.",
  "U.S. Secretary of State John F. Kerry told reporters that the meeting was productive, and that both men agreed on more than they disagreed.",
  "Russia’s Foreign Ministry said the talks covered Syria, Ukraine and Resolution No. 2254, and that another meeting would follow in Geneva.",
];

/** A saved news page: navigation, an advert, a sidebar and a footer around the article, plus scripts and handlers. */
const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Fatal attraction IV | Opinions | Example News</title>
  <meta property="og:site_name" content="Example News">
  <meta property="og:url" content="https://news.example.org/opinions/2016/9/12/fatal-attraction-iv">
  <meta property="article:published_time" content="2016-09-12T08:30:00+03:00">
  <meta name="author" content="Marwan Bishara">
  <script>window.SECRET_SCRIPT_TEXT = "exfiltrate";</script>
  <style>.ad { color: red } /* STYLE_TEXT */</style>
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather NAV_TEXT</a></nav></header>
  <div class="ad advertisement" id="ad-top">Advertisement: buy ADVERT_TEXT now</div>
  <main>
    <article>
      <h1>Fatal attraction IV</h1>
      <p class="byline">By Marwan Bishara</p>
      ${ARTICLE_PARAGRAPHS.slice(0, 2)
        .map((p) => `<p>${p}</p>`)
        .join("\n")}
      <figure><img src="tomatoes.jpg" onerror="alert('IMG_HANDLER')" alt="Tomatoes"><figcaption>Lavrov presents Kerry with tomatoes in Sochi [Twitter / @mfa_russia]</figcaption></figure>
      <h2>The eye of the beholder</h2>
      <p onclick="steal()">${ARTICLE_PARAGRAPHS[2]} <a href="javascript:alert('LINK_SCRIPT')">Read the statement</a>.</p>
      <blockquote><p>“We will meet again. We always do,” Lavrov said.</p></blockquote>
      <p>${ARTICLE_PARAGRAPHS[3]}<script>document.write("INLINE_SCRIPT_TEXT")</script></p>
    </article>
    <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Sidebar story SIDEBAR_TEXT</a></li></ul></aside>
  </main>
  <footer><p>© 2016 Example News. FOOTER_TEXT All rights reserved.</p></footer>
</body>
</html>`;

describe("extractArticle: a saved web page", () => {
  it("keeps the article's text blocks in order and its metadata", async () => {
    const article = await extractArticle({ bytes: utf8(PAGE) });
    expect(article.format).toBe("html");
    expect(article.meta).toEqual({
      title: expect.stringContaining("Fatal attraction IV") as unknown,
      author: "Marwan Bishara",
      publisher: "Example News",
      date: "2016-09-12",
      url: "https://news.example.org/opinions/2016/9/12/fatal-attraction-iv",
    });
    expect(article.blocks).toEqual([
      { kind: "paragraph", text: ARTICLE_PARAGRAPHS[0] },
      { kind: "paragraph", text: ARTICLE_PARAGRAPHS[1] },
      { kind: "caption", text: "Lavrov presents Kerry with tomatoes in Sochi [Twitter / @mfa_russia]" },
      { kind: "heading", text: "The eye of the beholder" },
      { kind: "paragraph", text: `${ARTICLE_PARAGRAPHS[2]} Read the statement.` },
      { kind: "quote", text: "“We will meet again. We always do,” Lavrov said." },
      { kind: "paragraph", text: ARTICLE_PARAGRAPHS[3] },
    ]);
    expect(article.words).toBe(article.blocks.reduce((sum, b) => sum + countWords(b.text), 0));
  });

  it("never keeps markup, handlers, script text or the page around the article", async () => {
    const article = await extractArticle({ bytes: utf8(PAGE) });
    const all = JSON.stringify(article);
    for (const unwanted of [
      "<",
      ">",
      "script",
      "onclick",
      "onerror",
      "javascript:",
      "SECRET_SCRIPT_TEXT",
      "INLINE_SCRIPT_TEXT",
      "LINK_SCRIPT",
      "IMG_HANDLER",
      "STYLE_TEXT",
      "NAV_TEXT",
      "ADVERT_TEXT",
      "SIDEBAR_TEXT",
      "FOOTER_TEXT",
    ])
      expect(all, unwanted).not.toContain(unwanted);
  });

  it("reads an HTML fragment without <html> or <body>", async () => {
    const article = await extractArticle({ text: `<article><h2>Sochi</h2><p>${ARTICLE_PARAGRAPHS[0]}</p><p>${ARTICLE_PARAGRAPHS[1]}</p></article>` });
    expect(article.format).toBe("html");
    expect(article.blocks).toEqual([
      { kind: "heading", text: "Sochi" },
      { kind: "paragraph", text: ARTICLE_PARAGRAPHS[0] },
      { kind: "paragraph", text: ARTICLE_PARAGRAPHS[1] },
    ]);
  });

  it("drops a URL that is not a web address", async () => {
    const page = PAGE.replace("https://news.example.org/opinions/2016/9/12/fatal-attraction-iv", "javascript:alert(1)");
    const article = await extractArticle({ bytes: utf8(page) });
    expect(article.meta.url).toBeUndefined();
  });

  it("reads pasted HTML source the same way, never as tags", async () => {
    const article = await extractArticle({ text: PAGE });
    expect(article.format).toBe("html");
    expect(article.blocks[0]).toEqual({ kind: "paragraph", text: ARTICLE_PARAGRAPHS[0] });
  });
});

describe("extractArticle: a Word document", () => {
  const docx = makeDocx(
    [
      { style: "Title", text: "Kerry & Lavrov: the backchannel" },
      { text: ARTICLE_PARAGRAPHS[0]! },
      { style: "Heading1", text: "Sochi, May 2015" },
      { text: ARTICLE_PARAGRAPHS[1]! },
      { style: "Quote", text: "“We will meet again. We always do,” Lavrov said." },
      { style: "Caption", text: "Lavrov and Kerry in Sochi [Reuters]" },
      { style: "Heading2", text: "Geneva" },
      { text: "Typed in Word as text: <script>alert(1)</script> stays text." },
    ],
    { coreTitle: "Properties title" },
  );

  it("keeps headings, paragraphs, quotes and captions in order, the Title style as the title", async () => {
    const article = await extractArticle({ bytes: docx });
    expect(article.format).toBe("docx");
    expect(article.meta).toEqual({ title: "Kerry & Lavrov: the backchannel" });
    expect(article.blocks).toEqual([
      { kind: "paragraph", text: ARTICLE_PARAGRAPHS[0] },
      { kind: "heading", text: "Sochi, May 2015" },
      { kind: "paragraph", text: ARTICLE_PARAGRAPHS[1] },
      { kind: "quote", text: "“We will meet again. We always do,” Lavrov said." },
      { kind: "caption", text: "Lavrov and Kerry in Sochi [Reuters]" },
      { kind: "heading", text: "Geneva" },
      { kind: "paragraph", text: "Typed in Word as text: <script>alert(1)</script> stays text." },
    ]);
  });

  it("takes the title from the file's properties when the document has no title paragraph", async () => {
    const article = await extractArticle({ bytes: makeDocx([{ text: ARTICLE_PARAGRAPHS[0]! }], { coreTitle: "From the properties" }) });
    expect(article.meta.title).toBe("From the properties");
    expect(article.blocks).toHaveLength(1);
  });

  it("refuses a ZIP bomb by the sizes its directory declares, before inflating it", async () => {
    // 30 MB of zeros compresses to about 30 kB.
    const bomb = makeDocx([{ text: "Hello there." }], { extra: { "word/bomb.xml": new Uint8Array(30 * 1024 * 1024) } });
    expect(bomb.length).toBeLessThan(200_000);
    const error = await refusal(() => extractArticle({ bytes: bomb }));
    expect(error.message).toMatch(/decompresses to 30\.\d MB; the limit is 20\.0 MB/);
    expect(error.message).toMatch(/zip bomb/);
  }, 30_000);

  it("refuses a ZIP bomb whose directory lies about its sizes, while inflating it", async () => {
    const name = "word/bomb.xml";
    const bomb = zipSync({ ...docxFiles([{ text: "Hello there." }]), [name]: new Uint8Array(MAX_DOCX_DECOMPRESSED_BYTES + 1024 * 1024) });
    lieAboutSize(bomb, name, 1000);
    const error = await refusal(() => extractArticle({ bytes: bomb }));
    expect(error.message).toMatch(/decompresses to more than \d+\.\d MB; the limit is 20\.0 MB/);
  }, 30_000);
});

/** Rewrites the uncompressed size of one entry in both its local header and the central directory. */
function lieAboutSize(zip: Uint8Array, name: string, size: number) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const encoded = new TextEncoder().encode(name);
  const nameAt = (at: number) => encoded.every((byte, i) => zip[at + i] === byte);
  let patched = 0;
  for (let at = 0; at + 46 < zip.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50 && view.getUint16(at + 26, true) === encoded.length && nameAt(at + 30)) {
      view.setUint32(at + 22, size, true);
      patched++;
    } else if (signature === 0x02014b50 && view.getUint16(at + 28, true) === encoded.length && nameAt(at + 46)) {
      view.setUint32(at + 24, size, true);
      patched++;
    }
  }
  expect(patched).toBe(2);
}

describe("extractArticle: Markdown", () => {
  const markdown = `# Fatal attraction IV

With each encounter their relationship grew *stronger*, thriving in a **bubble** detached from [the world](https://example.org/world) of crises. ![A photo](photo.jpg)

## The eye of the beholder

> “We will meet again. We always do,” Lavrov said.
> He smiled.

Kerry said AT&amp;T had nothing to do with it.<span onclick="x()">INLINE_TAG</span>

- A listed point about Geneva.

<div onclick="steal()"><p>Raw HTML paragraph.</p><script>BLOCK_SCRIPT_TEXT</script></div>
`;

  it("keeps headings, paragraphs and quotes, flattens emphasis and links, drops images", async () => {
    const article = await extractArticle({ bytes: utf8(markdown) });
    expect(article.format).toBe("markdown");
    expect(article.meta).toEqual({ title: "Fatal attraction IV" });
    expect(article.blocks).toEqual([
      { kind: "paragraph", text: "With each encounter their relationship grew stronger, thriving in a bubble detached from the world of crises." },
      { kind: "heading", text: "The eye of the beholder" },
      { kind: "quote", text: "“We will meet again. We always do,” Lavrov said. He smiled." },
      { kind: "paragraph", text: "Kerry said AT&T had nothing to do with it.INLINE_TAG" },
      { kind: "paragraph", text: "A listed point about Geneva." },
      { kind: "paragraph", text: "Raw HTML paragraph." },
    ]);
    expect(JSON.stringify(article)).not.toMatch(/BLOCK_SCRIPT_TEXT|onclick|<|photo\.jpg/);
  });

  it("reads pasted Markdown the same way", async () => {
    const article = await extractArticle({ text: markdown });
    expect(article.format).toBe("markdown");
    expect(article.blocks[1]).toEqual({ kind: "heading", text: "The eye of the beholder" });
  });
});

describe("extractArticle: plain text", () => {
  it("reads the built-in article's source: every non-empty line a block, the first line the title", async () => {
    const source = fs.readFileSync(path.join(import.meta.dirname, "../../../content/source/fatal-attraction-iv.txt"));
    const article = await extractArticle({ bytes: source });
    const lines = new TextDecoder()
      .decode(source)
      .split("\n")
      .map((line) => line.replace(/\s+/g, " ").trim())
      .filter(Boolean);
    expect(article.format).toBe("text");
    expect(article.meta.title).toBe("John Kerry and Sergey Lavrov: Fatal attraction IV");
    expect(article.blocks.map((b) => b.text)).toEqual(lines.slice(1));
    expect(article.blocks.filter((b) => b.kind === "heading").map((b) => b.text)).toContain("The eye of the beholder");
  });

  it("reads short unpunctuated lines between paragraphs as headings, single and blank-line breaks alike", async () => {
    const text =
      "A Title Line\r\n\r\nFirst paragraph. It ends here.\nThe Geneva talks\nSecond paragraph, after a heading.\n\n\nNot a heading: it ends with a colon:\nLast line\n";
    const article = await extractArticle({ text });
    expect(article.meta.title).toBe("A Title Line");
    expect(article.blocks).toEqual([
      { kind: "paragraph", text: "First paragraph. It ends here." },
      { kind: "heading", text: "The Geneva talks" },
      { kind: "paragraph", text: "Second paragraph, after a heading." },
      { kind: "paragraph", text: "Not a heading: it ends with a colon:" },
      { kind: "paragraph", text: "Last line" },
    ]);
  });
});

describe("extractArticle: limits", () => {
  it("refuses an upload over 10 MB, naming the size", async () => {
    const error = await refusal(() => extractArticle({ bytes: new Uint8Array(LIMITS.uploadBytes + 1).fill(0x61) }));
    expect(error.message).toBe("This upload is 10.0 MB; the limit is 10.0 MB.".replace("10.0 MB;", `${((LIMITS.uploadBytes + 1) / 1048576).toFixed(1)} MB;`));
    const big = await refusal(() => extractArticle({ text: "word ".repeat(2_200_000) }));
    expect(big.message).toMatch(/^This upload is 10\.5 MB; the limit is 10\.0 MB\.$/);
  });

  it("refuses more than 50,000 words, naming the count", async () => {
    const line = "Kerry and Lavrov met again in Geneva to talk about Syria.";
    const text = Array.from({ length: 5001 }, () => line).join("\n");
    const error = await refusal(() => extractArticle({ text }));
    expect(error.message).toBe("This article has 55,011 words; the limit is 50,000. Import it in parts.");
  });

  it.each([
    ["empty text", { text: "" }],
    ["whitespace", { text: " \n\n\t \n" }],
    ["an empty file", { bytes: new Uint8Array() }],
    ["only a title", { text: "# Just a title\n" }],
    ["a page with no text", { text: "<!doctype html><html><body><nav>Home</nav><script>x()</script></body></html>" }],
  ])("refuses %s: at least one paragraph is needed", async (_name, input) => {
    const error = await refusal(() => extractArticle(input));
    expect(error.message).toMatch(/No article text was found/);
  });

  it("refuses binary uploads by content", async () => {
    expect((await refusal(() => extractArticle({ bytes: utf8("%PDF-1.4\n...") }))).message).toMatch(/PDF/);
    const zip = zipSync({ "readme.txt": strToU8("hello") });
    expect((await refusal(() => extractArticle({ bytes: zip }))).message).toMatch(/not a Word document/);
  });
});

describe("partialDate", () => {
  it.each([
    ["2016-09-12T08:30:00+03:00", "2016-09-12"],
    ["2016-09", "2016-09"],
    ["2016", "2016"],
    ["September 12, 2016 12:00 UTC", "2016-09-12"],
    ["2016-13-40", undefined],
    ["not a date", undefined],
    [null, undefined],
  ])("%s → %s", (value, expected) => {
    expect(partialDate(value)).toBe(expected);
  });
});
