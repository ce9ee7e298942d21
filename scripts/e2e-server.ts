// The server the browser tests run against: the production build, on a fresh SQLite file
// (or the local database in DATABASE_URL), migrated and seeded, then `next start`.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { databaseTarget } from "../lib/database-url";
import { assertLocalDatabase } from "../e2e/support/local-database";

const port = process.env.E2E_PORT ?? "3100";
const databaseUrl = process.env.DATABASE_URL ?? "file:./data/e2e.db";
assertLocalDatabase(databaseUrl);

const target = databaseTarget(databaseUrl);
if (target.provider === "sqlite") {
  fs.mkdirSync("data", { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${target.filePath}${suffix}`, { force: true });
}

const env = { ...process.env, DATABASE_URL: databaseUrl };
function run(command: string, args: string[], extra: Record<string, string> = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extra } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed with exit code ${result.status}`);
}

run("node_modules/.bin/prisma", ["migrate", "deploy"]);
run("node_modules/.bin/tsx", ["prisma/seed.ts"], { NODE_ENV: "test" });

const server = spawn("node_modules/.bin/next", ["start", "-p", port], {
  stdio: "inherit",
  env: { ...env, NODE_ENV: "production", AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-0123456789" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
