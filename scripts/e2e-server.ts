// The server the browser tests run against: the production build, on a fresh SQLite file
// (or the local database in DATABASE_URL), migrated and seeded, then `next start`.
import { spawn } from "node:child_process";
import { prepareFreshDatabase } from "../tooling/fresh-database";

const port = process.env.E2E_PORT ?? "3100";
const databaseUrl = process.env.DATABASE_URL ?? "file:./data/e2e.db";
prepareFreshDatabase(databaseUrl);

const server = spawn("node_modules/.bin/next", ["start", "-p", port], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-0123456789" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
