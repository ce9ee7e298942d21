// Once per test run: migrate a template SQLite database with the real Prisma CLI and the
// committed migrations. Each worker then copies it (tests/setup/integration-worker.ts), which is
// much faster than migrating per test file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expectSuccess, REPO_ROOT, runPrisma } from "../../tooling/prisma-cli";

export default async function setup({ provide }: { provide: (key: "templateDatabase", value: string) => void }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "backchannel-template-"));
  const file = path.join(dir, "template.db");
  expectSuccess(await runPrisma(["migrate", "deploy"], { cwd: REPO_ROOT, env: { DATABASE_URL: `file:${file}` } }), "migrate deploy (template)");
  // Reference data (phases, events, the built-in question bank), without the demo accounts.
  expectSuccess(
    await runPrisma(["db", "seed"], { cwd: REPO_ROOT, env: { DATABASE_URL: `file:${file}`, NODE_ENV: "test", SEED_DEMO_DATA: "false" } }),
    "db seed (template)",
  );
  provide("templateDatabase", file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
