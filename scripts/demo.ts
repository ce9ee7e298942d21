// `npm run demo`: build, migrate the SQLite file, seed demo data and serve on http://localhost:3000.
// Safe to run again: migrations and the seed are idempotent, and the generated secret is kept.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { databaseTarget } from "../lib/database-url";
import { serveInForeground } from "../tooling/next-server";

const port = process.env.PORT ?? "3000";
const target = databaseTarget(process.env.DATABASE_URL);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  console.log(`\n› ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(" ")} failed (exit code ${result.status}). Nothing was served.`);
    process.exit(result.status ?? 1);
  }
}

// The production server needs AUTH_SECRET; for the local demo one is generated once and kept
// in data/ (never committed), so sessions survive a restart.
fs.mkdirSync("data", { recursive: true });
const secretFile = "data/.auth-secret";
if (!process.env.AUTH_SECRET && !fs.existsSync(secretFile)) fs.writeFileSync(secretFile, randomBytes(32).toString("base64"), { mode: 0o600 });
const authSecret = process.env.AUTH_SECRET ?? fs.readFileSync(secretFile, "utf8").trim();

run("npm", ["run", "build"]);
run("node_modules/.bin/prisma", ["migrate", "deploy"]);
// Demo accounts are development data: the seed runs outside production mode on purpose.
run("node_modules/.bin/tsx", ["prisma/seed.ts"], { ...process.env, NODE_ENV: "development" });

console.log(`\nBackchannel on http://localhost:${port} (${target.provider}). Demo accounts are listed in the README. Ctrl+C stops it.`);
serveInForeground(port, { ...process.env, NODE_ENV: "production", AUTH_SECRET: authSecret });
