import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_SOURCE, DEFAULT_TARGET, GENERATED_HEADER, SchemaSyncError, syncPostgresSchema, toPostgresSchema } from "./sync-postgres-schema";

const run = promisify(execFile);
const SCRIPT = path.join(import.meta.dirname, "sync-postgres-schema.ts");
const TSX = path.join(import.meta.dirname, "..", "node_modules", ".bin", "tsx");

const SOURCE = `// Source of truth.
// Second comment line.

generator client {
  provider = "prisma-client"
  output   = "../lib/generated/sqlite"
}

datasource db {
  provider = "sqlite"
}

model Note {
  id   Int    @id @default(autoincrement())
  body String
}
`;

describe("toPostgresSchema", () => {
  it("changes the provider and the client output, and marks the file as generated", () => {
    const result = toPostgresSchema(SOURCE);
    expect(result.startsWith(`${GENERATED_HEADER}\n\ngenerator client {`)).toBe(true);
    expect(result).toContain('output   = "../../lib/generated/postgres"');
    expect(result).toContain('datasource db {\n  provider = "postgresql"\n}');
    expect(result).toContain("model Note {\n  id   Int    @id @default(autoincrement())");
    expect(result).not.toContain("Source of truth");
    expect(result).not.toMatch(/sqlite/);
  });

  it("refuses schemas it cannot transform safely", () => {
    expect(() => toPostgresSchema(SOURCE.replace('"sqlite"', '"mysql"'))).toThrow(SchemaSyncError);
    expect(() => toPostgresSchema(SOURCE.replace("../lib/generated/sqlite", "../elsewhere"))).toThrow(/generator/);
    expect(() => toPostgresSchema(`${SOURCE}\ndatasource other {\n  provider = "sqlite"\n}\n`)).toThrow(/exactly one datasource/);
  });
});

describe("the committed PostgreSQL schema", () => {
  it("is up to date with prisma/schema.prisma", () => {
    expect(syncPostgresSchema({ source: DEFAULT_SOURCE, target: DEFAULT_TARGET, check: true })).toEqual({ status: "fresh" });
  });
});

describe("the command line", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sync-schema-"));
    fs.writeFileSync(path.join(dir, "schema.prisma"), SOURCE);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cli = (...args: string[]) =>
    run(TSX, [SCRIPT, "--source", path.join(dir, "schema.prisma"), "--target", path.join(dir, "postgres", "schema.prisma"), ...args]).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  it("--check fails when the generated file is missing or stale, and passes once written", async () => {
    expect((await cli("--check")).code).toBe(1);
    const written = await cli();
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(/Wrote/);
    expect(await cli("--check")).toMatchObject({ code: 0, stdout: expect.stringMatching(/up to date/) });

    fs.appendFileSync(path.join(dir, "schema.prisma"), "\nmodel Extra {\n  id Int @id\n}\n");
    const stale = await cli("--check");
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/out of date.*npm run db:sync-postgres/);
  }, 30_000);
});
