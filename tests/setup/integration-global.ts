// Once per test run: migrate a template SQLite database with the real Prisma CLI and the
// committed migrations. Each worker then copies it (tests/setup/integration-worker.ts), which is
// much faster than migrating per test file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migratedSqliteFile } from "../../tooling/fresh-database";

export default async function setup({ provide }: { provide: (key: "templateDatabase", value: string) => void }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "backchannel-template-"));
  const file = path.join(dir, "template.db");
  await migratedSqliteFile(file);
  provide("templateDatabase", file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
