// Completeness of the page access table, and the guard in every protected page. Server actions and
// route handlers are checked by tests/access/declared.test.ts: each is declared with its access,
// and the layer applies the guard (lib/actions/define.ts, lib/api/route.ts).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PAGES } from "../../tooling/access-table";

const root = path.resolve(import.meta.dirname, "../..");

function walk(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    return entry.isDirectory() ? walk(relative) : [relative];
  });
}

// page.bench.tsx: the benchmark's page, built only with BENCH_ROUTES=1 (next.config.js pageExtensions).
const pageFiles = walk("app").filter((file) => /\/page(\.bench)?\.tsx$/.test(file));

describe("access table", () => {
  it("has a row for every page", () => {
    const missing = pageFiles.filter((file) => !PAGES.some((row) => row.file === file));
    expect(missing, "pages without a row in tooling/access-table.ts").toEqual([]);
    const stale = PAGES.filter((row) => !pageFiles.includes(row.file)).map((row) => row.file);
    expect(stale, "rows whose file no longer exists").toEqual([]);
  });

  it("protected pages call a guard", () => {
    for (const row of PAGES.filter((r) => r.access !== "public")) {
      const source = fs.readFileSync(path.join(root, row.file), "utf8");
      const guard = row.access === "teacher" ? /requireRole\("TEACHER"/ : row.access === "admin" ? /requireAdmin\(/ : /require(User|Role)\(|getSessionUser\(/;
      expect(source, `${row.file} must call its guard`).toMatch(guard);
    }
  });
});
