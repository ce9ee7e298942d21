// Regression tests for the SQLite defects (1, 2, 3) at the adapter level; tests/db/ checks the
// same defects end to end through the Prisma CLI.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { canConnect, createDatabase, createSqliteFactory, isMissingMigrationsTable, isMultipleStatementsError } from "./sqlite.mjs";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bridge-sqlite-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const query = (sql: string) => ({ sql, args: [], argTypes: [] });
const MIGRATIONS_SELECT = "SELECT id, checksum FROM `_prisma_migrations` ORDER BY `started_at` ASC";
const MULTI_STATEMENT = 'CREATE TABLE "A" ("id" INTEGER PRIMARY KEY AUTOINCREMENT);\nCREATE TABLE "B" ("id" TEXT);\nINSERT INTO "A" DEFAULT VALUES;';

describe("error recognition", () => {
  it("recognises better-sqlite3's one-statement-only error", () => {
    const db = new Database(":memory:");
    let thrown: unknown;
    try {
      db.prepare("SELECT 1; SELECT 2;");
    } catch (error) {
      thrown = error;
    }
    db.close();
    expect(isMultipleStatementsError(thrown)).toBe(true);
    expect(isMultipleStatementsError(new Error("no such table: x"))).toBe(false);
  });

  it("recognises a missing migrations table only for queries that read it", () => {
    const missing = new DriverAdapterError({ kind: "TableDoesNotExist", table: "_prisma_migrations" });
    expect(isMissingMigrationsTable(missing, query(MIGRATIONS_SELECT))).toBe(true);
    expect(isMissingMigrationsTable(missing, query('SELECT * FROM "User"'))).toBe(false);
    const other = new DriverAdapterError({ kind: "TableDoesNotExist", table: "User" });
    expect(isMissingMigrationsTable(other, query(MIGRATIONS_SELECT))).toBe(false);
  });
});

describe("createSqliteFactory", () => {
  it("defect 1: reading a missing _prisma_migrations table yields no rows and is remembered", async () => {
    const factory = createSqliteFactory({ filePath: path.join(dir, "a.db") });
    const adapter = await factory.connect();
    expect(factory.tracker.migrationsTableMissing).toBe(false);
    await expect(adapter.queryRaw(query(MIGRATIONS_SELECT))).resolves.toMatchObject({ rows: [] });
    expect(factory.tracker.migrationsTableMissing).toBe(true);
    // Other missing tables still fail.
    await expect(adapter.queryRaw(query('SELECT * FROM "Nope"'))).rejects.toThrow();
    await adapter.dispose();
  });

  it("defect 2: multi-statement scripts sent through queryRaw/executeRaw run as scripts", async () => {
    const factory = createSqliteFactory({ filePath: path.join(dir, "a.db") });
    const shadow = await factory.connectToShadowDb();
    await expect(shadow.executeRaw(query(MULTI_STATEMENT))).resolves.toBe(0);
    await expect(shadow.queryRaw(query('CREATE TABLE "C" ("id" TEXT); CREATE TABLE "D" ("id" TEXT);'))).resolves.toMatchObject({ rows: [] });
    const tables = await shadow.queryRaw(query("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('A', 'B', 'C', 'D') ORDER BY name"));
    expect(tables.rows.map((row) => row[0])).toEqual(["A", "B", "C", "D"]);
    await shadow.dispose();
    // The shadow database is in memory: the main file was not touched.
    expect(fs.existsSync(path.join(dir, "a.db"))).toBe(false);
  });

  it("defect 3: resetDatabase empties the file like the native engine, and the connection keeps working", async () => {
    const file = path.join(dir, "a.db");
    const factory = createSqliteFactory({ filePath: file });
    const adapter = await factory.connect();
    await adapter.executeScript(MULTI_STATEMENT);
    expect((await adapter.queryRaw(query("SELECT count(*) FROM sqlite_master"))).rows[0]?.[0]).toBeGreaterThan(0);

    await factory.resetDatabase();

    expect(fs.statSync(file).size).toBe(0);
    const left = await adapter.queryRaw(query("SELECT name FROM sqlite_master"));
    expect(left.rows).toEqual([]); // no tables, and no sqlite_sequence either
    await adapter.executeScript(MULTI_STATEMENT); // re-applying works
    await adapter.dispose();
  });
});

describe("cli mode", () => {
  it("reports a missing file as P1003 and creates it (with its folder) on demand", () => {
    const file = path.join(dir, "nested", "folder", "app.db");
    expect(canConnect(file)).toEqual({ ok: false, code: "P1003", message: `Database \`app.db\` does not exist at \`${file}\`.` });
    createDatabase(file);
    expect(fs.existsSync(file)).toBe(true);
    expect(canConnect(file)).toEqual({ ok: true });
    expect(canConnect(":memory:")).toEqual({ ok: true });
  });
});
