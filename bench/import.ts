// npm run bench:import [-- --runs 7 --words 10000]
//
// Importing an article, in process (issue 16's goal: importing and segmenting a 10,000-word
// article takes under 2 s of server time). A deterministic article of about 10,000 words, written
// with the cases segmentation has to correct (initials, titles, "U.S.", "a.m.", "No. 5", decimals,
// quotations of several sentences), is generated as plain text, a saved web page (navigation,
// adverts and a footer around the article) and a .docx; for each, the time of extractArticle
// (sniffing, parsing, Readability or mammoth) plus buildArticleDoc (segmenting every paragraph,
// ids, default lessons, the schema check) is measured. One warm-up run, then `runs` runs; the
// report gives the median, the fastest and the slowest, and the median of each part.
//
// As a module, `runImportBench()` returns the figures and `importMarkdown()` renders them
// (bench/run.ts does both); run alone it prints the table.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { buildArticleDoc } from "../lib/articles/import/build-doc";
import { extractArticle } from "../lib/articles/import/extract";
import { makeDocx, type DocxParagraph } from "../lib/articles/import/fixtures/docx";
import type { DocMeta } from "../lib/articles/schema";
import type { Goal } from "./lib/report";

export const GOAL_MS = 2000;

export type ImportRow = {
  format: "text" | "html" | "docx";
  bytes: number;
  words: number;
  blocks: number;
  sentences: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  extractMedianMs: number;
  buildMedianMs: number;
};
export type ImportBenchResult = { node: string; runs: number; targetWords: number; rows: ImportRow[]; goal: Goal };

/** mulberry32: a small seeded generator, so every run imports the same article. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE = [
  "George W. Bush",
  "John F. Kerry",
  "Sergey V. Lavrov",
  "Mr. Putin",
  "Dr. Ahmed",
  "Gen. Petraeus",
  "Sen. McCain",
  "J. K. Rowling",
  "Mrs. Clinton",
];
const PLACES = ["Geneva", "Sochi", "St. Petersburg", "the U.S.", "the U.N. headquarters", "Vienna", "Moscow", "Washington, D.C."];
const TOPICS = ["Syria", "Ukraine", "the nuclear deal", "Resolution No. 2254", "the ceasefire", "sanctions", "the Arctic", "arms control"];
const SENTENCES: ((pick: <T>(list: T[]) => T, n: () => number) => string)[] = [
  (pick) => `${pick(PEOPLE)} met ${pick(PEOPLE)} in ${pick(PLACES)} to discuss ${pick(TOPICS)}.`,
  (pick, n) => `The talks began at ${n() % 12 || 9} a.m. on Monday and ended after ${n()} hours, well past 11 p.m.`,
  (pick) => `“We will not give up on ${pick(TOPICS)}. We never have,” ${pick(PEOPLE)} told reporters.`,
  (pick, n) => `Oil prices rose ${n()}.${n() % 10} percent after the meeting in ${pick(PLACES)}.`,
  (pick) => `According to officials in ${pick(PLACES)}, the U.S. Navy had been told in advance.`,
  (pick) => `${pick(PEOPLE)} said: "It is over. We tried. It failed." The room went quiet.`,
  (pick) => `Critics argued that ${pick(TOPICS)} was a distraction from ${pick(TOPICS)}, and that nobody in ${pick(PLACES)} believed otherwise.`,
  (pick, n) => `By ${2010 + (n() % 7)}, the relationship had outlasted ${n()} crises and at least one election.`,
  (pick) => `Was it friendship, or only convenience? ${pick(PEOPLE)} never said.`,
  (pick) => `The agreement on ${pick(TOPICS)}, signed by ${pick(PEOPLE)} and ${pick(PEOPLE)}, ran to several pages... and few read it.`,
];
const HEADINGS = ["The eye of the beholder", "Messrs Fix-it", "A bubble detached from the world", "Potatoes and tomatoes", "The long goodbye", "After Geneva"];

type Block = { kind: "heading" | "paragraph" | "quote"; text: string };

/** About `words` words of deterministic, varied journalism, in sections of about 800 words. */
export function generateArticle(words: number, seed = 16): Block[] {
  const next = random(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]!;
  const n = () => 2 + Math.floor(next() * 60);
  const blocks: Block[] = [];
  let count = 0;
  let section = 0;
  while (count < words) {
    if (count >= section * 800) {
      const heading = `${pick(HEADINGS)} ${++section > HEADINGS.length ? section : ""}`.trim();
      blocks.push({ kind: "heading", text: heading });
      count += heading.split(" ").length;
    }
    const sentences = Array.from({ length: 3 + Math.floor(next() * 4) }, () => pick(SENTENCES)(pick, n));
    const text = sentences.join(" ");
    blocks.push({ kind: next() < 0.08 ? "quote" : "paragraph", text });
    count += text.split(" ").length;
  }
  return blocks;
}

const TITLE = "Kerry and Lavrov: a benchmark article";

/** The generated article as pasted text, `words` long. */
export function generateArticleText(words: number): string {
  return asText(generateArticle(words));
}

