// @ts-check
// The wire protocol between the Prisma CLI and a schema engine, as pure functions (no I/O).
//
// The CLI starts the engine in one of three ways:
//   <bin> --version                                   -> prints "schema-engine-cli <hash>"
//   <bin> --datasource <json> cli <command>           -> one-shot command, exit code 0 = success
//   <bin> [--datamodels <file>]... [--datasource <json>]
//         [--enabled-preview-features a,b] [--extension-types <json>]
//                                                    -> JSON-RPC 2.0, one object per line on stdin/stdout
// Everything here is unit-tested in protocol.test.ts.

/** Error code the engine uses for every "user facing" JSON-RPC error (the details live in `data`). */
export const ENGINE_ERROR_CODE = 4466;
/** Standard JSON-RPC codes. */
export const PARSE_ERROR = -32700;
export const INVALID_REQUEST = -32600;
export const METHOD_NOT_FOUND = -32601;

/** Thrown for command lines the bridge does not understand. */
export class UsageError extends Error {
  /** @override */
  name = "UsageError";
}

/**
 * Parses the engine's command line.
 * @param {readonly string[]} argv arguments after the executable (process.argv.slice(2))
 * @returns {{ mode: "version" }
 *   | { mode: "cli", command: string, datasource: Datasource | undefined }
 *   | { mode: "rpc", datamodels: string[], datasource: Datasource | undefined,
 *       previewFeatures: string[], extensionTypes: unknown }}
 */
export function parseArguments(argv) {
  /** @type {string[]} */
  const datamodels = [];
  /** @type {Datasource | undefined} */
  let datasource;
  /** @type {string[]} */
  let previewFeatures = [];
  /** @type {unknown} */
  let extensionTypes;
  /** @type {string | undefined} */
  let cliCommand;

  /** @param {number} index @param {string} flag */
  const valueAt = (index, flag) => {
    const value = argv[index];
    if (value === undefined) throw new UsageError(`${flag} needs a value`);
    return value;
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = /** @type {string} */ (argv[i]);
    // Accept both "--flag value" and "--flag=value".
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const take = () => inline ?? valueAt(++i, flag);

    switch (flag) {
      case "--version":
      case "-V":
        return { mode: "version" };
      case "--datamodels":
        datamodels.push(take());
        break;
      case "--datasource":
        datasource = parseDatasource(take());
        break;
      case "--enabled-preview-features":
        previewFeatures = take()
          .split(",")
          .map((feature) => feature.trim())
          .filter((feature) => feature !== "");
        break;
      case "--extension-types":
        extensionTypes = parseJson(take(), "--extension-types");
        break;
      case "cli": {
        cliCommand = argv[i + 1];
        if (cliCommand === undefined) throw new UsageError("cli needs a command, for example can-connect-to-database");
        if (argv.length > i + 2) throw new UsageError(`unexpected arguments after cli ${cliCommand}`);
        i = argv.length;
        break;
      }
      default:
        throw new UsageError(`unknown argument ${arg}`);
    }
  }

  if (cliCommand !== undefined) return { mode: "cli", command: cliCommand, datasource };
  return { mode: "rpc", datamodels, datasource, previewFeatures, extensionTypes };
}

/**
 * @typedef {{ url: string, shadowDatabaseUrl?: string }} Datasource
 */

/**
 * The CLI passes its config's datasource as JSON: {"url": "...", "shadowDatabaseUrl": "..."}.
 * @param {string} text
 * @returns {Datasource}
 */
export function parseDatasource(text) {
  const value = parseJson(text, "--datasource");
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new UsageError("--datasource must be a JSON object");
  }
  const record = /** @type {Record<string, unknown>} */ (value);
  if (typeof record.url !== "string" || record.url === "") throw new UsageError("--datasource needs a url");
  /** @type {Datasource} */
  const datasource = { url: record.url };
  if (typeof record.shadowDatabaseUrl === "string" && record.shadowDatabaseUrl !== "") {
    datasource.shadowDatabaseUrl = record.shadowDatabaseUrl;
  }
  return datasource;
}

