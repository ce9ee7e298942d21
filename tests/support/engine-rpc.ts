// Talks JSON-RPC to the schema-engine bridge directly, the way the Prisma CLI does, for tests that
// need a sequence of calls the CLI never makes (e.g. createMigration as the first call).
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import readline from "node:readline";
import { BRIDGE, cliEnv } from "../../tooling/prisma-cli";

type RpcResponse = { id: number; result?: unknown; error?: { code: number; message: string; data?: Record<string, unknown> } };

export type EngineSession = {
  call(method: string, params?: unknown): Promise<RpcResponse>;
  /** Contents of the engine's "print" requests (migrate diff output). */
  printed: string[];
  stderr(): string;
  close(): Promise<number | null>;
};

export function startEngine(options: { datamodels?: string[]; url?: string; cwd: string }): EngineSession {
  const args: string[] = [];
  for (const file of options.datamodels ?? []) args.push("--datamodels", file);
  if (options.url) args.push("--datasource", JSON.stringify({ url: options.url }));
  const child: ChildProcessWithoutNullStreams = spawn(BRIDGE, args, { cwd: options.cwd, env: cliEnv(), stdio: "pipe" });
  const waiting = new Map<number, (response: RpcResponse) => void>();
  const printed: string[] = [];
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  readline.createInterface({ input: child.stdout }).on("line", (line) => {
    const message = JSON.parse(line) as RpcResponse & { method?: string; params?: { content: string } };
    if (message.method === "print") {
      printed.push(message.params?.content ?? "");
      child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id: message.id, result: {} })}\n`);
      return;
    }
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });

  let nextId = 1;
  return {
    printed,
    stderr: () => stderr,
    call(method, params) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, resolve);
        void exited.then((code) => reject(new Error(`engine exited (${code}) before answering ${method}:\n${stderr}`)));
        child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`);
      });
    },
    async close() {
      child.stdin.end();
      return exited;
    },
  };
}

/** The `migrationsList` parameter, built from a migrations folder the way the CLI builds it. */
export function migrationsList(baseDir: string) {
  const lockPath = `${baseDir}/migration_lock.toml`;
  const directories = fs.existsSync(baseDir)
    ? fs
        .readdirSync(baseDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: directories.map((name) => ({
      path: name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: fs.readFileSync(`${baseDir}/${name}/migration.sql`, "utf8") } },
    })),
  };
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

export function schemaContainer(file: string) {
  return { files: [{ path: file, content: fs.readFileSync(file, "utf8") }] };
}
