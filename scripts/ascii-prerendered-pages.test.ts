import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { asciiPrerenderedPages } from "./ascii-prerendered-pages";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A `.next` folder with a build id and these files under server/app. */
function dist(pages: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ascii-dist-"));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, "BUILD_ID"), "build-1\n");
  for (const [name, html] of Object.entries(pages)) {
    fs.mkdirSync(path.dirname(path.join(dir, "server", "app", name)), { recursive: true });
    fs.writeFileSync(path.join(dir, "server", "app", name), html);
  }
  return dir;
}

describe("ASCII post-build step", () => {
  it("rewrites prerendered pages as ASCII and records what it did", () => {
    const dir = dist({ "index.html": "<p>Lavrov’s “reset”</p>", "lessons/one.html": "<p>plain</p>" });
    expect(asciiPrerenderedPages(dir)).toEqual({ buildId: "build-1", pages: 2, rewritten: 1 });
    expect(fs.readFileSync(path.join(dir, "server", "app", "index.html"), "utf8")).toMatch(/^[\x00-\x7f]*$/);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "ascii-html.json"), "utf8"))).toEqual({ buildId: "build-1", pages: 2, rewritten: 1 });
  });

  it("fails when it finds no page (Next moved its HTML), rather than reporting 0 of 0", () => {
    expect(() => asciiPrerenderedPages(dist({ "index.rsc": "x" }))).toThrow(/^No prerendered pages in .*server[\\/]app: Next has moved its HTML output/);
  });

  it("exits 1 with a one-line reason when run as the build step", () => {
    const root = path.resolve(import.meta.dirname, "..");
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), "ascii-run-"));
    dirs.push(cwd);
    // A copy of the script in a folder whose .next holds a build without pages.
    fs.mkdirSync(path.join(cwd, "scripts"), { recursive: true });
    fs.mkdirSync(path.join(cwd, "tooling"), { recursive: true });
    fs.copyFileSync(path.join(root, "scripts", "ascii-prerendered-pages.ts"), path.join(cwd, "scripts", "ascii-prerendered-pages.ts"));
    fs.copyFileSync(path.join(root, "tooling", "ascii-html.ts"), path.join(cwd, "tooling", "ascii-html.ts"));
    fs.mkdirSync(path.join(cwd, ".next", "server", "app"), { recursive: true });
    fs.writeFileSync(path.join(cwd, ".next", "BUILD_ID"), "build-2\n");
    const run = spawnSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/ascii-prerendered-pages.ts"], {
      cwd,
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^ascii-prerendered-pages: No prerendered pages in \.next[\\/]server[\\/]app: /)]);
  }, 60_000);
});
