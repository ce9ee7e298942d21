// The browser tests create accounts and delete data: they refuse to run against anything but a
// local database (a SQLite file, or PostgreSQL on this machine).
import { databaseTarget } from "../lib/database-url";

export function assertLocalDatabase(url: string | undefined): void {
  const target = databaseTarget(url);
  if (target.provider === "sqlite") return;
  const host = new URL(target.url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run end-to-end tests against a non-local database (${host}). Point DATABASE_URL at a local database.`);
  }
}
