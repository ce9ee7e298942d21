// Every Prisma workflow we rely on, run through the real CLI and the schema-engine bridge on
// temporary SQLite files; then data access through lib/db.ts. The numbered defects are the wasm
// engine defects the bridge works around (docs/decisions/0001-offline-prisma-schema-engine-bridge.md).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { databaseTarget } from "@/lib/database-url";
import {
  REPO_ROOT,
  SECOND_MIGRATION_MODEL,
  createFixtureProject,
  expectSuccess,
  migrationNames,
  runPrisma,
  type FixtureProject,
} from "../../tooling/prisma-cli";

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "backchannel-sqlite-"));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const tables = (file: string): string[] => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => (row as { name: string }).name);
  } finally {
    db.close();
  }
};

describe("SQLite: CLI workflows on a project copy", () => {
  let project: FixtureProject;
  // A relative path in a folder that does not exist yet: the bridge's create-database makes both.
  const url = "file:./data/dev.db";
  let dbFile: string;

  beforeAll(() => {
    project = createFixtureProject("sqlite", url);
    dbFile = path.join(project.dir, "data", "dev.db");
  });
  afterAll(() => project.remove());

  it("uses the bridge, never a downloaded engine (prisma version)", async () => {
    const result = expectSuccess(await project.prisma(["version"]), "prisma version");
    expect(result.stdout).toMatch(/Schema Engine\s*:\s*schema-engine-cli [0-9a-f]{40} \(at .*schema-engine\.mjs, resolved by PRISMA_SCHEMA_ENGINE_BINARY\)/);
  });

  it("prisma generate", async () => {
    expectSuccess(await project.prisma(["generate"]), "prisma generate");
    expect(fs.existsSync(path.join(project.generatedDir, "client.ts"))).toBe(true);
  });

  it("migrate status on a database without _prisma_migrations (defect 1)", async () => {
    fs.mkdirSync(path.dirname(dbFile), { recursive: true });
    new Database(dbFile).close();
    const result = await project.prisma(["migrate", "status"]);
    expect(result.output).not.toMatch(/P1014/);
    expect(result.stdout).toMatch(/No migration found/);
    fs.rmSync(path.dirname(dbFile), { recursive: true });
  });

  it("migrate dev: the first migration, creating the database file and its folder (defect 1)", async () => {
    const result = expectSuccess(await project.prisma(["migrate", "dev", "--name", "init"]), "migrate dev (first)");
    expect(result.stdout).toMatch(/SQLite database dev\.db created/);
    expect(migrationNames(project.migrationsDir)).toEqual([expect.stringMatching(/^\d{14}_init$/)]);
    expect(tables(dbFile)).toEqual(expect.arrayContaining(["_prisma_migrations", "User", "Phase", "KeyEvent", "LessonProgress", "Throttle"]));
  });

  it("migrate dev: a second migration on top, replaying the first on the shadow database (defect 2)", async () => {
    project.appendToSchema(SECOND_MIGRATION_MODEL);
    const result = expectSuccess(await project.prisma(["migrate", "dev", "--name", "bookmarks"]), "migrate dev (second)");
    expect(result.output).not.toMatch(/P3006/);
    expect(migrationNames(project.migrationsDir)).toEqual([expect.stringMatching(/_init$/), expect.stringMatching(/_bookmarks$/)]);
    expect(tables(dbFile)).toContain("Bookmark");
  });

  it("migrate status", async () => {
    const result = expectSuccess(await project.prisma(["migrate", "status"]), "migrate status");
    expect(result.stdout).toMatch(/2 migrations found/);
    expect(result.stdout).toMatch(/Database schema is up to date!/);
  });

  it("migrate status reports unapplied migrations on a fresh database (defect 1)", async () => {
    const fresh = path.join(tmp, "status-fresh.db");
    new Database(fresh).close();
    const result = await project.prisma(["migrate", "status"], { DATABASE_URL: `file:${fresh}` });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Following migrations have not yet been applied/);
    expect(result.output).not.toMatch(/P1014/);
  });

  it("migrate reset --force empties the database and re-applies every migration (defect 3)", async () => {
    const db = new Database(dbFile);
    db.prepare("INSERT INTO Bookmark (label) VALUES ('kept?')").run();
    db.close();
    const result = expectSuccess(await project.prisma(["migrate", "reset", "--force"]), "migrate reset");
    expect(result.output).not.toMatch(/already exists/);
    const after = new Database(dbFile, { readonly: true });
    expect(after.prepare("SELECT count(*) AS n FROM Bookmark").get()).toEqual({ n: 0 });
    expect(after.prepare("SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL").get()).toEqual({ n: 2 });
    after.close();
  });

  it("migrate deploy on a fresh database", async () => {
    const fresh = path.join(tmp, "deploy-fresh.db");
    const result = expectSuccess(await project.prisma(["migrate", "deploy"], { DATABASE_URL: `file:${fresh}` }), "migrate deploy");
    expect(result.stdout).toMatch(/All migrations have been successfully applied/);
    expect(tables(fresh)).toContain("Bookmark");
    const status = expectSuccess(await project.prisma(["migrate", "status"], { DATABASE_URL: `file:${fresh}` }), "status after deploy");
    expect(status.stdout).toMatch(/Database schema is up to date!/);
  });

  it("db push", async () => {
    const pushed = path.join(tmp, "push.db");
    const result = expectSuccess(await project.prisma(["db", "push"], { DATABASE_URL: `file:${pushed}` }), "db push");
    expect(result.stdout).toMatch(/in sync with your Prisma schema/);
    expect(tables(pushed)).toEqual(expect.arrayContaining(["Bookmark", "User"]));
    expect(tables(pushed)).not.toContain("_prisma_migrations");
  });

  it("migrate diff --from-empty --to-schema --script needs no database (defect 7)", async () => {
    const missing = path.join(tmp, "no-such-folder", "x.db");
    const result = expectSuccess(
      await project.prisma(["migrate", "diff", "--from-empty", "--to-schema", "prisma/schema.prisma", "--script"], {
        DATABASE_URL: `file:${missing}`,
      }),
      "migrate diff",
    );
    expect(result.stdout).toMatch(/CREATE TABLE "Bookmark"/);
    expect(result.stdout).toMatch(/CREATE UNIQUE INDEX "User_email_key"/);
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
  });

  it("migrate diff from the migrations folder to the schema is empty", async () => {
    const result = await project.prisma(["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"]);
    expect(result.code, result.output).toBe(0);
  });

  it("db seed runs the configured seed command", async () => {
    const result = expectSuccess(await project.prisma(["db", "seed"]), "db seed");
    expect(result.stdout).toMatch(/fixture seed ran/);
    expect(fs.readFileSync(path.join(project.dir, "seed-ran.txt"), "utf8")).toBe(url);
  });
});

