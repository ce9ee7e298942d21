// Generates prisma/postgres/schema.prisma from prisma/schema.prisma, the single source of truth.
// Only two things differ: the datasource provider, and where the generated client goes.
//
//   npm run db:sync-postgres            rewrite prisma/postgres/schema.prisma
//   npm run db:sync-postgres -- --check exit 1 if the committed file is stale (for CI)
//
// --source and --target override the two paths (used by the tests).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DEFAULT_SOURCE = path.join(ROOT, "prisma", "schema.prisma");
export const DEFAULT_TARGET = path.join(ROOT, "prisma", "postgres", "schema.prisma");

const SQLITE_OUTPUT = "../lib/generated/sqlite";
const POSTGRES_OUTPUT = "../../lib/generated/postgres";

export const GENERATED_HEADER = [
  "// GENERATED FILE, DO NOT EDIT. The source of truth is prisma/schema.prisma;",
  "// regenerate this PostgreSQL variant with: npm run db:sync-postgres",
].join("\n");

export class SchemaSyncError extends Error {
  override name = "SchemaSyncError";
}

/** Finds the body of the one `<keyword> <name> { ... }` block (Prisma blocks do not nest braces). */
function findBlocks(source: string, keyword: "datasource" | "generator"): { start: number; end: number; body: string }[] {
  const blocks: { start: number; end: number; body: string }[] = [];
  const pattern = new RegExp(`^${keyword}\\s+\\w+\\s*\\{`, "gm");
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    const open = match.index + match[0].length;
    const close = source.indexOf("}", open);
    if (close < 0) throw new SchemaSyncError(`unterminated ${keyword} block`);
    blocks.push({ start: open, end: close, body: source.slice(open, close) });
  }
  return blocks;
}

/** Replaces `key = "from"` with `key = "to"` inside a block body; exactly one occurrence required. */
function replaceSetting(body: string, key: string, from: string, to: string, what: string): string {
  const pattern = new RegExp(`^(\\s*${key}\\s*=\\s*)"${from.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}"`, "m");
  if (!pattern.test(body)) throw new SchemaSyncError(`${what}: expected ${key} = "${from}"`);
  return body.replace(pattern, `$1"${to}"`);
}

/** The PostgreSQL variant of the SQLite schema text. */
export function toPostgresSchema(source: string): string {
  const datasources = findBlocks(source, "datasource");
  if (datasources.length !== 1) throw new SchemaSyncError(`expected exactly one datasource block, found ${datasources.length}`);
  const generators = findBlocks(source, "generator").filter((block) => /^\s*output\s*=\s*"\.\.\/lib\/generated\/sqlite"/m.test(block.body));
  if (generators.length !== 1) {
    throw new SchemaSyncError(`expected exactly one generator with output = "${SQLITE_OUTPUT}", found ${generators.length}`);
  }

  // Apply the edits from the end of the file backwards so that earlier offsets stay valid.
  const edits = [
    { ...datasources[0]!, body: replaceSetting(datasources[0]!.body, "provider", "sqlite", "postgresql", "datasource") },
    { ...generators[0]!, body: replaceSetting(generators[0]!.body, "output", SQLITE_OUTPUT, POSTGRES_OUTPUT, "generator") },
  ].sort((a, b) => b.start - a.start);
  let result = source;
  for (const edit of edits) result = result.slice(0, edit.start) + edit.body + result.slice(edit.end);

  // Drop the source's own leading comment (it describes the source file) and say what this is.
  const body = result.replace(/^(\s*\/\/[^\n]*\n)+/, "").replace(/^\s*\n/, "");
  return `${GENERATED_HEADER}\n\n${body}`;
}

export type SyncResult = { status: "written" | "unchanged" | "stale" | "fresh" };

/** Writes the target (or with check: true, only compares it). */
export function syncPostgresSchema(options: { source?: string; target?: string; check?: boolean } = {}): SyncResult {
  const source = options.source ?? DEFAULT_SOURCE;
  const target = options.target ?? DEFAULT_TARGET;
  const expected = toPostgresSchema(fs.readFileSync(source, "utf8"));
  const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : undefined;
  if (options.check) return { status: current === expected ? "fresh" : "stale" };
  if (current === expected) return { status: "unchanged" };
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, expected);
  return { status: "written" };
}

function parseArgs(argv: string[]): { source?: string; target?: string; check: boolean } {
  const options: { source?: string; target?: string; check: boolean } = { check: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--check") options.check = true;
    else if (arg === "--source" || arg === "--target") {
      const value = argv[++i];
      if (value === undefined) throw new SchemaSyncError(`${arg} needs a path`);
      options[arg === "--source" ? "source" : "target"] = path.resolve(value);
    } else throw new SchemaSyncError(`unknown argument ${arg}`);
  }
  return options;
}

function main(): number {
  try {
    const options = parseArgs(process.argv.slice(2));
    const target = path.relative(process.cwd(), options.target ?? DEFAULT_TARGET);
    const { status } = syncPostgresSchema(options);
    switch (status) {
      case "stale":
        console.error(`${target} is out of date with prisma/schema.prisma. Run: npm run db:sync-postgres`);
        return 1;
      case "fresh":
        console.log(`${target} is up to date.`);
        return 0;
      case "written":
        console.log(`Wrote ${target}.`);
        return 0;
      case "unchanged":
        console.log(`${target} was already up to date.`);
        return 0;
    }
  } catch (error) {
    console.error(error instanceof Error ? `sync-postgres-schema: ${error.message}` : error);
    return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main();
}
