// A fresh SQLite file for a benchmark run: migrated with the real migrations and seeded with the
// real seed (demo accounts and the demo class when `demo` is set), exactly as `npm run demo` does.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
}

/** Creates `dbFile` (its folder too) and returns its DATABASE_URL. */
export function freshSqliteDatabase(dbFile: string, { demo }: { demo: boolean }): string {
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${dbFile}${suffix}`, { force: true });
  const databaseUrl = `file:${dbFile}`;
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  run(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], env);
  run(path.join(ROOT, "node_modules/.bin/tsx"), ["prisma/seed.ts"], { ...env, NODE_ENV: "test", SEED_DEMO_DATA: demo ? "true" : "false" });
  return databaseUrl;
}
