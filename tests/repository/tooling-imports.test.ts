/**
 * Tooling imports one way: bench/, scripts/, tests/ and e2e/ share code only through tooling/ (and
 * the app's lib/), never by importing each other, and tooling/ imports none of them. Before this,
 * helpers sat wherever they were first needed and the four folders imported each other in a cycle
 * (docs/decisions/0028-tooling-home.md). Imports are read with the TypeScript compiler's
 * own pre-processor (static, type-only, re-exports, `import()` and `require`).
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { resolveSpecifier } from "../../tooling/source-imports";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TOOLING_USERS = ["bench", "scripts", "tests", "e2e"] as const;
const FOLDERS = [...TOOLING_USERS, "tooling"] as const;

/** Imports that cross on purpose, each with its reason. Empty: anything shared lives in tooling/. */
const ALLOWED: Record<string, string> = {};

function topFolder(relative: string): string {
  return relative.split(/[\\/]/)[0] ?? "";
}

/** Every import of `source` (a file at `file`, relative to the root) that crosses between tooling folders. */
export function crossImports(file: string, source: string): string[] {
  const from = topFolder(file);
  const info = ts.preProcessFile(source, true, true);
  const crossings: string[] = [];
  for (const imported of info.importedFiles) {
    const target = resolveSpecifier(file, imported.fileName);
    if (target === null) continue;
    const to = topFolder(target);
    if (to === from || !(FOLDERS as readonly string[]).includes(to)) continue; // same folder, lib/, prisma/, …
    if (to === "tooling" && from !== "tooling") continue; // everyone may use tooling/
    const edge = `${file} -> ${target}`;
    if (!(edge in ALLOWED)) crossings.push(edge);
  }
  return crossings;
}

function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) {
        if (!["node_modules", "tmp", "results"].includes(entry.name)) walk(child);
      } else if (/\.(ts|tsx|mts|mjs)$/.test(entry.name)) out.push(child);
    }
  };
  if (fs.existsSync(path.join(ROOT, folder))) walk(folder);
  return out;
}

describe("tooling imports", () => {
  it("finds a crossing when there is one (the check is not blind)", () => {
    expect(
      crossImports(
        "scripts/example.ts",
        `import { x } from "../bench/lib/report";\nimport type { Y } from "@/tests/support/classroom";\nconst z = await import("../e2e/support/fixtures");`,
      ),
    ).toEqual([
      "scripts/example.ts -> bench/lib/report.ts",
      "scripts/example.ts -> tests/support/classroom.ts",
      "scripts/example.ts -> e2e/support/fixtures.ts",
    ]);
    expect(crossImports("tooling/example.ts", `export { x } from "../bench/lib/report";`)).toEqual(["tooling/example.ts -> bench/lib/report.ts"]);
    expect(crossImports("bench/example.ts", `import { freePort } from "../tooling/free-port";\nimport { db } from "@/lib/db";\nimport pg from "pg";`)).toEqual(
      [],
    );
  });

  it("bench, scripts, tests and e2e share code only through tooling/, and tooling imports none of them", () => {
    const files = FOLDERS.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    const crossings = files.flatMap((file) => crossImports(file, fs.readFileSync(path.join(ROOT, file), "utf8")));
    expect(crossings).toEqual([]);
  });

  it("every allowed crossing still exists (a stale exception would hide a new one)", () => {
    const edges = new Set<string>();
    for (const file of FOLDERS.flatMap(sourceFiles)) {
      const info = ts.preProcessFile(fs.readFileSync(path.join(ROOT, file), "utf8"), true, true);
      for (const imported of info.importedFiles) edges.add(`${file} -> ${resolveSpecifier(file, imported.fileName)}`);
    }
    expect(Object.keys(ALLOWED).filter((edge) => !edges.has(edge))).toEqual([]);
  });
});
