// For tests that look at the SQL the app sends: a Prisma client on the test's SQLite file that
// records every statement with its parameters, standing in for lib/db's client (same schema, same
// adapter, only with query events on). Use it from a vi.mock("@/lib/db") factory.
import type * as DbModule from "@/lib/db";

export type LoggedStatement = { query: string; params: unknown[] };

export async function dbModuleWithStatementLog(actual: typeof DbModule, log: LoggedStatement[]) {
  const { toolingClient } = await import("@/tooling/database-client");
  const { databaseTarget } = await import("@/lib/database-url");
  const target = databaseTarget(process.env.DATABASE_URL);
  if (target.provider !== "sqlite") throw new Error("integration tests run on SQLite");
  const client = toolingClient(target, {
    busyTimeoutMs: actual.SQLITE_BUSY_TIMEOUT_MS,
    onQuery: (event) => log.push({ query: event.query, params: JSON.parse(event.params) as unknown[] }),
  });
  return { ...actual, db: client };
}
