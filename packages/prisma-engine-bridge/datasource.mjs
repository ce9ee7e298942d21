// @ts-check
// Which database a datasource URL names, as pure functions (no I/O). Unit-tested in datasource.test.ts.
import path from "node:path";

/**
 * @typedef {{ provider: "sqlite", filePath: string }
 *   | { provider: "postgresql", url: string, database: string, host: string, port: string, user: string, schema: string | undefined }} DatabaseLocation
 */

/** Thrown for URLs the bridge cannot use; carries the Prisma error code the native engine uses. */
export class DatasourceError extends Error {
  /** @override */
  name = "DatasourceError";
  /** @param {string} message @param {string} code */
  constructor(message, code = "P1013") {
    super(message);
    this.code = code;
  }
}

/**
 * @param {string} url
 * @param {string} cwd folder that relative SQLite paths start from (the CLI runs the engine in the config's folder)
 * @returns {DatabaseLocation}
 */
export function locateDatabase(url, cwd) {
  if (url.startsWith("file:")) return { provider: "sqlite", filePath: sqliteFilePath(url, cwd) };
  if (/^postgres(ql)?:\/\//.test(url)) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      throw new DatasourceError("The provided database string is invalid. The postgresql:// URL could not be parsed.");
    }
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
    return {
      provider: "postgresql",
      url,
      database: database || "postgres",
      host: parsed.hostname,
      port: parsed.port || "5432",
      user: decodeURIComponent(parsed.username),
      schema: parsed.searchParams.get("schema") ?? undefined,
    };
  }
  throw new DatasourceError("The provided database string is invalid. The bridge supports file: (SQLite) and postgresql:// URLs.");
}

/**
 * file:./dev.db, file:dev.db, file:/abs/dev.db and file:./dev.db?connection_limit=1 name a file;
 * file::memory: and :memory: name an in-memory database.
 * @param {string} url
 * @param {string} cwd
 */
export function sqliteFilePath(url, cwd) {
  let rest = url.slice("file:".length);
  const query = rest.indexOf("?");
  if (query >= 0) rest = rest.slice(0, query);
  if (rest.startsWith("//")) rest = rest.slice(2); // file:///abs/path -> /abs/path
  if (rest === ":memory:") return ":memory:";
  if (rest === "") throw new DatasourceError("The provided database string is invalid. A file: URL needs a path.");
  return path.resolve(cwd, decodeURIComponent(rest));
}

/**
 * The same PostgreSQL URL pointing at another database. (The pg driver lets a connectionString
 * win over a separate `database` option, so the URL itself must change.)
 * @param {string} url
 * @param {string} database
 */
export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/**
 * The provider named in a Prisma schema's datasource block, if any.
 * @param {string} schemaText
 * @returns {"sqlite" | "postgresql" | string | undefined}
 */
export function schemaProvider(schemaText) {
  const block = /datasource\s+\w+\s*\{([^}]*)\}/.exec(schemaText);
  if (!block) return undefined;
  const provider = /^\s*provider\s*=\s*"([^"]+)"/m.exec(block[1] ?? "");
  if (!provider) return undefined;
  return provider[1] === "postgres" ? "postgresql" : provider[1];
}

/**
 * The provider written into a migrations folder's migration_lock.toml, if any.
 * @param {string | null | undefined} lockfile
 */
export function lockfileProvider(lockfile) {
  const match = lockfile ? /^\s*provider\s*=\s*"([^"]+)"/m.exec(lockfile) : null;
  if (!match) return undefined;
  return match[1] === "postgres" ? "postgresql" : match[1];
}

/**
 * Quotes an SQL identifier (PostgreSQL and SQLite both use double quotes).
 * @param {string} name
 */
export function quoteIdentifier(name) {
  return `"${name.replaceAll('"', '""')}"`;
}
