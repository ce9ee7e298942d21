import { describe, expect, it } from "vitest";
import { DatasourceError, lockfileProvider, locateDatabase, quoteIdentifier, schemaProvider, sqliteFilePath, withDatabase } from "./datasource.mjs";
import { needsLiveDatabase } from "./bridge.mjs";

describe("locateDatabase", () => {
  it("resolves SQLite paths against the folder the CLI runs the engine in", () => {
    expect(locateDatabase("file:./data/app.db", "/repo")).toEqual({ provider: "sqlite", filePath: "/repo/data/app.db" });
    expect(sqliteFilePath("file:dev.db?connection_limit=1", "/repo/prisma")).toBe("/repo/prisma/dev.db");
    expect(sqliteFilePath("file:/abs/dev.db", "/repo")).toBe("/abs/dev.db");
    expect(sqliteFilePath("file:///abs/dev.db", "/repo")).toBe("/abs/dev.db");
    expect(sqliteFilePath("file::memory:", "/repo")).toBe(":memory:");
    expect(() => sqliteFilePath("file:", "/repo")).toThrow(DatasourceError);
  });

  it("reads PostgreSQL URLs", () => {
    expect(locateDatabase("postgresql://me:secret@db.example:6543/app?schema=school", "/repo")).toEqual({
      provider: "postgresql",
      url: "postgresql://me:secret@db.example:6543/app?schema=school",
      database: "app",
      host: "db.example",
      port: "6543",
      user: "me",
      schema: "school",
    });
    expect(locateDatabase("postgres://localhost/app", "/repo")).toMatchObject({ port: "5432", schema: undefined });
  });

  it("rejects other databases with the engine's P1013", () => {
    expect(() => locateDatabase("mysql://localhost/app", "/repo")).toThrow(expect.objectContaining({ code: "P1013" }));
  });
});

describe("withDatabase", () => {
  it("changes only the database (the pg driver ignores a separate `database` next to a connectionString)", () => {
    expect(withDatabase("postgresql://me:s%40cret@host:5433/app?sslmode=disable", "prisma_migrate_shadow_db_1")).toBe(
      "postgresql://me:s%40cret@host:5433/prisma_migrate_shadow_db_1?sslmode=disable",
    );
  });
});

describe("providers", () => {
  it("reads the datasource provider of a schema and of a migration lock file", () => {
    expect(schemaProvider('generator client {\n  provider = "prisma-client"\n}\ndatasource db {\n  provider = "sqlite"\n}\n')).toBe("sqlite");
    expect(schemaProvider('datasource db {\n  provider = "postgres"\n}')).toBe("postgresql");
    expect(schemaProvider("model A {\n  id Int @id\n}")).toBeUndefined();
    expect(lockfileProvider('# comment\nprovider = "postgresql"\n')).toBe("postgresql");
    expect(lockfileProvider(null)).toBeUndefined();
  });

  it("quotes identifiers", () => {
    expect(quoteIdentifier('we"ird')).toBe('"we""ird"');
  });
});

describe("needsLiveDatabase (defect 7)", () => {
  const empty = { tag: "empty" } as const;
  const schema = { tag: "schemaDatamodel", files: [] } as const;
  const migrations = {
    tag: "migrations",
    baseDir: "/m",
    lockfile: { path: "migration_lock.toml", content: null },
    shadowDbInitScript: "",
    migrationDirectories: [],
  } as const;
  const filters = { externalTables: [], externalEnums: [] };
  const diff = (from: object, to: object) => ({ from, to, script: true, exitCode: null, filters }) as Parameters<typeof needsLiveDatabase>[0];

  it("is false for schema-to-schema diffs, and for migrations on SQLite (in-memory shadow database)", () => {
    expect(needsLiveDatabase(diff(empty, schema), "postgresql")).toBe(false);
    expect(needsLiveDatabase(diff(migrations, schema), "sqlite")).toBe(false);
  });

  it("is true when a side is the configured database, or migrations replayed on a PostgreSQL server", () => {
    expect(needsLiveDatabase(diff({ tag: "schemaDatasource", files: [], configDir: "/" }, schema), "sqlite")).toBe(true);
    expect(needsLiveDatabase(diff(empty, { tag: "url", url: "file:x.db" }), "sqlite")).toBe(true);
    expect(needsLiveDatabase(diff(migrations, schema), "postgresql")).toBe(true);
  });
});
