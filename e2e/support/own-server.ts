// A production server of its own, on its own SQLite file and a free port, for specs that must know
// every write made to the database (the shared e2e server is written to by other specs at once).
// It is started the same way as the shared one (scripts/e2e-server.ts: migrate, seed, next start).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export type OwnServer = { baseURL: string; databaseFile: string; stop: () => Promise<void> };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The server did not answer ${url} within ${timeoutMs / 1000} s:\n${output()}`);
}

export async function startOwnServer(name: string): Promise<OwnServer> {
  const port = await freePort();
  const databaseFile = path.resolve("data", `${name}-${port}.db`);
  let output = "";
  // Its own process group, so that stopping it also stops `next start` under the tsx wrapper.
  const env: NodeJS.ProcessEnv = { ...process.env, E2E_PORT: String(port), DATABASE_URL: `file:${databaseFile}` };
  const child = spawn("node_modules/.bin/tsx", ["scripts/e2e-server.ts"], {
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => (output = (output + String(chunk)).slice(-20_000)));
  child.stderr?.on("data", (chunk) => (output = (output + String(chunk)).slice(-20_000)));
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once("exit", r));
      process.kill(-child.pid, "SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
    }
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${databaseFile}${suffix}`, { force: true });
  };
  try {
    await waitUntilUp(`http://localhost:${port}/api/health`, child, () => output, 180_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseURL: `http://localhost:${port}`, databaseFile, stop };
}
