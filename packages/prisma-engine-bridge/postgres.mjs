// @ts-check
// PostgreSQL for the wasm schema engine: the official pg driver adapter, plus the fixes for two
// defects of the adapter (numbers as in docs/decisions/0001):
//
//  5. adapter-pg maps result columns to Prisma types by type OID and rejects the internal
//     one-byte type "char" (OID 18), which the engine's schema describer reads from pg_catalog
//     (relkind, contype, ...). Our pg Client relabels such columns as text (OID 25): their text
//     form is the same one-character string.
//  6. adapter-pg's connectToShadowDb() creates a database and then opens a pool with
//     {...config, database}; with a connectionString the override is ignored, so the shadow
//     replay ran on the MAIN database. Its cleanup also drops the database before closing the
//     pool that is still connected to it, which fails and leaks prisma_migrate_shadow_db_*
//     databases. We create the shadow database ourselves, point a URL at it, and close the
//     pool before dropping it.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, DriverAdapterError } from "@prisma/driver-adapter-utils";
import { DatasourceError, locateDatabase, quoteIdentifier, withDatabase } from "./datasource.mjs";

/** @typedef {import("@prisma/driver-adapter-utils").SqlDriverAdapter} SqlDriverAdapter */
/** @typedef {import("@prisma/driver-adapter-utils").SqlMigrationAwareDriverAdapterFactory} SqlMigrationAwareDriverAdapterFactory */

/** Set SCHEMA_ENGINE_BRIDGE_TRACE=<file> to log every statement the engine sends (for debugging). */
const traceFile = process.env.SCHEMA_ENGINE_BRIDGE_TRACE;

const CHAR_OID = 18;
const TEXT_OID = 25;

/**
 * Relabels "char" columns as text in a pg result (or in each result of a multi-statement query).
 * @template T
 * @param {T} result
 * @returns {T}
 */
