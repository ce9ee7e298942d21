import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import articleJson from "@/content/article.json";
import { compareWithSource, sourceLines } from "./source";

// The file article.json names, in the repository (content/source/, see its README).
const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCE_PATH = path.resolve(ROOT, articleJson.meta.sourceFile);
const source = readFileSync(SOURCE_PATH, "utf8");
const lines = sourceLines(source);
const blocks = articleJson.blocks.map((b) => ({ id: b.id, text: b.text }));

describe("the article round-trips to the source", () => {
  it("reads the source from inside the repository", () => {
    expect(articleJson.meta.sourceFile).toBe("content/source/fatal-attraction-iv.txt");
    expect(path.relative(ROOT, SOURCE_PATH).startsWith("..")).toBe(false);
  });

  it("has one block per non-empty source line, in order, byte-identical", () => {
    expect(lines).toHaveLength(68);
    expect(compareWithSource(lines, blocks)).toEqual([]);
    expect(blocks.map((b) => b.text)).toEqual(lines);
  });

  it("keeps the source's exact characters (non-breaking spaces, curly quotes, the run-together link text)", () => {
    const all = blocks.map((b) => b.text).join("\n");
    expect(all.match(/\u00a0/g)).toHaveLength(4);
    expect(all).toContain("read the\u00a0firstsecond\u00a0and third");
    expect(all).toContain("Putin. left, and Obama");
    expect(all.split("\n").filter((t) => t.startsWith("Since Kerry and Lavrov have become so close"))).toHaveLength(2);
  });

  it("fails when a block is removed", () => {
    const mutated = blocks.filter((b) => b.id !== "eye-p07");
    expect(compareWithSource(lines, mutated).join("\n")).toMatch(/eye-p08.*differs|has no block|68 non-empty lines but there are 67/);
  });

  it("fails when two blocks are swapped", () => {
    const mutated = [...blocks];
    const i = mutated.findIndex((b) => b.id === "fixit-d03");
    const a = mutated[i];
    const b = mutated[i + 1];
    if (!a || !b) throw new Error("fixture");
    mutated[i] = b;
    mutated[i + 1] = a;
    expect(compareWithSource(lines, mutated)).not.toEqual([]);
  });

  it("fails when a single character is altered, even an invisible one", () => {
    const straightQuote = blocks.map((b) => (b.id === "opening-p01" ? { ...b, text: b.text.replace("’", "'") } : b));
    expect(compareWithSource(lines, straightQuote)[0]).toMatch(/opening-p01.*character 2/);
    const plainSpace = blocks.map((b) => (b.id === "opening-p03" ? { ...b, text: b.text.replace("\u00a0", " ") } : b));
    expect(compareWithSource(lines, plainSpace)).not.toEqual([]);
    const trimmed = blocks.map((b) => (b.id === "back-chrome02" ? { ...b, text: `${b.text} ` } : b));
    expect(compareWithSource(lines, trimmed)).not.toEqual([]);
  });

  it("fails when a block is added", () => {
    expect(compareWithSource(lines, [...blocks, { id: "back-extra", text: "Share" }])).not.toEqual([]);
  });
});
