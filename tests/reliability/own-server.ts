// A production server of the reliability tests' own, on its own SQLite file and port, so that
// killing it or holding its database's lock never disturbs the server the other tests share.
// Built on the shared server helpers (tooling/next-server.ts).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Sqlite from "better-sqlite3";
import * as server from "@/tooling/next-server";

const ROOT = path.resolve(import.meta.dirname, "../..");

export type OwnServer = server.RunningServer & { output: () => string };

/** The production build these tests run; they need `npm run build` first (npm test runs it). */
export function assertBuilt(): void {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("No production build in .next: run npm run build first (npm test does).");
}

export async function startOwnServer(dbFile: string, port: number, authSecret: string): Promise<OwnServer> {
  const running = server.startServer(
    port,
    { ...process.env, NODE_ENV: "production", AUTH_SECRET: authSecret, DATABASE_URL: `file:${dbFile}`, PORT: String(port) },
    null,
  );
  // The whole output (startServer keeps only the last lines): searched for database errors.
  let output = "";
  running.child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  running.child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  await server.waitUntilUp(running, 120_000);
  return { ...running, output: () => output };
}

/** Pids whose process group is `pgid` (startServer puts `next start` and its children in one). */
export function groupMembers(pgid: number): { pid: number; name: string }[] {
  const members: { pid: number; name: string }[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // A zombie has already released everything it held.
      if (Number(fields[2]) !== pgid || fields[0] === "Z") continue;
      members.push({ pid: Number(entry), name: fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ").trim() });
    } catch {
      // ended meanwhile
    }
  }
  return members;
}

/** SIGKILL to the whole process group, then waits until none of it is left. */
export async function killHard(running: OwnServer): Promise<void> {
  const exited = new Promise<void>((resolve) =>
    running.child.exitCode !== null || running.child.signalCode !== null ? resolve() : running.child.once("exit", () => resolve()),
  );
  process.kill(-running.pid, "SIGKILL");
  await exited;
  const deadline = Date.now() + 10_000;
  while (groupMembers(running.pid).length > 0) {
    if (Date.now() > deadline) throw new Error(`still running after SIGKILL: ${JSON.stringify(groupMembers(running.pid))}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const stopOwnServer = (running: OwnServer | null) => (running ? server.stopServer(running) : Promise.resolve());

/** Opens the file read-only for checks; the caller closes it. */
export function openReadOnly(dbFile: string): Sqlite.Database {
  return new Sqlite(dbFile, { readonly: true, fileMustExist: true });
}

/**
 * Another process takes SQLite's write lock (BEGIN IMMEDIATE), commits a row of its own into
 * Throttle, and holds the lock `holdMs` before it commits. `locked` settles once the lock is held;
 * `released` settles, when the other process has exited, with the Date.now() of its COMMIT.
 */
export function holdWriteLock(dbFile: string, holdMs: number, key: string): { locked: Promise<number>; released: Promise<number> } {
  const script = `
    const Sqlite = require("better-sqlite3");
    const [file, holdMs, key] = process.argv.slice(1);
    const db = new Sqlite(file, { timeout: 10000 });
    db.exec("BEGIN IMMEDIATE");
    db.prepare("INSERT INTO Throttle (key, failures, windowStart, updatedAt) VALUES (?, 0, ?, ?)").run(key, Date.now(), Date.now());
    process.stdout.write("locked\\n");
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(holdMs));
    const committedAt = Date.now();
    db.exec("COMMIT");
    db.close();
    process.stdout.write("released " + committedAt + "\\n");
  `;
  const child = spawn(process.execPath, ["-e", script, dbFile, String(holdMs), key], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  const locked = new Promise<number>((resolve, reject) => {
    child.stdout.on("data", () => {
      if (stdout.includes("locked")) resolve(Date.now());
    });
    child.once("exit", (code) => reject(new Error(`the lock holder exited (${code}) before taking the lock: ${stderr}`)));
  });
  const released = new Promise<number>((resolve, reject) => {
    child.once("exit", (code) => {
      const committedAt = Number(/released (\d+)/.exec(stdout)?.[1]);
      if (code === 0 && committedAt > 0) resolve(committedAt);
      else reject(new Error(`the lock holder failed (${code}): ${stderr}`));
    });
  });
  return { locked, released };
}

/** Runs an npm script in its own process (never blocking this one's event loop, which drives load). */
export function runScript(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}
