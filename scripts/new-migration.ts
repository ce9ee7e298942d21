// `npm run db:new-migration -- <name>`: after editing prisma/schema.prisma, creates the matching
// migration for both providers, with the same folder name (tests/db/migrations.test.ts checks it).
// SQLite is diffed against a scratch file, PostgreSQL against a throwaway local cluster, so no
// real database is touched.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { findPostgresBinaries, startPostgresCluster } from "../tooling/postgres-cluster";
import { cliEnv } from "../tooling/prisma-cli";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <name_in_snake_case>");
  process.exit(2);
}

function prisma(args: string[], databaseUrl: string) {
  const result = spawnSync("node_modules/.bin/prisma", args, { stdio: "inherit", env: cliEnv({ DATABASE_URL: databaseUrl }) });
  if (result.status !== 0) throw new Error(`prisma ${args.join(" ")} failed`);
}
const folders = (dir: string) => new Set(fs.readdirSync(dir).filter((f) => fs.statSync(path.join(dir, f)).isDirectory()));

prisma(["validate"], "file:./data/scratch.db");
spawnSync("node_modules/.bin/tsx", ["scripts/sync-postgres-schema.ts"], { stdio: "inherit" });

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "backchannel-migration-"));
const sqliteBefore = folders("prisma/migrations");
// Bring the scratch database up to date first: migrate dev then only has the new diff to make.
prisma(["migrate", "deploy"], `file:${path.join(scratch, "dev.db")}`);
prisma(["migrate", "dev", "--create-only", "--name", name], `file:${path.join(scratch, "dev.db")}`);
const created = [...folders("prisma/migrations")].filter((f) => !sqliteBefore.has(f));
if (created.length !== 1) throw new Error("SQLite: expected exactly one new migration folder");
const folder = created[0] ?? "";

const bin = findPostgresBinaries();
if (!bin) throw new Error("PostgreSQL server binaries not found (apt-get install postgresql): cannot create the PostgreSQL migration.");
const cluster = await startPostgresCluster(bin);
try {
  const url = await cluster.createDatabase("migration");
  const postgresBefore = folders("prisma/postgres/migrations");
  prisma(["migrate", "deploy"], url);
  prisma(["migrate", "dev", "--create-only", "--name", name], url);
  const pgCreated = [...folders("prisma/postgres/migrations")].filter((f) => !postgresBefore.has(f));
  if (pgCreated.length !== 1 || !pgCreated[0]) throw new Error("PostgreSQL: expected exactly one new migration folder");
  if (pgCreated[0] !== folder) fs.renameSync(path.join("prisma/postgres/migrations", pgCreated[0]), path.join("prisma/postgres/migrations", folder));
} finally {
  await cluster.stop();
  fs.rmSync(scratch, { recursive: true, force: true });
}
console.log(`Created prisma/migrations/${folder} and prisma/postgres/migrations/${folder}. Review both, then npm run db:generate.`);
