// @ts-check
// Loads @prisma/schema-engine-wasm (Prisma's own WebAssembly build of the schema engine).
//
// The package's entry point does `import * as wasm from "./schema_engine_bg.wasm"`, which Node 20
// only supports behind --experimental-wasm-modules. So we instantiate the module ourselves with the
// package's JavaScript glue (schema_engine_bg.js) as its import object, exactly what the entry
// point would have done.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);

/**
 * Rust panics inside the engine call PRISMA_WASM_PANIC_REGISTRY.set_message(text) before trapping.
 * Without this global the message is lost (and the glue itself throws while reporting it).
 */
const panics = { lastMessage: /** @type {string | undefined} */ (undefined) };

/** The most recent panic message, cleared on read. */
export function takePanicMessage() {
  const message = panics.lastMessage;
  panics.lastMessage = undefined;
  return message;
}

/** @typedef {typeof import("@prisma/schema-engine-wasm")} WasmModule */

/** @type {Promise<WasmModule> | undefined} */
let loading;

/** Instantiates the wasm module once per process. */
export function loadWasmModule() {
  loading ??= instantiate();
  return loading;
}

async function instantiate() {
  Object.defineProperty(globalThis, "PRISMA_WASM_PANIC_REGISTRY", {
    value: { set_message: (/** @type {string} */ message) => void (panics.lastMessage = message) },
    configurable: true,
  });
  const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  /** @type {WasmModule & { __wbg_set_wasm(exports: WebAssembly.Exports): void }} */
  const glue = await import(pathToFileURL(path.join(packageDir, "schema_engine_bg.js")).href);
  const bytes = await readFile(path.join(packageDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, {
    "./schema_engine_bg.js": /** @type {WebAssembly.ModuleImports} */ (/** @type {unknown} */ (glue)),
  });
  glue.__wbg_set_wasm(instance.exports);
  /** @type {() => void} */ (instance.exports.__wbindgen_start)();
  return glue;
}

/** The engine's git hash, as `schema-engine-cli --version` reports it. */
export async function engineVersion() {
  const wasm = await loadWasmModule();
  return wasm.version();
}
