// The SQLite and PostgreSQL migration histories must describe the same schema, step by step.
// (The PostgreSQL history is checked against its schema in postgres.test.ts: replaying it needs a server.)
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, migrationNames, runPrisma } from "../../tooling/prisma-cli";

const SQLITE_MIGRATIONS = path.join(REPO_ROOT, "prisma", "migrations");
const POSTGRES_MIGRATIONS = path.join(REPO_ROOT, "prisma", "postgres", "migrations");

/** Tables, indexes and enums a migration creates or drops, ignoring provider-specific SQL. */
function objectsTouched(sql: string): string[] {
  const names = new Set<string>();
  const pattern = /\b(CREATE|DROP|ALTER)\s+(?:UNIQUE\s+)?(TABLE|INDEX|TYPE)\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?"([^"]+)"/gi;
  for (const [, verb, kind, name] of sql.matchAll(pattern)) {
    // SQLite has no enum types, and redefines tables ("new_X") where PostgreSQL alters them.
    if (kind?.toUpperCase() === "TYPE" || name?.startsWith("new_")) continue;
    names.add(`${verb?.toUpperCase() === "DROP" ? "drop" : "define"} ${kind?.toLowerCase()} ${name}`);
  }
  return [...names].sort();
}

const read = (folder: string, name: string) => fs.readFileSync(path.join(folder, name, "migration.sql"), "utf8");

describe("migration histories", () => {
  it("have the same migration names for both providers", () => {
    const sqlite = migrationNames(SQLITE_MIGRATIONS);
    expect(sqlite.length).toBeGreaterThan(0);
    expect(migrationNames(POSTGRES_MIGRATIONS)).toEqual(sqlite);
  });

  it("are locked to their providers", () => {
    expect(fs.readFileSync(path.join(SQLITE_MIGRATIONS, "migration_lock.toml"), "utf8")).toMatch(/provider = "sqlite"/);
    expect(fs.readFileSync(path.join(POSTGRES_MIGRATIONS, "migration_lock.toml"), "utf8")).toMatch(/provider = "postgresql"/);
  });

  it("touch the same tables and indexes in each migration", () => {
    for (const name of migrationNames(SQLITE_MIGRATIONS)) {
      expect(objectsTouched(read(POSTGRES_MIGRATIONS, name)), name).toEqual(objectsTouched(read(SQLITE_MIGRATIONS, name)));
    }
  });

  it("the SQLite history describes prisma/schema.prisma exactly (migrate diff is empty)", async () => {
    const result = await runPrisma(["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"], {
      cwd: REPO_ROOT,
    });
    expect(result.code, result.output).toBe(0);
  });
});
