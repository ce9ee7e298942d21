// The one way tooling opens a database of its own (benchmarks, scripts, tests), without importing
// lib/db (whose import opens the database named by this process's DATABASE_URL). Built as lib/db
// builds the app's client (same adapters, SQLite transactions serialised, password hashes omitted
// by default), with every statement reported to `onQuery` for the tools that count or read them.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { DatabaseTarget } from "../lib/database-url";
import { PrismaClient as PostgresClient } from "../lib/generated/postgres/client";
import { PrismaClient as SqliteClient } from "../lib/generated/sqlite/client";
import { serializeTransactions } from "../lib/sqlite-serial-adapter";

const OMIT_BY_DEFAULT = { user: { passwordHash: true } } as const;
const LOG_QUERIES = [{ emit: "event", level: "query" }] as const;

export type ToolingClientOptions = {
  /** Called with each statement and its parameters (a JSON array), as Prisma's query event gives them. */
  onQuery?: (event: { query: string; params: string }) => void;
  /** SQLite: how long a connection waits for another writer (lib/db's SQLITE_BUSY_TIMEOUT_MS). */
  busyTimeoutMs?: number;
};

export function toolingClient(
  target: Extract<DatabaseTarget, { provider: "sqlite" }> | { provider: "sqlite"; filePath: string },
  options?: ToolingClientOptions,
): ReturnType<typeof sqliteClient>;
export function toolingClient(target: Extract<DatabaseTarget, { provider: "postgresql" }>, options?: ToolingClientOptions): ReturnType<typeof postgresClient>;
export function toolingClient(target: DatabaseTarget | { provider: "sqlite"; filePath: string }, options: ToolingClientOptions = {}) {
  return target.provider === "sqlite" ? sqliteClient(target.filePath, options) : postgresClient(target.url, options);
}

function sqliteClient(filePath: string, { onQuery, busyTimeoutMs = 5_000 }: ToolingClientOptions) {
  const client = new SqliteClient({
    adapter: serializeTransactions(new PrismaBetterSqlite3({ url: filePath, timeout: busyTimeoutMs })),
    omit: OMIT_BY_DEFAULT,
    log: [...LOG_QUERIES],
  });
  if (onQuery) client.$on("query", onQuery);
  return client;
}

function postgresClient(url: string, { onQuery }: ToolingClientOptions) {
  const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }), omit: OMIT_BY_DEFAULT, log: [...LOG_QUERIES] });
  if (onQuery) client.$on("query", onQuery);
  return client;
}
