// @ts-check
// One JSON-RPC method at a time, delegated to the wasm schema engine with the right driver
// adapter. Besides the adapter fixes (sqlite.mjs, postgres.mjs), three engine defects are handled
// here (numbers as in docs/decisions/0001):
//
//  1. (second half) diagnoseMigrationHistory reports `hasMigrationsTable: false` when the SQLite
//     shim had to stand in for a missing `_prisma_migrations` table.
//  3. `reset` on SQLite empties the database file instead of calling the engine's reset.
//  4. evaluateDataLoss/createMigration can only reach the shadow-database factory after
//     devDiagnostic ran in the same engine, so we run it first when it has not.
//  7. The engine connects to its database as soon as it is created, but a diff between schema
//     files (and, on SQLite, migrations) needs no live database: such a diff runs on an in-memory
//     SQLite database, or on PostgreSQL with an adapter that only answers the start-up probe.
import fs from "node:fs";
import { createSqliteFactory, createDatabase as createSqliteDatabase } from "./sqlite.mjs";
import { createOfflinePostgresFactory, createPostgresFactory, createDatabase as createPostgresDatabase } from "./postgres.mjs";
import { lockfileProvider, locateDatabase, schemaProvider } from "./datasource.mjs";
import { loadWasmModule } from "./wasm-engine.mjs";

/** @typedef {import("./protocol.mjs").Datasource} Datasource */
/** @typedef {import("@prisma/schema-engine-wasm").SchemaEngine} WasmEngine */
/** @typedef {import("@prisma/schema-engine-wasm").DiffParams} DiffParams */
/** @typedef {import("@prisma/schema-engine-wasm").MigrationList} MigrationList */
/** @typedef {import("@prisma/schema-engine-wasm").SchemaFilter} SchemaFilter */

/** Error for requests the bridge rejects before they reach the engine. */
export class BridgeError extends Error {
  /** @override */
  name = "BridgeError";
  /** @param {string} message @param {string | undefined} [code] */
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

/** Methods that exist in the JSON-RPC API and map one-to-one onto the wasm SchemaEngine. */
const PASS_THROUGH = new Set([
  "applyMigrations",
  "dbExecute",
  "devDiagnostic",
  "diagnoseMigrationHistory",
  "ensureConnectionValidity",
  "evaluateDataLoss",
  "createMigration",
  "introspect",
  "introspectSql",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "schemaPush",
  "diff",
  "reset",
]);

/**
 * @typedef {{ engine: WasmEngine, provider: "sqlite" | "postgresql", devDiagnosticRan: boolean,
 *   sqlite: ReturnType<typeof createSqliteFactory> | undefined,
 *   errors: import("@prisma/driver-adapter-utils").ErrorRegistry,
 *   disposeConnections: () => Promise<void> }} EngineSlot
 */

export class Bridge {
  /** @type {[string, string][]} */
  #datamodels;
  /** @type {Datasource | undefined} */
  #datasource;
  #cwd;
  #print;
  /** @type {Map<string, Promise<EngineSlot>>} one engine per "live"/"offline" and provider */
  #engines = new Map();
  #log;

  /**
   * @param {{ datamodelPaths: string[], datasource: Datasource | undefined, cwd: string,
   *   print: (content: string) => void, log: (line: string) => void }} options
   */
  constructor({ datamodelPaths, datasource, cwd, print, log }) {
    this.#datamodels = datamodelPaths.map((file) => [file, fs.readFileSync(file, "utf8")]);
    this.#datasource = datasource;
    this.#cwd = cwd;
    this.#print = print;
    this.#log = log;
  }

  /**
   * Runs one JSON-RPC method and returns its result.
   * @param {string} method
   * @param {any} params JSON from the CLI, passed on as is: the engine validates its own input
   * @returns {Promise<unknown>}
   */
  async handle(method, params) {
    try {
      return await this.#handle(method, params);
    } catch (error) {
      throw await this.#explain(error);
    }
  }

  /**
   * Errors thrown inside a driver adapter that are not DriverAdapterErrors (a file that cannot be
   * opened, a refused connection) reach us as "External error id#N"; the original is kept in the
   * adapter's error registry.
   * @param {unknown} error
   */
  async #explain(error) {
    for (const pending of this.#engines.values()) {
      const slot = await pending.catch(() => undefined);
      if (slot) error = originalError(error, slot.errors);
    }
    return error;
  }

  /**
   * @param {string} method
   * @param {any} params
   * @returns {Promise<unknown>}
   */
  async #handle(method, params) {
    switch (method) {
      case "getDatabaseVersion": {
        const slot = await this.#engine("live");
        return slot.engine.version(params ?? undefined);
      }
      case "createDatabase":
        return this.#createDatabase();
      case "debugPanic": {
        const slot = await this.#engine("live");
        slot.engine.debugPanic();
        return null;
      }
      default:
        if (!PASS_THROUGH.has(method)) throw new MethodNotFound(method);
    }

