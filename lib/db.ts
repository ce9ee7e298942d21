// The one Prisma client of the process. DATABASE_URL (read through lib/database-url.ts, the same
// rule prisma.config.ts uses) picks the database: SQLite by default, PostgreSQL for postgresql://.
// Both clients are generated from the same model (npm run db:generate), so they have the same API;
// the app sees one type, `Database`, whichever is in use.
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Sqlite from "better-sqlite3";
import { databaseTarget, type DatabaseTarget } from "./database-url";
import { serializeTransactions } from "./sqlite-serial-adapter";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";

export { Prisma } from "./generated/sqlite/client";
export type * from "./generated/sqlite/client";

/** Secrets no query returns unless it selects them by name (sign-in and password checks do). */
const OMIT_BY_DEFAULT = { user: { passwordHash: true } } as const;

/**
 * The canonical client type. prisma/schema.prisma (SQLite) is the source of truth, so its client
 * is the one the app is typed against.
 */
export type Database = SqliteClient<never, typeof OMIT_BY_DEFAULT>;

/** How long a SQLite connection waits for another writer before failing with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens the SQLite file once to switch it to WAL (readers no longer block the writer, and the
 * setting is stored in the file, so every later connection uses it). The busy timeout, which is
 * per connection, is set by the adapter's `timeout` option (better-sqlite3's busy_timeout).
 */
function prepareSqliteFile(filePath: string): void {
  if (filePath === ":memory:") return;
  fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
  const connection = new Sqlite(filePath, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    connection.pragma("journal_mode = WAL");
  } finally {
    connection.close();
  }
}

/** A new client for the given target. Exported for tests; the app uses `db`. */
export function createDatabaseClient(target: DatabaseTarget): Database {
  if (target.provider === "sqlite") {
    prepareSqliteFile(target.filePath);
    return new SqliteClient({
      // One connection per process: statements outside a transaction wait while one is open.
      adapter: serializeTransactions(new PrismaBetterSqlite3({ url: target.filePath, timeout: SQLITE_BUSY_TIMEOUT_MS })),
      omit: OMIT_BY_DEFAULT,
    });
  }
  const schema = new URL(target.url).searchParams.get("schema") ?? undefined;
  const adapter = new PrismaPg({ connectionString: target.url }, schema ? { schema } : undefined);
  // The one cast: the PostgreSQL client is generated from the same model as the SQLite one
  // (scripts/sync-postgres-schema.ts only changes the provider and the output folder), so the two
  // classes have the same models and methods. TypeScript sees two unrelated generated classes, and
  // the provider-specific extras (e.g. `mode: "insensitive"`) are deliberately not part of our type.
  return new PostgresClient({ adapter, omit: OMIT_BY_DEFAULT }) as unknown as Database;
}

// One client per process. In development, Next.js re-evaluates modules on every change; keeping
// the client on globalThis stops each reload from opening another set of connections.
const globalForDb = globalThis as typeof globalThis & { backchannelDb?: Database };

export const db: Database = globalForDb.backchannelDb ?? createDatabaseClient(databaseTarget(process.env.DATABASE_URL));

if (process.env.NODE_ENV !== "production") globalForDb.backchannelDb = db;
