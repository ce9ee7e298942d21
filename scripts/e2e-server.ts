// The server the browser tests run against: the production build, on a fresh SQLite file
// (or the local database in DATABASE_URL), migrated and seeded, then `next start`.
import { prepareFreshDatabase } from "../tooling/fresh-database";
import { serveInForeground, THROWAWAY_AUTH_SECRET } from "../tooling/next-server";

const port = process.env.E2E_PORT ?? "3100";
const databaseUrl = process.env.DATABASE_URL ?? "file:./data/e2e.db";
prepareFreshDatabase(databaseUrl);
serveInForeground(port, { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", AUTH_SECRET: process.env.AUTH_SECRET ?? THROWAWAY_AUTH_SECRET });
