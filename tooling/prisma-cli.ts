// Runs the real Prisma CLI (node_modules/.bin/prisma) for the database test suites, either on the
// repository's own prisma.config.ts (read-only workflows: deploy, status, reset, seed, diff) or
// on a throwaway copy of the project in a temporary folder (workflows that write migrations).
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "..");
export const PRISMA_BIN = path.join(REPO_ROOT, "node_modules", ".bin", "prisma");
export const BRIDGE = path.join(REPO_ROOT, "packages", "prisma-engine-bridge", "schema-engine.mjs");

/**
 * Environment variables by which AI coding agents identify themselves. `prisma migrate reset`
 * refuses to run when it sees one; these tests reset throwaway databases only.
 */
const AGENT_VARIABLES = [
  /^CLAUDECODE$/,
  /^CLAUDE_/,
  /^CODEX_/,
  /^GEMINI_CLI$/,
  /^QWEN_CODE$/,
  /^CURSOR_/,
  /^COPILOT_CLI$/,
  /^OPENCODE/,
  /^CLINE_ACTIVE$/,
  /^AGENT$/,
  /^AI_AGENT$/,
  /^CRUSH$/,
  /^OR_APP_NAME$/,
  /^AUGMENT_AGENT$/,
  /^ANTIGRAVITY_AGENT$/,
  /^REPLIT_SESSION$/,
];

/** The environment for a CLI child: no agent markers, no inherited database settings, no network. */
export function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    const strip = AGENT_VARIABLES.some((pattern) => pattern.test(key)) || key === "DATABASE_URL" || key === "PRISMA_SCHEMA_ENGINE_BINARY";
    if (strip) delete env[key];
  }
  Object.assign(env, {
    CHECKPOINT_DISABLE: "1", // no update/telemetry check (it would wait for the network)
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    // If anything still tried to download an engine, make it fail at once instead of hanging.
    PRISMA_ENGINES_MIRROR: "http://127.0.0.1:9",
    NO_COLOR: "1",
  });
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export type CliResult = { code: number; stdout: string; stderr: string; output: string };

/** Runs `prisma <args>`; never throws for a non-zero exit (tests look at `code`). */
export function runPrisma(args: string[], options: { cwd: string; env?: Record<string, string | undefined> }): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(
      PRISMA_BIN,
      args,
      { cwd: options.cwd, env: cliEnv(options.env), timeout: 150_000, maxBuffer: 16 * 1024 * 1024, encoding: "utf8" },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") {
          reject(error);
          return;
        }
        const code = error && typeof error.code === "number" ? error.code : 0;
        resolve({ code, stdout, stderr, output: `${stdout}\n${stderr}` });
      },
    );
  });
}

/** Fails with the CLI's own output, which is what one needs to see when a workflow breaks. */
export function expectSuccess(result: CliResult, what: string): CliResult {
  if (result.code !== 0) throw new Error(`${what} failed with exit code ${result.code}:\n${result.output}`);
  return result;
}

export type Provider = "sqlite" | "postgresql";

export type FixtureProject = {
  dir: string;
  schemaPath: string;
  migrationsDir: string;
  generatedDir: string;
  /** Runs the CLI in the project with DATABASE_URL set. */
  prisma(args: string[], env?: Record<string, string | undefined>): Promise<CliResult>;
  /** Appends Prisma schema text (a new model) to the project's schema. */
  appendToSchema(text: string): void;
  remove(): void;
};

/**
 * A copy of the project's Prisma setup in a temporary folder: the repository's schema for the
 * provider (generated client written inside the folder), its own empty migrations folder, a
 * prisma.config.ts that uses the repository's schema-engine bridge, and a seed command that
 * records that it ran.
 */
export function createFixtureProject(provider: Provider, databaseUrl: string): FixtureProject {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `backchannel-prisma-${provider}-`));
  fs.symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  fs.mkdirSync(path.join(dir, "prisma"));
  const source = path.join(REPO_ROOT, "prisma", ...(provider === "postgresql" ? ["postgres"] : []), "schema.prisma");
  const schemaPath = path.join(dir, "prisma", "schema.prisma");
  const schema = fs.readFileSync(source, "utf8").replace(/^(\s*output\s*=\s*)"[^"]*"/m, '$1"../generated"');
  fs.writeFileSync(schemaPath, schema);
  fs.writeFileSync(
    path.join(dir, "seed.mjs"),
    'import fs from "node:fs";\nfs.writeFileSync("seed-ran.txt", process.env.DATABASE_URL ?? "");\nconsole.log("fixture seed ran");\n',
  );
  fs.writeFileSync(
    path.join(dir, "prisma.config.ts"),
    [
      'import { defineConfig } from "prisma/config";',
      `process.env.PRISMA_SCHEMA_ENGINE_BINARY = ${JSON.stringify(BRIDGE)};`,
      "export default defineConfig({",
      '  schema: "prisma/schema.prisma",',
      '  migrations: { path: "prisma/migrations", seed: "node seed.mjs" },',
      '  datasource: { url: process.env.DATABASE_URL ?? "" },',
      "});",
      "",
    ].join("\n"),
  );
  return {
    dir,
    schemaPath,
    migrationsDir: path.join(dir, "prisma", "migrations"),
    generatedDir: path.join(dir, "generated"),
    prisma: (args, env = {}) => runPrisma(args, { cwd: dir, env: { DATABASE_URL: databaseUrl, ...env } }),
    appendToSchema: (text) => fs.appendFileSync(schemaPath, `\n${text}\n`),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Migration folder names, in order. */
export function migrationNames(migrationsDir: string): string[] {
  if (!fs.existsSync(migrationsDir)) return [];
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** A model the workflow tests add in their second migration (AUTOINCREMENT exercises sqlite_sequence). */
export const SECOND_MIGRATION_MODEL = `model Bookmark {
  id        Int      @id @default(autoincrement())
  label     String
  createdAt DateTime @default(now())
}`;