describe("SQLite: the repository's own config, migrations and seed", () => {
  const file = () => path.join(tmp, "repo.db");
  const env = () => ({ DATABASE_URL: `file:${file()}` });

  it("migrate deploy applies the committed migrations, and migrate status agrees", async () => {
    expectSuccess(await runPrisma(["migrate", "deploy"], { cwd: REPO_ROOT, env: env() }), "migrate deploy (repo)");
    const status = expectSuccess(await runPrisma(["migrate", "status"], { cwd: REPO_ROOT, env: env() }), "migrate status (repo)");
    expect(status.stdout).toMatch(/Database schema is up to date!/);
  });

  it("db seed runs prisma/seed.ts against the database", async () => {
    expectSuccess(await runPrisma(["db", "seed"], { cwd: REPO_ROOT, env: { ...env(), NODE_ENV: "development" } }), "db seed (repo)");
    const counts = () => {
      const db = new Database(file(), { readonly: true });
      const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      const result = { users: count("User"), phases: count("Phase"), events: count("KeyEvent") };
      db.close();
      return result;
    };
    const first = counts();
    expect(first.users).toBe(3); // the demo accounts
    expect(first.phases).toBe(4);
    expect(first.events).toBeGreaterThanOrEqual(20);
    // Idempotent: a second run changes nothing.
    expectSuccess(await runPrisma(["db", "seed"], { cwd: REPO_ROOT, env: { ...env(), NODE_ENV: "development" } }), "db seed again (repo)");
    expect(counts()).toEqual(first);
  });

  it("db seed in production loads reference data but never the demo accounts", async () => {
    const prodFile = path.join(tmp, "prod.db");
    const prodEnv = { DATABASE_URL: `file:${prodFile}`, NODE_ENV: "production", AUTH_SECRET: "x".repeat(40) };
    expectSuccess(await runPrisma(["migrate", "deploy"], { cwd: REPO_ROOT, env: prodEnv }), "migrate deploy (production)");
    expectSuccess(await runPrisma(["db", "seed"], { cwd: REPO_ROOT, env: prodEnv }), "db seed (production)");
    const db = new Database(prodFile, { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM User").get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM Phase").get()).toEqual({ n: 4 });
    db.close();
  });

  it("migrate reset --force", async () => {
    expectSuccess(await runPrisma(["migrate", "reset", "--force"], { cwd: REPO_ROOT, env: env() }), "migrate reset (repo)");
    const db = new Database(file(), { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM User").get()).toEqual({ n: 0 });
    db.close();
  });
});

describe("SQLite: data access through lib/db.ts", () => {
  const file = () => path.join(tmp, "client.db");

  beforeAll(async () => {
    expectSuccess(await runPrisma(["migrate", "deploy"], { cwd: REPO_ROOT, env: { DATABASE_URL: `file:${file()}` } }), "deploy");
  });

  it("creates and reads records with WAL and a busy timeout on the client's own connection", async () => {
    const { createDatabaseClient, SQLITE_BUSY_TIMEOUT_MS } = await import("@/lib/db");
    const db = createDatabaseClient(databaseTarget(`file:${file()}`));
    try {
      const created = await db.user.create({
        data: { email: "ada@example.org", name: "Ada", passwordHash: "x", role: "TEACHER" },
      });
      const found = await db.user.findUnique({ where: { email: "ada@example.org" } });
      expect(found).toMatchObject({ id: created.id, name: "Ada", role: "TEACHER" });
      expect(found?.createdAt).toBeInstanceOf(Date);

      const [journal] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
      const [busy] = await db.$queryRawUnsafe<{ timeout: number | bigint }[]>("PRAGMA busy_timeout");
      expect(journal?.journal_mode).toBe("wal");
      expect(Number(busy?.timeout)).toBe(SQLITE_BUSY_TIMEOUT_MS);
      const [foreignKeys] = await db.$queryRawUnsafe<{ foreign_keys: number | bigint }[]>("PRAGMA foreign_keys");
      expect(Number(foreignKeys?.foreign_keys)).toBe(1); // onDelete: Cascade relies on it

      // strictUndefinedChecks: an explicit undefined is an error, not "no filter".
      await expect(db.user.findFirst({ where: { email: undefined } })).rejects.toThrow(/undefined/i);
    } finally {
      await db.$disconnect();
    }
  });

  it("exports one client per process, built from DATABASE_URL", async () => {
    const saved = process.env.DATABASE_URL;
    const holder = globalThis as { backchannelDb?: unknown };
    delete holder.backchannelDb;
    process.env.DATABASE_URL = `file:${file()}`;
    try {
      vi.resetModules();
      const first = (await import("@/lib/db")).db;
      vi.resetModules();
      const second = (await import("@/lib/db")).db;
      expect(second).toBe(first);
      expect(await first.user.count({ where: { email: "ada@example.org" } })).toBe(1);
      await first.$disconnect();
    } finally {
      delete holder.backchannelDb;
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  });
});
