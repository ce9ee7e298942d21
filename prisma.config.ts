// Configuration for the Prisma CLI (not loaded by the app).
// The CLI would otherwise download a native schema engine, which no machine here can reach:
// PRISMA_SCHEMA_ENGINE_BINARY points it at our bridge to Prisma's WebAssembly engine, the workspace
// package packages/prisma-engine-bridge (decision 0001).
import { createRequire } from "node:module";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseTarget } from "./lib/database-url";

const here = import.meta.dirname;
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= createRequire(path.join(here, "package.json")).resolve("@backchannel/prisma-engine-bridge/schema-engine");

const target = databaseTarget(process.env.DATABASE_URL);
const folder = target.provider === "postgresql" ? path.join("prisma", "postgres") : "prisma";

export default defineConfig({
  schema: path.join(folder, "schema.prisma"),
  migrations: {
    path: path.join(folder, "migrations"),
    seed: "tsx prisma/seed.ts",
  },
  datasource: { url: target.url },
});
