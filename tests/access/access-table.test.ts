// Completeness of the access table, and the guard at the top of every server action.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTIONS, ROUTES } from "./access-table";

const root = path.resolve(import.meta.dirname, "../..");

function walk(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    return entry.isDirectory() ? walk(relative) : [relative];
  });
}

const appFiles = walk("app");

describe("access table", () => {
  it("has a row for every page and route handler", () => {
    const routeFiles = appFiles.filter((file) => /\/(page\.tsx|route\.ts)$/.test(file));
    const missing = routeFiles.filter((file) => !ROUTES.some((row) => row.file === file));
    expect(missing, "routes without a row in tests/access/access-table.ts").toEqual([]);
    const stale = ROUTES.filter((row) => !routeFiles.includes(row.file)).map((row) => row.file);
    expect(stale, "rows whose file no longer exists").toEqual([]);
  });

  it("has a row for every exported server action", () => {
    const actionFiles = appFiles.filter((file) => /\.tsx?$/.test(file) && /^["']use server["']/m.test(fs.readFileSync(path.join(root, file), "utf8")));
    expect(actionFiles.length).toBeGreaterThan(0);
    const exported = actionFiles.flatMap((file) =>
      [...fs.readFileSync(path.join(root, file), "utf8").matchAll(/export async function (\w+)/g)].map((match) => ({ file, action: match[1] })),
    );
    const missing = exported.filter(({ file, action }) => !ACTIONS.some((row) => row.file === file && row.action === action));
    expect(missing, "server actions without a row").toEqual([]);
  });

  it("protected server actions check the session before anything else", () => {
    for (const row of ACTIONS.filter((r) => r.access !== "public")) {
      const source = fs.readFileSync(path.join(root, row.file), "utf8");
      const start = source.indexOf(`export async function ${row.action}(`);
      expect(start, `${row.file}: ${row.action}`).toBeGreaterThanOrEqual(0);
      const bodyStart = source.indexOf("{\n", source.indexOf(")", start)) + 2;
      const firstStatement = source.slice(bodyStart).trimStart().split("\n")[0] ?? "";
      const guard = row.access === "teacher" ? /await requireRole\("TEACHER"/ : /await require(User|Role)\(/;
      expect(firstStatement, `${row.file}: ${row.action} must start with its guard`).toMatch(guard);
    }
  });

  it("protected route handlers and pages call a guard", () => {
    for (const row of ROUTES.filter((r) => r.access !== "public")) {
      const source = fs.readFileSync(path.join(root, row.file), "utf8");
      const guard = row.access === "teacher" ? /requireRole\("TEACHER"|requireApiRole\("TEACHER"/ : /require(User|Role|ApiUser|ApiRole)\(|getSessionUser\(/;
      expect(source, `${row.file} must call its guard`).toMatch(guard);
    }
  });
});
