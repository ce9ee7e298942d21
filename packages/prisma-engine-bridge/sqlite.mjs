// @ts-check
// SQLite for the wasm schema engine: the official better-sqlite3 driver adapter, plus the
// fixes for three defects of the engine/adapter pair (numbers as in docs/decisions/0001):
//
//  1. Without a `_prisma_migrations` table, the engine's "read the migrations table" query fails
//     with P1014 instead of meaning "not initialised" (the native engine recognises SQLite's
//     "no such table" error; through an adapter it cannot). We answer that query with an empty
//     result and remember that the table was missing (see `migrationsTableMissing`).
//  2. When the shadow database replays a migration, the engine sends the whole multi-statement
//     script through queryRaw/executeRaw, i.e. one better-sqlite3 prepare(), which refuses more
//     than one statement (P3006 on the second `migrate dev`). We run such scripts with exec().
//  3. The engine's reset only deletes rows (and leaves sqlite_sequence), so re-applying migrations
//     fails. The native engine empties the database file; `resetDatabase()` does the same.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

const MIGRATIONS_TABLE = "_prisma_migrations";

/** @typedef {import("@prisma/driver-adapter-utils").SqlDriverAdapter} SqlDriverAdapter */
/** @typedef {import("@prisma/driver-adapter-utils").SqlQuery} SqlQuery */
/** @typedef {import("@prisma/driver-adapter-utils").SqlResultSet} SqlResultSet */
/** @typedef {import("@prisma/driver-adapter-utils").SqlMigrationAwareDriverAdapterFactory} SqlMigrationAwareDriverAdapterFactory */

/** Set SCHEMA_ENGINE_BRIDGE_TRACE=<file> to log every statement the engine sends (for debugging). */
const traceFile = process.env.SCHEMA_ENGINE_BRIDGE_TRACE;
function trace(/** @type {string} */ kind, /** @type {string} */ sql) {
  if (traceFile) fs.appendFileSync(traceFile, `[${process.pid}] ${kind}: ${sql.replace(/\s+/g, " ").slice(0, 300)}\n`);
}

/** better-sqlite3 refuses to prepare more than one statement with this RangeError. */
export function isMultipleStatementsError(/** @type {unknown} */ error) {
  return error instanceof RangeError && /more than one statement/i.test(error.message);
}

/**
 * Is this the adapter's "no such table: _prisma_migrations" error, for a query that reads it?
 * @param {unknown} error
 * @param {SqlQuery} query
 */