/** @param {string} text @param {string} what */
function parseJson(text, what) {
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${what} is not valid JSON`);
  }
}

/**
 * @typedef {{ kind: "request", id: number | string, method: string, params: unknown }
 *   | { kind: "response", id: number | string }
 *   | { kind: "invalid", id: number | string | null, code: number, message: string }
 *   | { kind: "empty" }} IncomingMessage
 */

/**
 * Classifies one line read from stdin: a request from the CLI, the CLI's answer to one of
 * our own requests (the answer to a "print"), or garbage.
 * @param {string} line
 * @returns {IncomingMessage}
 */
export function parseIncomingLine(line) {
  if (line.trim() === "") return { kind: "empty" };
  let value;
  try {
    value = JSON.parse(line);
  } catch {
    return { kind: "invalid", id: null, code: PARSE_ERROR, message: "Parse error" };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { kind: "invalid", id: null, code: INVALID_REQUEST, message: "Invalid request" };
  }
  const id = typeof value.id === "number" || typeof value.id === "string" ? value.id : null;
  if (typeof value.method === "string" && id !== null) {
    return { kind: "request", id, method: value.method, params: value.params ?? null };
  }
  if (id !== null && ("result" in value || "error" in value)) return { kind: "response", id };
  return { kind: "invalid", id, code: INVALID_REQUEST, message: "Invalid request" };
}

/**
 * A successful answer. The CLI treats a missing `result` as a protocol error, and
 * JSON.stringify drops undefined values, so undefined becomes null.
 * @param {number | string} id
 * @param {unknown} result
 */
export function resultMessage(id, result) {
  return JSON.stringify({ jsonrpc: "2.0", id, result: result === undefined ? null : result });
}

/**
 * @param {number | string | null} id
 * @param {{ code: number, message: string, data?: unknown }} error
 */
export function errorMessage(id, error) {
  return JSON.stringify({ jsonrpc: "2.0", id, error });
}

/**
 * The engine asks the CLI to print something on its stdout (used by `migrate diff`).
 * @param {number} id
 * @param {string} content
 */
export function printRequest(id, content) {
  return JSON.stringify({ jsonrpc: "2.0", id, method: "print", params: { content } });
}

/**
 * @typedef {{ code: number, message: string,
 *   data: { is_panic: boolean, message: string, error_code?: string, meta?: unknown, backtrace?: string } }} RpcError
 */

/**
 * Maps anything the wasm engine, a driver adapter or the bridge throws to the JSON-RPC error
 * the native engine would send. The CLI shows `data.message`, prefixed with `data.error_code`
 * when there is one, and reports `is_panic` errors as crashes.
 * @param {unknown} error
 * @param {{ panicMessage?: string | undefined }} [context] message recorded by the wasm panic hook
 * @returns {RpcError}
 */
export function toRpcError(error, context = {}) {
  const message = "An error happened. Check the data field for details.";
  if (context.panicMessage !== undefined || isWasmTrap(error)) {
    const panic = context.panicMessage ?? describe(error);
    return {
      code: ENGINE_ERROR_CODE,
      message,
      data: { is_panic: true, message: panic, backtrace: error instanceof Error ? (error.stack ?? "") : "" },
    };
  }
  const details = describe(error);
  /** @type {RpcError["data"]} */
  const data = { is_panic: false, message: details };
  const code = errorCodeOf(error);
  if (code !== undefined) data.error_code = code;
  const meta = metaOf(error);
  if (meta !== undefined) data.meta = meta;
  return { code: ENGINE_ERROR_CODE, message, data };
}

/** A Rust panic inside WebAssembly surfaces as a RuntimeError ("unreachable"). */
function isWasmTrap(/** @type {unknown} */ error) {
  return error instanceof WebAssembly.RuntimeError;
}

/** @param {unknown} error */
function describe(error) {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === "string") return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/** Prisma error codes look like P1001, P3006, ... @param {unknown} error */
function errorCodeOf(error) {
  if (typeof error !== "object" || error === null) return undefined;
  const code = /** @type {{ code?: unknown, errorCode?: unknown }} */ (error).code ?? /** @type {{ errorCode?: unknown }} */ (error).errorCode;
  return typeof code === "string" && /^P\d{4}$/.test(code) ? code : undefined;
}

/** @param {unknown} error */
function metaOf(error) {
  if (typeof error !== "object" || error === null) return undefined;
  const meta = /** @type {{ meta?: unknown }} */ (error).meta;
  return meta === undefined || meta === null ? undefined : meta;
}

/**
 * A log line in the format the native engine writes to stderr (tracing JSON). In cli mode the
 * CLI skips the first stderr line and JSON-parses every other one, looking for an ERROR from
 * "schema_engine::logger" with fields.error_code and fields.message.
 * @param {"INFO" | "WARN" | "ERROR"} level
 * @param {string} text
 * @param {{ errorCode?: string | undefined }} [extra]
 */
export function logLine(level, text, extra = {}) {
  /** @type {Record<string, string>} */
  const fields = { message: text };
  if (extra.errorCode !== undefined) fields.error_code = extra.errorCode;
  return JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target: "schema_engine::logger" });
}