    if (method === "diff") return this.#diff(params);

    const slot = await this.#engine("live");
    switch (method) {
      case "reset":
        if (slot.sqlite) return slot.sqlite.resetDatabase(); // defect 3
        return slot.engine.reset(params);
      case "devDiagnostic": {
        const result = await slot.engine.devDiagnostic(params);
        slot.devDiagnosticRan = true;
        return result;
      }
      case "evaluateDataLoss":
      case "createMigration":
        await this.#ensureDevDiagnostic(slot, params); // defect 4
        return method === "evaluateDataLoss" ? slot.engine.evaluateDataLoss(params) : slot.engine.createMigration(params);
      case "diagnoseMigrationHistory": {
        if (slot.sqlite) slot.sqlite.tracker.migrationsTableMissing = false;
        const result = await slot.engine.diagnoseMigrationHistory(params);
        if (slot.sqlite?.tracker.migrationsTableMissing) result.hasMigrationsTable = false; // defect 1
        return result;
      }
      default: {
        /** @type {(params: unknown) => Promise<unknown>} */
        const call = Reflect.get(slot.engine, method).bind(slot.engine);
        return call(params);
      }
    }
  }

  /** Releases every connection (and with them, any shadow database). */
  async close() {
    const slots = await Promise.allSettled(this.#engines.values());
    this.#engines.clear();
    for (const slot of slots) {
      if (slot.status !== "fulfilled") continue;
      await slot.value.disposeConnections();
      slot.value.engine.free();
    }
  }

  /**
   * Defect 4: the engine only wires up the shadow database factory inside devDiagnostic.
   * @param {EngineSlot} slot
   * @param {{ migrationsList: MigrationList, filters: SchemaFilter }} params
   */
  async #ensureDevDiagnostic(slot, params) {
    if (slot.devDiagnosticRan) return;
    await slot.engine.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters });
    slot.devDiagnosticRan = true;
  }

  /**
   * `migrate diff`: the wasm engine returns the text instead of printing it; the native engine
   * asks the CLI to print it, then answers {exitCode}.
   * @param {DiffParams} params
   */
  async #diff(params) {
    const kind = needsLiveDatabase(params, this.#provider(params)) ? "live" : "offline";
    const slot = await this.#engine(kind, params);
    const { exitCode, stdout } = await slot.engine.diff(params);
    if (stdout !== null && stdout !== undefined && stdout !== "") this.#print(stdout.replace(/\n$/, ""));
    return { exitCode };
  }

  async #createDatabase() {
    const location = this.#location();
    if (location.provider === "sqlite") createSqliteDatabase(location.filePath);
    else await createPostgresDatabase(location.url);
    return { databaseName: location.provider === "sqlite" ? location.filePath : location.database };
  }

  #location() {
    if (!this.#datasource) throw new BridgeError("This command needs a datasource url in prisma.config.ts.");
    return locateDatabase(this.#datasource.url, this.#cwd);
  }

  /**
   * The provider to use. A diff follows the schema files and migrations it compares (so that
   * `migrate diff --to-schema prisma/postgres/schema.prisma` works with the default SQLite URL);
   * everything else follows the datasource URL, then the --datamodels.
   * @param {DiffParams} [diff]
   * @returns {"sqlite" | "postgresql"}
   */
  #provider(diff) {
    /** @type {(string | undefined)[]} */
    const hints = [];
    for (const target of diff ? [diff.from, diff.to] : []) {
      if (target.tag === "schemaDatamodel") hints.push(...target.files.map((file) => schemaProvider(file.content)));
      if (target.tag === "migrations") hints.push(lockfileProvider(target.lockfile.content));
    }
    if (this.#datasource) hints.push(this.#location().provider);
    hints.push(...this.#datamodels.map(([, text]) => schemaProvider(text)));
    const provider = hints.find((hint) => hint !== undefined);
    if (provider === undefined || provider === "sqlite") return "sqlite";
    if (provider === "postgresql") return "postgresql";
    throw new BridgeError(`The offline schema engine bridge supports sqlite and postgresql, not ${provider}.`, "P1012");
  }

  /**
   * One engine per kind of connection and provider, created on first use.
   * @param {"live" | "offline"} kind
   * @param {DiffParams} [diff]
   */
  #engine(kind, diff) {
    const provider = this.#provider(diff);
    const key = `${kind}:${provider}`;
    let slot = this.#engines.get(key);
    if (!slot) {
      slot = this.#createEngine(kind, provider);
      this.#engines.set(key, slot);
    }
    return slot;
  }

  /**
   * @param {"live" | "offline"} kind
   * @param {"sqlite" | "postgresql"} provider
   * @returns {Promise<EngineSlot>}
   */
  async #createEngine(kind, provider) {
    this.#checkSchemaProvider(provider);
    const main = kind === "live" ? this.#location() : undefined;
    if (main && main.provider !== provider) {
      throw new BridgeError(`This command compares ${provider} schemas but the datasource URL is for ${main.provider}.`, "P1012");
    }
    const wasm = await loadWasmModule();
    const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");

    let sqlite;
    /** @type {import("@prisma/driver-adapter-utils").SqlMigrationAwareDriverAdapterFactory} */
    let factory;
    if (provider === "sqlite") {
      const shadowUrl = this.#datasource?.shadowDatabaseUrl;
      const shadow = shadowUrl ? locateDatabase(shadowUrl, this.#cwd) : undefined;
      sqlite = createSqliteFactory({
        filePath: main?.provider === "sqlite" ? main.filePath : ":memory:", // offline: defect 7
        shadowFilePath: shadow?.provider === "sqlite" ? shadow.filePath : undefined,
      });
      factory = sqlite;
    } else if (kind === "offline") {
      const location = this.#datasource ? this.#location() : undefined;
      factory = createOfflinePostgresFactory(location?.provider === "postgresql" ? location.schema : undefined); // defect 7
    } else {
      if (main?.provider !== "postgresql") throw new BridgeError("This command needs a postgresql:// datasource URL.");
      factory = createPostgresFactory({ url: main.url, shadowDatabaseUrl: this.#datasource?.shadowDatabaseUrl });
    }

    const connections = trackConnections(factory);
    const bound = bindMigrationAwareSqlAdapterFactory(connections.factory);
    let engine;
    try {
      engine = await wasm.SchemaEngine.new(
        { datamodels: this.#datamodels.length > 0 ? this.#datamodels : undefined },
        (/** @type {string} */ line) => this.#log(line.trimEnd()),
        bound,
      );
    } catch (error) {
      await connections.disposeAll();
      throw originalError(error, bound.errorRegistry);
    }
    return {
      engine,
      provider,
      devDiagnosticRan: false,
      sqlite,
      errors: bound.errorRegistry,
      disposeConnections: connections.disposeAll,
    };
  }

  /**
   * A schema for one provider with a URL for the other fails in confusing ways inside the engine;
   * say it plainly instead (the native engine reports P1012 too).
   * @param {"sqlite" | "postgresql"} provider
   */
  #checkSchemaProvider(provider) {
    for (const [file, text] of this.#datamodels) {
      const declared = schemaProvider(text);
      if (declared !== undefined && declared !== provider) {
        throw new BridgeError(`${file}: the datasource provider is "${declared}", but the datasource URL is for ${provider}.`, "P1012");
      }
    }
  }
}

/**
 * @param {unknown} error
 * @param {import("@prisma/driver-adapter-utils").ErrorRegistry} registry
 */
function originalError(error, registry) {
  const match = error instanceof Error ? /External error id#(\d+)/.exec(error.message) : null;
  const original = match ? registry.consumeError(Number(match[1])) : undefined;
  return original ? original.error : error;
}

/**
 * Remembers every connection the engine opens, so that they can be closed (and shadow databases
 * dropped) when the CLI stops us, even if the engine never disposed of them.
 * @param {import("@prisma/driver-adapter-utils").SqlMigrationAwareDriverAdapterFactory} factory
 */
function trackConnections(factory) {
  /** @type {Set<import("@prisma/driver-adapter-utils").SqlDriverAdapter>} */
  const open = new Set();
  /** @param {Promise<import("@prisma/driver-adapter-utils").SqlDriverAdapter>} connecting */
  const track = async (connecting) => {
    const adapter = await connecting;
    /** @type {import("@prisma/driver-adapter-utils").SqlDriverAdapter} */
    const proxy = new Proxy(adapter, {
      get(target, property) {
        if (property === "dispose") {
          return () => {
            open.delete(proxy);
            return target.dispose();
          };
        }
        const value = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    open.add(proxy);
    return proxy;
  };
  return {
    /** @type {import("@prisma/driver-adapter-utils").SqlMigrationAwareDriverAdapterFactory} */
    factory: {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: () => track(factory.connect()),
      connectToShadowDb: () => track(factory.connectToShadowDb()),
    },
    async disposeAll() {
      for (const adapter of [...open]) await adapter.dispose().catch(() => {});
    },
  };
}

export class MethodNotFound extends Error {
  /** @override */
  name = "MethodNotFound";
  /** @param {string} method */
  constructor(method) {
    super(`Method not found: ${method}`);
  }
}

/**
 * Does this diff read a live database? `url`/`schemaDatasource` targets do, and so do
 * `migrations` targets on PostgreSQL (they are replayed on a shadow database on the server);
 * on SQLite the shadow database is in memory.
 * @param {DiffParams} params
 * @param {"sqlite" | "postgresql"} provider
 */
export function needsLiveDatabase(params, provider) {
  return [params.from, params.to].some(
    (target) => target.tag === "url" || target.tag === "schemaDatasource" || (target.tag === "migrations" && provider !== "sqlite"),
  );
}
