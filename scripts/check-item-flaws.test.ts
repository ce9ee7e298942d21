// The CLI the content editors run on their own copy of content/ (scripts/check-item-flaws.ts).
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = path.join(import.meta.dirname, "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const SCRIPT = path.join(import.meta.dirname, "check-item-flaws.ts");

async function check(bank: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(TSX, [SCRIPT, bank], { cwd: ROOT });
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, out: failed.stdout ?? "" };
  }
}

describe("scripts/check-item-flaws.ts", () => {
  let dir = "";
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "item-flaws-"));
    for (const file of fs.readdirSync(path.join(ROOT, "content"))) {
      if (file.endsWith(".json")) fs.copyFileSync(path.join(ROOT, "content", file), path.join(dir, file));
    }
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("prints one line per flaw and gap of a copied bank, honours its waivers, and exits 1", async () => {
    const file = path.join(dir, "questions.json");
    const bank = JSON.parse(fs.readFileSync(file, "utf8")) as {
      questions: { id: string; type: string; options?: { id: string; text: string }[]; answer?: unknown; waivers?: Record<string, string> }[];
    };
    // A flaw of our own making, so the test does not depend on today's content.
    const q = bank.questions.find((x) => x.type === "single");
    if (!q?.options) throw new Error("fixture: no single-choice question");
    q.options = q.options.map((o) => (o.id === q.answer ? { ...o, text: `${o.text}, as the record shows in some detail` } : { ...o, text: "No" }));
    fs.writeFileSync(file, JSON.stringify(bank));
    const before = await check(file);
    expect(before.code).toBe(1);
    expect(before.out).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: ${q.id} \\[longest-key\\] The right answer is by far the longest option`, "m"),
    );

    q.waivers = { "longest-key": "The detail is what the question teaches." };
    fs.writeFileSync(file, JSON.stringify(bank));
    const after = await check(file);
    expect(after.out).not.toContain(`${q.id} [longest-key]`);
    expect(after.out).toMatch(/✘ \d+ questions: \d+ unwaived flaw/);
  }, 60_000);

  it("names schema problems (a waiver without a reason) instead of crashing", async () => {
    const file = path.join(dir, "questions.json");
    const bank = JSON.parse(fs.readFileSync(path.join(ROOT, "content", "questions.json"), "utf8")) as { questions: { waivers?: Record<string, string> }[] };
    const first = bank.questions[0];
    if (first) first.waivers = { "longest-key": "" };
    fs.writeFileSync(file, JSON.stringify(bank));
    const result = await check(file);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/schema: questions\.0\.waivers\.longest-key: /);
  }, 60_000);
});
