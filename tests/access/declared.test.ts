// Every server action and route handler is declared (lib/actions/define.ts, lib/api/route.ts), and
// what they declare is written to e2e/support/declared.json: the access table, fuzz targets and
// security-headers list of the browser suite are read from it. After adding or changing an action
// or a route, refresh the file with `npx vitest run --project unit tests/access/declared.test.ts -u`;
// CI fails while it is stale.
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { declarationOf, isListField, roleOf, type ActionDeclaration, type RouteDeclaration } from "@/lib/actions/declarations";
import { serverActionFiles } from "../repository/action-signatures";

const ROOT = path.resolve(import.meta.dirname, "../..");
const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    // route.bench.ts: the benchmark's route, built only with BENCH_ROUTES=1 (next.config.js pageExtensions).
    return entry.isDirectory() ? routeFiles(full) : entry.name === "route.ts" || entry.name === "route.bench.ts" ? [full] : [];
  });
}

/** The URL pattern of a route file, as Next's build manifest names it (route groups dropped). */
const patternOf = (file: string) =>
  "/" +
  relative(file)
    .replace(/^app\//, "")
    .replace(/\/?route(\.bench)?\.ts$/, "")
    .split("/")
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .join("/");

type FieldKind = "text" | "list" | "hidden" | "secret" | "free-text";
const fieldKinds = (input: z.ZodObject | null): Record<string, FieldKind> =>
  Object.fromEntries(
    Object.entries(input?.shape ?? {}).map(([name, schema]) => [name, isListField(schema as z.ZodType) ? "list" : (roleOf(schema as z.ZodType) ?? "text")]),
  );

async function declaredActions() {
  const problems: string[] = [];
  const actions: { id: string; access: ActionDeclaration["access"]; call: ActionDeclaration["kind"]; fields: Record<string, FieldKind> }[] = [];
  for (const file of serverActionFiles(ROOT, ["app", "components", "lib"])) {
    const exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      const declaration = declarationOf(value);
      if (!declaration || declaration.kind === "route" || declaration.kind === "other-method") {
        problems.push(`${relative(file)}: ${name} is not declared with formAction or jsonAction (lib/actions/define.ts)`);
        continue;
      }
      if (declaration.access === "teacher-of-class" && !declaration.input?.shape.classId)
        problems.push(`${relative(file)}: ${name} is teacher-of-class but its input has no classId`);
      actions.push({ id: `${relative(file)}#${name}`, access: declaration.access, call: declaration.kind, fields: fieldKinds(declaration.input) });
    }
  }
  return { actions: actions.sort((a, b) => a.id.localeCompare(b.id)), problems };
}

async function declaredRoutes() {
  const problems: string[] = [];
  const routes: {
    pattern: string;
    file: string;
    access: RouteDeclaration["access"];
    methods: RouteDeclaration["method"][];
    body: string[];
    served: RouteDeclaration["served"];
    benchOnly?: true;
  }[] = [];
  for (const file of routeFiles(path.join(ROOT, "app"))) {
    const exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const declared: RouteDeclaration[] = [];
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value !== "function") continue;
      const declaration = declarationOf(value);
      if (declaration?.kind === "other-method") continue;
      if (declaration?.kind !== "route") problems.push(`${relative(file)}: ${name} is not declared with route() or frameworkRoute() (lib/api/route.ts)`);
      else declared.push(declaration);
    }
    const [first] = declared;
    if (!first) {
      problems.push(`${relative(file)}: no declared handler`);
      continue;
    }
    if (declared.some((d) => d.access !== first.access)) problems.push(`${relative(file)}: its methods declare different access`);
    routes.push({
      pattern: patternOf(file),
      file: relative(file),
      access: first.access,
      methods: declared.map((d) => d.method).sort(),
      body: Object.keys(declared.find((d) => d.body)?.body?.shape ?? {}),
      served: first.served,
      ...(first.benchOnly ? { benchOnly: true as const } : {}),
    });
  }
  return { routes: routes.sort((a, b) => a.pattern.localeCompare(b.pattern)), problems };
}

describe("declared actions and routes", () => {
  it("every export of a server-action file and every route handler is declared, and e2e/support/declared.json is current", async () => {
    const { actions, problems: actionProblems } = await declaredActions();
    const { routes, problems: routeProblems } = await declaredRoutes();
    expect([...actionProblems, ...routeProblems]).toEqual([]);
    expect(actions.length).toBeGreaterThan(20);
    expect(routes.length).toBeGreaterThan(8);
    await expect(`${JSON.stringify({ actions, routes }, null, 2)}\n`).toMatchFileSnapshot(path.join(ROOT, "e2e/support/declared.json"));
  }, 60_000);
});
