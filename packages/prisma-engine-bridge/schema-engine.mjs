#!/usr/bin/env node
// @ts-check
// A drop-in replacement for Prisma's native `schema-engine` executable, so that the Prisma CLI
// never downloads one (no machine here can reach Prisma's CDN). prisma.config.ts points
// PRISMA_SCHEMA_ENGINE_BINARY at this file. It speaks the native engine's command line and
// JSON-RPC protocol (protocol.mjs) and delegates the work to @prisma/schema-engine-wasm, the same
// engine compiled to WebAssembly, through the official driver adapters (sqlite.mjs, postgres.mjs).
// Why, and which engine defects it works around: docs/decisions/0001-offline-prisma-schema-engine-bridge.md.
import readline from "node:readline";
import {
  METHOD_NOT_FOUND,
  UsageError,
  errorMessage,
  logLine,
  parseArguments,
  parseIncomingLine,
  printRequest,
  resultMessage,
  toRpcError,
} from "./protocol.mjs";

/** Writes one line to stdout (the JSON-RPC channel). */
function send(/** @type {string} */ line) {
  process.stdout.write(`${line}\n`);
}

/** Writes one line to stderr (the log channel the CLI parses as JSON). */
function log(/** @type {string} */ line) {
  process.stderr.write(`${line}\n`);
}

async function main() {
  // If the CLI goes away first, writing to it fails with EPIPE: nobody is left to answer.
  process.stdout.on("error", () => process.exit(0));
  let args;
  try {
    args = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    log(`schema-engine bridge: ${error.message}`);
    return 2;
  }

  if (args.mode === "version") {
    const { engineVersion } = await import("./wasm-engine.mjs");
    send(`schema-engine-cli ${await engineVersion()}`);
    return 0;
  }
  if (args.mode === "cli") return runCliCommand(args.command, args.datasource);
  return runRpcServer(args);
}

/**
 * One-shot commands. The CLI ignores the first stderr line and JSON-parses the rest, so we log
 * a start line first and report errors as {"level":"ERROR","fields":{"error_code","message"}}.
 * @param {string} command
 * @param {import("./protocol.mjs").Datasource | undefined} datasource
 */
async function runCliCommand(command, datasource) {
  log(logLine("INFO", `Starting schema engine bridge (cli ${command})`));
  const fail = (/** @type {string | undefined} */ code, /** @type {string} */ message) => {
    log(logLine("ERROR", message, { errorCode: code }));
    return 1;
  };
  if (!datasource) return fail(undefined, "cli commands need --datasource");

  const { locateDatabase } = await import("./datasource.mjs");
  let location;
  try {
    location = locateDatabase(datasource.url, process.cwd());
  } catch (error) {
    return fail(/** @type {{ code?: string }} */ (error).code, String(/** @type {Error} */ (error).message));
  }

  try {
    switch (command) {
      case "can-connect-to-database": {
        const outcome =
          location.provider === "sqlite"
            ? (await import("./sqlite.mjs")).canConnect(location.filePath)
            : await (await import("./postgres.mjs")).canConnect(location.url);
        return outcome.ok ? 0 : fail(outcome.code, outcome.message);
      }
      case "create-database":
        if (location.provider === "sqlite") (await import("./sqlite.mjs")).createDatabase(location.filePath);
        else await (await import("./postgres.mjs")).createDatabase(location.url);
        return 0;
      default:
        return fail(undefined, `Unknown cli command: ${command}`);
    }
  } catch (error) {
    const code = /** @type {{ code?: unknown }} */ (error).code;
    return fail(typeof code === "string" && /^P\d{4}$/.test(code) ? code : undefined, String(/** @type {Error} */ (error).message ?? error));
  }
}

/**
 * The JSON-RPC server: requests are answered one at a time, in order.
 * @param {{ datamodels: string[], datasource: import("./protocol.mjs").Datasource | undefined }} args
 */
async function runRpcServer(args) {
  const { Bridge, MethodNotFound } = await import("./bridge.mjs");
  const { takePanicMessage } = await import("./wasm-engine.mjs");

  let printId = 0;
  const bridge = new Bridge({
    datamodelPaths: args.datamodels,
    datasource: args.datasource,
    cwd: process.cwd(),
    print: (content) => send(printRequest(++printId, content)),
    log,
  });

  // The CLI ends stdin and then kills us (SIGTERM) when it is done: release connections
  // (and shadow databases) either way.
  /** @type {Promise<void> | undefined} */
  let closing;
  const shutdown = () => {
    closing ??= bridge.close().catch(() => {});
    return closing;
  };
  process.once("SIGTERM", () => {
    void shutdown().finally(() => process.exit(0));
  });

  /** @param {number | string} id @param {string} method @param {unknown} params */
  const answer = async (id, method, params) => {
    try {
      send(resultMessage(id, await bridge.handle(method, params)));
    } catch (error) {
      if (error instanceof MethodNotFound) {
        send(errorMessage(id, { code: METHOD_NOT_FOUND, message: error.message }));
        return;
      }
      const rpcError = toRpcError(error, { panicMessage: takePanicMessage() });
      send(errorMessage(id, rpcError));
      if (rpcError.data.is_panic) {
        // A Rust panic leaves the wasm instance unusable (any further call throws
        // "recursive use of an object"): exit with the code the native engine uses for panics.
        await shutdown();
        process.exit(101);
      }
      log(logLine("ERROR", rpcError.data.message, { errorCode: rpcError.data.error_code }));
    }
  };

  let queue = Promise.resolve();
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    const message = parseIncomingLine(line);
    if (message.kind === "request") {
      queue = queue.then(() => answer(message.id, message.method, message.params));
    } else if (message.kind === "invalid") {
      send(errorMessage(message.id, { code: message.code, message: message.message }));
    }
    // "response": the CLI acknowledging a print request; nothing to do.
  });
  await new Promise((resolve) => lines.once("close", resolve));
  await queue;
  await shutdown();
  return 0;
}

// Exit explicitly: idle database pools would otherwise keep the process alive.
main().then(
  (code) => process.exit(code),
  (error) => {
    log(logLine("ERROR", error instanceof Error ? (error.stack ?? error.message) : String(error)));
    process.exit(1);
  },
);