export function relabelCharColumns(result) {
  const results = Array.isArray(result) ? result : [result];
  for (const one of results) {
    const fields = one && typeof one === "object" ? /** @type {{ fields?: unknown }} */ (one).fields : undefined;
    if (!Array.isArray(fields)) continue;
    for (const field of fields) {
      if (field && typeof field === "object" && field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

/**
 * A pg Client whose query results never carry the "char" type (defect 5). pg.Pool#query uses the
 * callback form of Client#query, the adapter's transactions use the promise form; both are covered.
 */
export class CharAsTextClient extends pg.Client {
  /** @param {string | pg.ClientConfig} [config] */
  constructor(config) {
    super(config);
    /** @type {(...args: unknown[]) => unknown} */
    const query = (...args) => Reflect.apply(pg.Client.prototype.query, this, args);
    /** @type {(...args: unknown[]) => unknown} */
    const relabelling = (...args) => {
      const [first] = args;
      trace(first);
      // Submittables (cursors, streams) deliver rows themselves.
      if (isObject(first) && typeof first.submit === "function") return query(...args);
      const last = args.length - 1;
      const callback = args[last];
      if (typeof callback === "function") {
        args[last] = (/** @type {unknown} */ error, /** @type {unknown} */ result) => callback(error, error ? result : relabelCharColumns(result));
        return query(...args);
      }
      const pending = query(...args);
      return pending instanceof Promise ? pending.then(relabelCharColumns) : pending;
    };
    // The one cast of this file: Client#query has many overloads; the wrapper takes and returns
    // exactly what the original does, which TypeScript cannot see through the rest parameters.
    this.query = /** @type {pg.Client["query"]} */ (/** @type {unknown} */ (relabelling));
  }
}

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isObject(value) {
  return typeof value === "object" && value !== null;
}

/** @param {unknown} config */
function trace(config) {
  if (!traceFile) return;
  const text = typeof config === "string" ? config : isObject(config) ? String(config.text) : "";
  fs.appendFileSync(traceFile, `[${process.pid}] pg: ${text.replace(/\s+/g, " ").slice(0, 300)}\n`);
}

/** @param {string} connectionString */
export function createPool(connectionString) {
  return new pg.Pool({ connectionString, Client: CharAsTextClient, max: 4 });
}

/**
 * A driver adapter on its own pool; `afterDispose` runs once the pool is closed.
 * @param {string} url
 * @param {() => Promise<void>} [afterDispose]
 * @returns {Promise<SqlDriverAdapter>}
 */
async function connectAdapter(url, afterDispose) {
  const { schema } = locatePostgres(url);
  const adapter = await new PrismaPg(createPool(url), { disposeExternalPool: true, ...(schema ? { schema } : {}) }).connect();
  if (!afterDispose) return adapter;
  return new Proxy(adapter, {
    get(target, property) {
      if (property === "dispose") {
        return async () => {
          await target.dispose();
          await afterDispose();
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** @param {string} url */
function locatePostgres(url) {
  const location = locateDatabase(url, process.cwd());
  if (location.provider !== "postgresql") throw new DatasourceError("Expected a postgresql:// URL.");
  return location;
}

/**
 * The adapter factory handed to the wasm engine.
 * @param {{ url: string, shadowDatabaseUrl?: string | undefined }} datasource
 * @returns {SqlMigrationAwareDriverAdapterFactory}
 */
export function createPostgresFactory({ url, shadowDatabaseUrl }) {
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectAdapter(url),
    connectToShadowDb: () => (shadowDatabaseUrl ? connectConfiguredShadow(url, shadowDatabaseUrl) : createShadowDatabase(url)),
  };
}

/**
 * Defect 6: a throwaway database next to the main one, dropped when the engine disposes of it.
 * @param {string} url
 */
async function createShadowDatabase(url) {
  const name = `prisma_migrate_shadow_db_${randomUUID()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
  } catch (error) {
    await admin.end();
    throw error;
  }
  const drop = async () => {
    try {
      await dropDatabase(admin, name);
    } finally {
      await admin.end();
    }
  };
  try {
    return await connectAdapter(withDatabase(url, name), drop);
  } catch (error) {
    await drop();
    throw error;
  }
}

/**
 * Drops a database once nobody uses it. PostgreSQL 13+ can force out stray sessions; older
 * servers get the plain statement.
 * @param {pg.Client} admin
 * @param {string} name
 */
export async function dropDatabase(admin, name) {
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
  } catch (error) {
    if (/** @type {{ code?: string }} */ (error).code !== "42601") throw error; // syntax error: server < 13
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)}`);
  }
}

/**
 * A shadow database named in the config: like the native engine, empty it before use.
 * @param {string} url
 * @param {string} shadowUrl
 */
async function connectConfiguredShadow(url, shadowUrl) {
  const main = locatePostgres(url);
  const shadow = locatePostgres(shadowUrl);
  if (main.host === shadow.host && main.port === shadow.port && main.database === shadow.database) {
    throw new DatasourceError(
      "The shadow database you configured appears to be the same as the main database. Please specify another shadow database.",
      "P3005",
    );
  }
  const client = new pg.Client({ connectionString: shadowUrl });
  await client.connect();
  try {
    const schema = quoteIdentifier(shadow.schema ?? "public");
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await client.end();
  }
  return connectAdapter(shadowUrl);
}

/**
 * Defect 7: a diff between schema files needs no database, but the engine still sends one probe
 * when it starts (does the schema exist, which server version). This factory answers that probe
 * for a PostgreSQL 15 server and refuses everything else, so such diffs work with no server and
 * give the same output whether or not one is reachable.
 * @param {string | undefined} schema
 * @returns {SqlMigrationAwareDriverAdapterFactory}
 */
export function createOfflinePostgresFactory(schema) {
  const refuse = () => {
    throw new DriverAdapterError({ kind: "DatabaseNotReachable" });
  };
  /** @type {SqlDriverAdapter} */
  const adapter = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async queryRaw(query) {
      if (!isVersionProbe(query.sql)) refuse();
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, OFFLINE_SERVER_VERSION, OFFLINE_SERVER_VERSION_NUM]],
      };
    },
    executeRaw: async () => refuse(),
    executeScript: async () => refuse(),
    startTransaction: async () => refuse(),
    getConnectionInfo: () => ({ ...(schema ? { schemaName: schema } : {}), supportsRelationJoins: true }),
    dispose: async () => {},
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: async () => adapter,
    connectToShadowDb: async () => refuse(),
  };
}

export const OFFLINE_SERVER_VERSION = "PostgreSQL 15.0 (offline schema engine bridge: no server contacted)";
export const OFFLINE_SERVER_VERSION_NUM = 150000;

/** The engine's start-up query: SELECT EXISTS(... pg_namespace ...), version(), current_setting('server_version_num') ... */
export function isVersionProbe(/** @type {string} */ sql) {
  return /pg_namespace/.test(sql) && /version\(\)/.test(sql) && /server_version_num/.test(sql);
}

// ---- cli mode ------------------------------------------------------------------------------

/**
 * Maps a connection error to the Prisma error the native engine reports.
 * @param {unknown} error
 * @param {{ database: string, host: string, port: string, user: string }} where
 * @returns {{ code: string | undefined, message: string }}
 */
export function connectionErrorToPrisma(error, where) {
  const { code, message } = /** @type {{ code?: string, message?: string }} */ (error ?? {});
  const at = `${where.host}:${where.port}`;
  switch (code) {
    case "3D000":
      return { code: "P1003", message: `Database \`${where.database}\` does not exist on the database server at \`${at}\`.` };
    case "28P01":
      return {
        code: "P1000",
        message: `Authentication failed against database server, the provided database credentials for \`${where.user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${at}\`.`,
      };
    case "28000":
      return { code: "P1010", message: `User \`${where.user}\` was denied access on the database \`${where.database}\`` };
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
      return {
        code: "P1001",
        message: `Can't reach database server at \`${at}\`\n\nPlease make sure your database server is running at \`${at}\`.`,
      };
    case "ETIMEDOUT":
      return { code: "P1002", message: `The database server at \`${at}\` was reached but timed out.` };
    default:
      return { code: undefined, message: message ?? String(error) };
  }
}

/**
 * `cli can-connect-to-database`
 * @param {string} url
 * @returns {Promise<{ ok: true } | { ok: false, code: string | undefined, message: string }>}
 */
export async function canConnect(url) {
  const where = locatePostgres(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return { ok: true };
  } catch (error) {
    return { ok: false, ...connectionErrorToPrisma(error, where) };
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * `cli create-database`: connects to the server's maintenance database and creates ours.
 * @param {string} url
 */
export async function createDatabase(url) {
  const where = locatePostgres(url);
  let lastError;
  for (const maintenance of ["postgres", "template1"]) {
    const client = new pg.Client({ connectionString: withDatabase(url, maintenance), connectionTimeoutMillis: 10_000 });
    try {
      await client.connect();
    } catch (error) {
      lastError = error;
      await client.end().catch(() => {});
      continue;
    }
    try {
      await client.query(`CREATE DATABASE ${quoteIdentifier(where.database)}`);
      return;
    } catch (error) {
      if (/** @type {{ code?: string }} */ (error).code === "42P04") return; // created meanwhile
      throw Object.assign(new Error(connectionErrorToPrisma(error, where).message), { code: "P1000" });
    } finally {
      await client.end().catch(() => {});
    }
  }
  const mapped = connectionErrorToPrisma(lastError, where);
  throw Object.assign(new Error(mapped.message), { code: mapped.code });
}
