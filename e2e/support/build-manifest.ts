// What the production build contains, read from .next: every page, every route handler and every
// server action. The security specs take their lists from here so that a new route or action
// cannot go untested unnoticed: each spec fails when the build has one its table does not cover.
import fs from "node:fs";
import path from "node:path";

const serverDir = path.resolve(import.meta.dirname, "../../.next/server");

function readJson(file: string): unknown {
  const full = path.join(serverDir, file);
  if (!fs.existsSync(full)) throw new Error(`${full} is missing: run \`npm run build\` first.`);
  return JSON.parse(fs.readFileSync(full, "utf8"));
}

/** "/teacher/questions/(list)/page" → "/teacher/questions/page": route groups are not in the URL. */
function withoutGroups(entry: string): string {
  return entry.replace(/\/\([^/)]+\)/g, "");
}

export type BuiltRoute = { kind: "page" | "route"; /** URL pattern, e.g. /api/v1/attempts/[attemptId] */ pattern: string; file: string };

/** Pages and route handlers, without Next's own internal entries (/_not-found, /_global-error). */
export function builtRoutes(): BuiltRoute[] {
  const manifest = readJson("app-paths-manifest.json") as Record<string, string>;
  return Object.keys(manifest)
    .filter((entry) => !entry.startsWith("/_"))
    .map((entry) => {
      const kind = entry.endsWith("/route") ? "route" : "page";
      const pattern = withoutGroups(entry).replace(/\/(page|route)$/, "") || "/";
      return { kind, pattern, file: `app${entry}` } satisfies BuiltRoute;
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

export type BuiltAction = {
  id: string;
  /** "app/quiz/actions.ts#answerAction" */
  name: string;
  /** URL patterns of the pages that load the action (a call is posted to one of them). */
  pages: string[];
};

export function builtActions(): BuiltAction[] {
  const manifest = readJson("server-reference-manifest.json") as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
  return Object.entries(manifest.node)
    .map(([id, entry]) => {
      if (!entry.filename || !entry.exportedName) throw new Error(`Server action ${id} has no file or name in the manifest: the build format changed.`);
      const pages = Object.keys(entry.workers).map((worker) => withoutGroups(`/${worker.replace(/^app\//, "")}`).replace(/\/page$/, "") || "/");
      return { id, name: `${entry.filename}#${entry.exportedName}`, pages };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Fills the dynamic segments of a pattern: "/lessons/[slug]" with { slug: "x" } → "/lessons/x". */
export function fillPattern(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for [${name}] in ${pattern}`);
    return value;
  });
}
