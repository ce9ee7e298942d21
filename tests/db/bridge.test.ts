// The schema-engine bridge spoken to directly, the way the Prisma CLI speaks to it: its command
// line, its cli mode, its JSON-RPC behaviour, and call sequences the CLI itself never makes.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_FILTERS, migrationsList, schemaContainer, startEngine } from "../support/engine-rpc";
import { BRIDGE, REPO_ROOT, SECOND_MIGRATION_MODEL, cliEnv } from "../../tooling/prisma-cli";

const run = promisify(execFile);

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "backchannel-bridge-"));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("command line", () => {
  it("--version reports the engine hash the CLI expects", async () => {
    const { stdout } = await run(BRIDGE, ["--version"], { env: cliEnv() });
    const manifest = path.join(REPO_ROOT, "node_modules", "@prisma", "engines-version", "package.json");
    const { prisma } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { prisma: { enginesVersion: string } };
    expect(stdout.trim()).toBe(`schema-engine-cli ${prisma.enginesVersion}`);
  });

  it("cli mode reports a missing SQLite file the way the CLI parses it (P1003), then creates it", async () => {
    const file = path.join(tmp, "cli", "nested", "app.db");
    const datasource = JSON.stringify({ url: `file:${file}` });
    const failure = await run(BRIDGE, ["--datasource", datasource, "cli", "can-connect-to-database"], { env: cliEnv() }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    // The CLI drops the first stderr line and JSON-parses every other one.
    const lines = (failure?.stderr ?? "")
      .trimEnd()
      .split("\n")
      .slice(1)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({ level: "ERROR", target: "schema_engine::logger", fields: expect.objectContaining({ error_code: "P1003" }) }),
    );

    await run(BRIDGE, ["--datasource", datasource, "cli", "create-database"], { env: cliEnv() });
    expect(fs.existsSync(file)).toBe(true);
    await run(BRIDGE, ["--datasource", datasource, "cli", "can-connect-to-database"], { env: cliEnv() });
  });

  it("rejects unknown arguments", async () => {
    await expect(run(BRIDGE, ["--frobnicate"], { env: cliEnv() })).rejects.toMatchObject({ code: 2 });
  });
});

describe("JSON-RPC", () => {
  const schemaFile = () => path.join(tmp, "schema.prisma");
  const migrationsDir = () => path.join(tmp, "migrations");

  beforeAll(() => {
    const schema = fs.readFileSync(path.join(REPO_ROOT, "prisma", "schema.prisma"), "utf8");
    fs.writeFileSync(schemaFile(), `${schema}\n${SECOND_MIGRATION_MODEL}\n`);
  });

  it("answers unknown methods and malformed lines with JSON-RPC errors", async () => {
    const engine = startEngine({ cwd: tmp, url: `file:${path.join(tmp, "rpc.db")}` });
    try {
      const unknown = await engine.call("noSuchMethod", {});
      expect(unknown.error?.code).toBe(-32601);
      const version = await engine.call("getDatabaseVersion", null);
      expect(version.result).toMatch(/^3\.\d+/); // the SQLite library version
    } finally {
      await engine.close();
    }
  });

  it("defect 1: diagnoseMigrationHistory on a database without _prisma_migrations says so, instead of failing with P1014", async () => {
    const file = path.join(tmp, "empty.db");
    new Database(file).close();
    const engine = startEngine({ cwd: tmp, url: `file:${file}`, datamodels: [schemaFile()] });
    try {
      const response = await engine.call("diagnoseMigrationHistory", {
        migrationsList: migrationsList(migrationsDir()),
        optInToShadowDatabase: false,
        filters: NO_FILTERS,
      });
      expect(response.error).toBeUndefined();
      expect(response.result).toEqual({ editedMigrationNames: [], failedMigrationNames: [], hasMigrationsTable: false, history: null });
    } finally {
      await engine.close();
    }
  });

  it("defect 4: evaluateDataLoss and createMigration work as the first calls of an engine", async () => {
    const file = path.join(tmp, "first-call.db");
    new Database(file).close();
    const engine = startEngine({ cwd: tmp, url: `file:${file}`, datamodels: [schemaFile()] });
    try {
      const params = { migrationsList: migrationsList(migrationsDir()), schema: schemaContainer(schemaFile()), filters: NO_FILTERS };
      const loss = await engine.call("evaluateDataLoss", params);
      expect(loss.error).toBeUndefined();
      expect(loss.result).toMatchObject({ migrationSteps: expect.any(Number), warnings: [] });

      const second = startEngine({ cwd: tmp, url: `file:${file}`, datamodels: [schemaFile()] });
      try {
        const created = await second.call("createMigration", { ...params, draft: false, migrationName: "init" });
        expect(created.error).toBeUndefined();
        expect(created.result).toMatchObject({ connectorType: "sqlite", migrationScript: expect.stringContaining('CREATE TABLE "Bookmark"') });
      } finally {
        await second.close();
      }
    } finally {
      await engine.close();
    }
  });

  it("diff asks the CLI to print the script, then answers with the exit code", async () => {
    const engine = startEngine({ cwd: tmp });
    try {
      const response = await engine.call("diff", {
        from: { tag: "empty" },
        to: { tag: "schemaDatamodel", ...schemaContainer(schemaFile()) },
        script: true,
        exitCode: true,
        filters: NO_FILTERS,
      });
      expect(response.result).toEqual({ exitCode: 2 });
      expect(engine.printed.join("\n")).toMatch(/CREATE TABLE "User"/);
    } finally {
      await engine.close();
    }
  });

  it("a diff follows the provider of the schemas it compares, not the datasource URL's", async () => {
    const engine = startEngine({ cwd: tmp, url: `file:${path.join(tmp, "sqlite-url.db")}` });
    try {
      const postgresSchema = path.join(REPO_ROOT, "prisma", "postgres", "schema.prisma");
      const response = await engine.call("diff", {
        from: { tag: "empty" },
        to: { tag: "schemaDatamodel", ...schemaContainer(postgresSchema) },
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      });
      expect(response.error).toBeUndefined();
      expect(engine.printed.join("\n")).toMatch(/CREATE TYPE "Role" AS ENUM/); // PostgreSQL SQL, no server involved
    } finally {
      await engine.close();
    }
  });

  it("reports a panic as a panic and exits with 101, like the native engine", async () => {
    const engine = startEngine({ cwd: tmp, url: `file:${path.join(tmp, "panic.db")}` });
    const response = await engine.call("debugPanic");
    expect(response.error?.data).toMatchObject({ is_panic: true, message: expect.stringMatching(/debugPanic/) });
    expect(await engine.close()).toBe(101);
  });
});
