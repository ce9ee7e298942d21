// A fresh, migrated and seeded database (with the demo accounts unless told otherwise): what the
// browser tests, the benchmarks and the README screenshots run against. Refuses anything but a local database, because the
// SQLite file is deleted first and the callers create accounts and data.
import { spawnSync, type StdioOptions } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { databaseTarget } from "../lib/database-url";
import { assertLocalDatabase } from "./local-database";
import { expectSuccess, REPO_ROOT, runPrisma } from "./prisma-cli";

const ROOT = path.resolve(import.meta.dirname, "..");

/** `demo: false` seeds the content only (the load benchmarks create their own accounts). */
export function prepareFreshDatabase(databaseUrl: string, { stdio = "inherit", demo = true }: { stdio?: StdioOptions; demo?: boolean } = {}): void {
  assertLocalDatabase(databaseUrl);
  const target = databaseTarget(databaseUrl);
  if (target.provider === "sqlite") {
    fs.mkdirSync(path.dirname(path.resolve(ROOT, target.filePath)), { recursive: true });
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(path.resolve(ROOT, `${target.filePath}${suffix}`), { force: true });
  }
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  const run = (command: string, args: string[], extra: Record<string, string> = {}) => {
    const result = spawnSync(path.join(ROOT, command), args, { cwd: ROOT, stdio, encoding: "utf8", env: { ...env, ...extra } });
    if (result.status !== 0)
      throw new Error(`${command} ${args.join(" ")} failed with exit code ${result.status}\n${result.stdout ?? ""}${result.stderr ?? ""}`);
  };
  run("node_modules/.bin/prisma", ["migrate", "deploy"]);
  // The demo accounts are seeded outside production mode only: the seed runs as a test.
  run("node_modules/.bin/tsx", ["prisma/seed.ts"], { NODE_ENV: "test", SEED_DEMO_DATA: demo ? "true" : "false" });
}

/** Deletes a SQLite file made by prepareFreshDatabase, with its WAL and journal files. */
export function removeSqliteFile(databaseUrl: string): void {
  const target = databaseTarget(databaseUrl);
  if (target.provider !== "sqlite") return;
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(path.resolve(ROOT, `${target.filePath}${suffix}`), { force: true });
}

/**
 * A SQLite file at `file`, migrated with the real Prisma CLI and seeded with the reference data
 * only (phases, events, the built-in question bank; no accounts): the template the integration
 * tests copy per test file (much faster than migrating each), and the gradebook bench's database.
 */
export async function migratedSqliteFile(file: string): Promise<void> {
  const env = { DATABASE_URL: `file:${file}` };
  expectSuccess(await runPrisma(["migrate", "deploy"], { cwd: REPO_ROOT, env }), `migrate deploy (${path.basename(file)})`);
  expectSuccess(
    await runPrisma(["db", "seed"], { cwd: REPO_ROOT, env: { ...env, NODE_ENV: "test", SEED_DEMO_DATA: "false" } }),
    `db seed (${path.basename(file)})`,
  );
}
