import { describe, expect, it } from "vitest";
import {
  ENGINE_ERROR_CODE,
  INVALID_REQUEST,
  PARSE_ERROR,
  UsageError,
  errorMessage,
  logLine,
  parseArguments,
  parseDatasource,
  parseIncomingLine,
  printRequest,
  resultMessage,
  toRpcError,
} from "./protocol.mjs";

describe("parseArguments", () => {
  it("recognises --version", () => {
    expect(parseArguments(["--version"])).toEqual({ mode: "version" });
  });

  it("parses the RPC command line the CLI builds", () => {
    const args = parseArguments([
      "--datamodels",
      "/repo/prisma/schema.prisma",
      "--datamodels",
      "/repo/prisma/more.prisma",
      "--datasource",
      JSON.stringify({ url: "file:./dev.db", shadowDatabaseUrl: "file:./shadow.db" }),
      "--enabled-preview-features",
      "strictUndefinedChecks, views",
      "--extension-types",
      '{"types":[]}',
    ]);
    expect(args).toEqual({
      mode: "rpc",
      datamodels: ["/repo/prisma/schema.prisma", "/repo/prisma/more.prisma"],
      datasource: { url: "file:./dev.db", shadowDatabaseUrl: "file:./shadow.db" },
      previewFeatures: ["strictUndefinedChecks", "views"],
      extensionTypes: { types: [] },
    });
  });

  it("runs RPC mode without datamodels or datasource (migrate diff, db execute)", () => {
    expect(parseArguments([])).toMatchObject({ mode: "rpc", datamodels: [], datasource: undefined });
  });

  it("parses cli mode", () => {
    const url = "postgresql://u:p@localhost:5432/app";
    expect(parseArguments(["--datasource", JSON.stringify({ url }), "cli", "can-connect-to-database"])).toEqual({
      mode: "cli",
      command: "can-connect-to-database",
      datasource: { url },
    });
  });

  it("accepts --flag=value", () => {
    expect(parseArguments(['--datasource={"url":"file:x.db"}'])).toMatchObject({ datasource: { url: "file:x.db" } });
  });

  it("rejects what it does not understand", () => {
    expect(() => parseArguments(["--bogus"])).toThrow(UsageError);
    expect(() => parseArguments(["--datamodels"])).toThrow(/needs a value/);
    expect(() => parseArguments(["cli"])).toThrow(/needs a command/);
    expect(() => parseArguments(["--datasource", "{not json"])).toThrow(/not valid JSON/);
  });
});

describe("parseDatasource", () => {
  it("needs a url and ignores empty shadow URLs", () => {
    expect(parseDatasource('{"url":"file:a.db","shadowDatabaseUrl":""}')).toEqual({ url: "file:a.db" });
    expect(() => parseDatasource("{}")).toThrow(/needs a url/);
    expect(() => parseDatasource("[]")).toThrow(/JSON object/);
  });
});

describe("parseIncomingLine", () => {
  it("classifies requests, responses to our print requests, and garbage", () => {
    expect(parseIncomingLine('{"jsonrpc":"2.0","id":3,"method":"devDiagnostic","params":{"a":1}}')).toEqual({
      kind: "request",
      id: 3,
      method: "devDiagnostic",
      params: { a: 1 },
    });
    expect(parseIncomingLine('{"jsonrpc":"2.0","id":1,"method":"reset"}')).toMatchObject({ kind: "request", params: null });
    expect(parseIncomingLine('{"id":1,"jsonrpc":"2.0","result":{}}')).toEqual({ kind: "response", id: 1 });
    expect(parseIncomingLine("   ")).toEqual({ kind: "empty" });
    expect(parseIncomingLine("{oops")).toMatchObject({ kind: "invalid", code: PARSE_ERROR, id: null });
    expect(parseIncomingLine('{"method":"x"}')).toMatchObject({ kind: "invalid", code: INVALID_REQUEST });
  });
});

describe("messages", () => {
  it("never sends an undefined result (the CLI would reject the response)", () => {
    expect(JSON.parse(resultMessage(7, undefined))).toEqual({ jsonrpc: "2.0", id: 7, result: null });
    expect(JSON.parse(resultMessage(8, { exitCode: 0 }))).toEqual({ jsonrpc: "2.0", id: 8, result: { exitCode: 0 } });
  });

  it("builds print requests and errors", () => {
    expect(JSON.parse(printRequest(1, "-- SQL"))).toEqual({ jsonrpc: "2.0", id: 1, method: "print", params: { content: "-- SQL" } });
    expect(JSON.parse(errorMessage(null, { code: PARSE_ERROR, message: "Parse error" }))).toEqual({
      jsonrpc: "2.0",
      id: null,
      error: { code: PARSE_ERROR, message: "Parse error" },
    });
  });

  it("writes log lines the CLI's cli-mode parser understands", () => {
    const line = JSON.parse(logLine("ERROR", "Database `x` does not exist", { errorCode: "P1003" }));
    expect(line).toMatchObject({
      level: "ERROR",
      target: "schema_engine::logger",
      fields: { message: "Database `x` does not exist", error_code: "P1003" },
    });
    expect(JSON.parse(logLine("INFO", "hello")).fields).toEqual({ message: "hello" });
  });
});

describe("toRpcError", () => {
  it("keeps the Prisma error code and meta of engine errors", () => {
    const error = Object.assign(new Error("Migration `x` failed"), { name: "SchemaConnectorError", code: "P3006", meta: { migration_name: "x" } });
    expect(toRpcError(error)).toEqual({
      code: ENGINE_ERROR_CODE,
      message: "An error happened. Check the data field for details.",
      data: { is_panic: false, message: "Migration `x` failed", error_code: "P3006", meta: { migration_name: "x" } },
    });
  });

  it("leaves out codes that are not Prisma error codes", () => {
    const error = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    expect(toRpcError(error).data).toEqual({ is_panic: false, message: "connect ECONNREFUSED" });
  });

  it("describes non-Error values", () => {
    expect(toRpcError("plain text").data.message).toBe("plain text");
    expect(toRpcError({ kind: "weird" }).data.message).toBe('{"kind":"weird"}');
  });

  it("reports wasm panics as panics, with the panic hook's message", () => {
    const trap = new WebAssembly.RuntimeError("unreachable");
    const rpc = toRpcError(trap, { panicMessage: "panicked at engine.rs:1: boom" });
    expect(rpc.data.is_panic).toBe(true);
    expect(rpc.data.message).toBe("panicked at engine.rs:1: boom");
    expect(toRpcError(trap).data).toMatchObject({ is_panic: true, message: "unreachable" });
  });
});
