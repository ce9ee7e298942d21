// Decides which database a DATABASE_URL names. Shared by the app (lib/db.ts), the Prisma CLI
// (prisma.config.ts) and the scripts, so that all of them agree on one rule.

export const DEFAULT_SQLITE_URL = "file:./data/backchannel.db";

export type DatabaseTarget = { provider: "sqlite"; url: string; filePath: string } | { provider: "postgresql"; url: string };

export class DatabaseUrlError extends Error {
  override name = "DatabaseUrlError";
}

/** Parses DATABASE_URL; an unset or empty value means the embedded SQLite default. */
export function databaseTarget(raw: string | undefined): DatabaseTarget {
  const url = raw?.trim() || DEFAULT_SQLITE_URL;
  if (url.startsWith("file:")) {
    const filePath = url.slice("file:".length).split("?")[0] ?? "";
    if (filePath === "") throw new DatabaseUrlError("DATABASE_URL: a file: URL needs a path, for example file:./data/backchannel.db");
    return { provider: "sqlite", url, filePath };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new DatabaseUrlError("DATABASE_URL: not a valid postgresql:// URL");
    }
    if (parsed.hostname === "") throw new DatabaseUrlError("DATABASE_URL: the postgresql:// URL has no host");
    if (parsed.pathname.length <= 1) throw new DatabaseUrlError("DATABASE_URL: the postgresql:// URL names no database");
    return { provider: "postgresql", url };
  }
  throw new DatabaseUrlError("DATABASE_URL: expected file:<path> (SQLite) or postgresql://user:password@host:port/database (PostgreSQL)");
}