function asText(blocks: Block[]): string {
  return `${TITLE}\n\n${blocks.map((b) => b.text).join("\n\n")}\n`;
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function asHtml(blocks: Block[]): string {
  const body = blocks
    .map((b) =>
      b.kind === "heading"
        ? `<h2>${escapeHtml(b.text)}</h2>`
        : b.kind === "quote"
          ? `<blockquote><p>${escapeHtml(b.text)}</p></blockquote>`
          : `<p>${escapeHtml(b.text)}</p>`,
    )
    .join("\n");
  const nav = Array.from({ length: 40 }, (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${TITLE} | Example News</title>
<meta property="og:site_name" content="Example News"><meta property="og:url" content="https://news.example.org/a/benchmark">
<meta property="article:published_time" content="2016-09-12T08:00:00Z"><script>window.analytics = { id: 1 };</script></head>
<body><header><nav><ul>${nav}</ul></nav></header><div class="ad">Advertisement</div>
<main><article><h1>${TITLE}</h1><p class="byline">By Bench Writer</p>
${body}
</article><aside><h3>Most read</h3><ul>${nav}</ul></aside></main><footer><p>© Example News</p></footer></body></html>`;
}

function asDocx(blocks: Block[]): Uint8Array {
  const paragraphs: DocxParagraph[] = [
    { style: "Title", text: TITLE },
    ...blocks.map((b): DocxParagraph => ({ style: b.kind === "heading" ? "Heading1" : b.kind === "quote" ? "Quote" : undefined, text: b.text })),
  ];
  return makeDocx(paragraphs);
}

const META: DocMeta = {
  title: TITLE,
  author: "Bench Writer",
  publisher: "Example News",
  date: "2016-09-12",
  url: "https://news.example.org/a/benchmark",
  usageNote: "Generated for the benchmark.",
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export async function runImportBench(options: { runs?: number; words?: number } = {}): Promise<ImportBenchResult> {
  const runs = options.runs ?? 7;
  const targetWords = options.words ?? 10_000;
  const blocks = generateArticle(targetWords);
  const inputs: [ImportRow["format"], Uint8Array][] = [
    ["text", new TextEncoder().encode(asText(blocks))],
    ["html", new TextEncoder().encode(asHtml(blocks))],
    ["docx", asDocx(blocks)],
  ];
  const rows: ImportRow[] = [];
  for (const [format, bytes] of inputs) {
    const totals: number[] = [];
    const extracts: number[] = [];
    const builds: number[] = [];
    let last: { words: number; blocks: number; sentences: number; format: string } | null = null;
    for (let run = 0; run <= runs; run++) {
      const started = performance.now();
      const article = await extractArticle({ bytes });
      const extracted = performance.now();
      const doc = buildArticleDoc(article, META);
      const built = performance.now();
      last = { words: article.words, blocks: doc.blocks.length, sentences: doc.blocks.reduce((sum, b) => sum + b.sentences.length, 0), format: article.format };
      if (run === 0) continue; // warm-up
      totals.push(built - started);
      extracts.push(extracted - started);
      builds.push(built - extracted);
    }
    if (!last || last.format !== format) throw new Error(`the ${format} input was read as ${last?.format ?? "nothing"}`);
    rows.push({
      format,
      bytes: bytes.length,
      words: last.words,
      blocks: last.blocks,
      sentences: last.sentences,
      medianMs: median(totals),
      minMs: Math.min(...totals),
      maxMs: Math.max(...totals),
      extractMedianMs: median(extracts),
      buildMedianMs: median(builds),
    });
  }
  const slowest = rows.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
  const goal: Goal = {
    text: `importing and segmenting a ${targetWords.toLocaleString("en")}-word article takes under ${GOAL_MS / 1000} s of server time (text, HTML and .docx, median)`,
    met: rows.every((row) => row.medianMs < GOAL_MS && row.words >= targetWords),
    measured: rows.map((row) => `${row.format} ${row.medianMs.toFixed(0)} ms`).join(", ") + ` (slowest: ${slowest.format})`,
  };
  return { node: process.version, runs, targetWords, rows, goal };
}

export function importMarkdown(result: ImportBenchResult, level = 2): string {
  const f = (n: number) => n.toFixed(1);
  return [
    `${"#".repeat(level)} Import`,
    "",
    `\`bench/import.ts\`, in process, Node ${result.node}: a generated article of about ${result.targetWords.toLocaleString("en")} words as plain text, a saved web page and a .docx; extractArticle + buildArticleDoc (segmentation included), one warm-up then ${result.runs} runs, times in ms.`,
    "",
    "| format | bytes | words | blocks | sentences | median | min | max | extract (median) | segment + build (median) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...result.rows.map(
      (r) =>
        `| ${r.format} | ${r.bytes} | ${r.words} | ${r.blocks} | ${r.sentences} | ${f(r.medianMs)} | ${f(r.minMs)} | ${f(r.maxMs)} | ${f(r.extractMedianMs)} | ${f(r.buildMedianMs)} |`,
    ),
    "",
    `${result.goal.met ? "PASS" : "FAIL"}: ${result.goal.text}: ${result.goal.measured}.`,
  ].join("\n");
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { values } = parseArgs({
    options: { runs: { type: "string", default: "7" }, words: { type: "string", default: "10000" }, help: { type: "boolean", default: false } },
  });
  if (values.help) {
    console.log("Usage: npm run bench:import -- [--runs 7] [--words 10000]");
    process.exit(0);
  }
  const runs = Number(values.runs);
  const words = Number(values.words);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive whole number (got ${values.runs})`);
  if (!Number.isInteger(words) || words < 1) throw new Error(`--words must be a positive whole number (got ${values.words})`);
  const result = await runImportBench({ runs, words });
  console.log(importMarkdown(result, 1));
  if (!result.goal.met) process.exitCode = 1;
}