export function isMissingMigrationsTable(error, query) {
  if (!/\bfrom\s+["`]?_prisma_migrations["`]?/i.test(query.sql)) return false;
  const cause = typeof error === "object" && error !== null ? /** @type {{ cause?: unknown }} */ (error).cause : undefined;
  if (typeof cause !== "object" || cause === null) return false;
  const { kind, table, originalMessage } = /** @type {{ kind?: unknown, table?: unknown, originalMessage?: unknown }} */ (cause);
  if (kind === "TableDoesNotExist") return table === undefined || table === MIGRATIONS_TABLE;
  return typeof originalMessage === "string" && originalMessage.includes(`no such table: ${MIGRATIONS_TABLE}`);
}

/** @type {SqlResultSet} */
const EMPTY_RESULT = Object.freeze({ columnNames: [], columnTypes: [], rows: [] });

/**
 * Wraps one better-sqlite3 adapter. Every method the engine uses goes through here, so the
 * connection underneath can be closed and reopened (defect 3) without the engine
 * noticing.
 * @implements {SqlDriverAdapter}
 */
export class SqliteAdapterShim {
  /** @type {SqlDriverAdapter} */
  #inner;
  #open;
  #tracker;
  #onDispose;

  /**
   * @param {SqlDriverAdapter} inner
   * @param {{ open: () => Promise<SqlDriverAdapter>,
   *   tracker?: { migrationsTableMissing: boolean } | undefined,
   *   onDispose?: (() => void) | undefined }} options
   *   `open` reopens the same database; `tracker` is set when defect 1 was worked around
   */
  constructor(inner, { open, tracker, onDispose }) {
    this.#inner = inner;
    this.#open = open;
    this.#tracker = tracker;
    this.#onDispose = onDispose;
  }

  get provider() {
    return this.#inner.provider;
  }

  get adapterName() {
    return this.#inner.adapterName;
  }

  /** @param {SqlQuery} query */
  async queryRaw(query) {
    trace("queryRaw", query.sql);
    try {
      return await this.#inner.queryRaw(query);
    } catch (error) {
      if (isMultipleStatementsError(error) && query.args.length === 0) {
        await this.#inner.executeScript(query.sql); // defect 2
        return EMPTY_RESULT;
      }
      if (this.#tracker && isMissingMigrationsTable(error, query)) {
        this.#tracker.migrationsTableMissing = true; // defect 1
        return EMPTY_RESULT;
      }
      throw error;
    }
  }

  /** @param {SqlQuery} query */
  async executeRaw(query) {
    trace("executeRaw", query.sql);
    try {
      return await this.#inner.executeRaw(query);
    } catch (error) {
      if (isMultipleStatementsError(error) && query.args.length === 0) {
        await this.#inner.executeScript(query.sql); // defect 2
        return 0;
      }
      throw error;
    }
  }

  /** @param {string} script */
  executeScript(script) {
    trace("executeScript", script);
    return this.#inner.executeScript(script);
  }

  /** @param {import("@prisma/driver-adapter-utils").IsolationLevel} [isolationLevel] */
  startTransaction(isolationLevel) {
    trace("startTransaction", "");
    return this.#inner.startTransaction(isolationLevel);
  }

  getConnectionInfo() {
    return this.#inner.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }

  dispose() {
    trace("dispose", "");
    this.#onDispose?.();
    return this.#inner.dispose();
  }

  /** Closes the connection underneath; `resume()` must follow before the engine uses it again. */
  suspend() {
    return this.#inner.dispose();
  }

  /** Opens a fresh connection to the same database. */
  async resume() {
    this.#inner = await this.#open();
  }
}

/**
 * The adapter factory handed to the wasm engine.
 * @param {{ filePath: string, shadowFilePath?: string | undefined }} options
 *   absolute file paths (or ":memory:"); the shadow database defaults to ":memory:", like the adapter's own default
 */
export function createSqliteFactory({ filePath, shadowFilePath }) {
  const tracker = { migrationsTableMissing: false };
  /** @type {Set<SqliteAdapterShim>} */
  const mainConnections = new Set();
  const adapter = (/** @type {string} */ url) => new PrismaBetterSqlite3({ url });

  /** @type {SqlMigrationAwareDriverAdapterFactory & { tracker: typeof tracker, resetDatabase(): Promise<void> }} */
  const factory = {
    provider: "sqlite",
    adapterName: "@prisma/adapter-better-sqlite3",
    tracker,
    async connect() {
      const open = () => adapter(filePath).connect();
      const shim = new SqliteAdapterShim(await open(), { open, tracker, onDispose: () => mainConnections.delete(shim) });
      mainConnections.add(shim);
      return shim;
    },
    async connectToShadowDb() {
      const open = () => adapter(shadowFilePath ?? ":memory:").connect();
      return new SqliteAdapterShim(await open(), { open });
    },
    /**
     * Defect 3: what the native engine does for `migrate reset` on SQLite. Close our connections,
     * empty the file (and drop its journal/WAL files, whose frames belong to the old contents),
     * and reconnect.
     */
    async resetDatabase() {
      for (const shim of mainConnections) await shim.suspend();
      emptyDatabaseFile(filePath);
      for (const shim of mainConnections) await shim.resume();
    },
  };
  return factory;
}

/**
 * Our connections are closed at this point, so SQLite has already folded and deleted a WAL file
 * of ours; one that is left belongs to the old contents (another process still has the file open)
 * and must not be replayed into the emptied database.
 * @param {string} filePath
 */
function emptyDatabaseFile(filePath) {
  if (filePath === ":memory:") return;
  for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(filePath + suffix, { force: true });
  if (fs.existsSync(filePath)) fs.truncateSync(filePath, 0);
}

// ---- cli mode ------------------------------------------------------------------------------

/**
 * `cli can-connect-to-database`: the native engine reports P1003 for a missing file, which makes
 * the CLI run `create-database` and print "SQLite database ... created".
 * @param {string} filePath
 * @returns {{ ok: true } | { ok: false, code: string, message: string }}
 */
export function canConnect(filePath) {
  if (filePath === ":memory:") return { ok: true };
  if (!fs.existsSync(filePath)) {
    return {
      ok: false,
      code: "P1003",
      message: `Database \`${path.basename(filePath)}\` does not exist at \`${filePath}\`.`,
    };
  }
  try {
    const db = new Database(filePath, { fileMustExist: true });
    db.prepare("SELECT count(*) FROM sqlite_master").get();
    db.close();
    return { ok: true };
  } catch (error) {
    return { ok: false, code: "P1001", message: `Can't open the SQLite database at \`${filePath}\`: ${String(error)}` };
  }
}

/**
 * `cli create-database`: creates the folder and an empty database file.
 * @param {string} filePath
 */
export function createDatabase(filePath) {
  if (filePath === ":memory:") return;
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  new Database(filePath).close();
}
