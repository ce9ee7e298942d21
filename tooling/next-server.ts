// The production server, for every tool that starts one (benchmarks, scripts, reliability and
// browser tests): whether the build in .next can be reused, `next start` on a port in its own
// process group (optionally pinned to one core), waiting for it and stopping it, and its memory
// and CPU read from /proc.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ASCII_MARKER_FILE } from "./ascii-html";
import { BENCH_PAGE_TEXT } from "../app/bench/enabled";

const ROOT = path.resolve(import.meta.dirname, "..");

/** What a build depends on. Tests beside the code are left out: they are not part of the build. */
const BUILD_INPUTS = [
  "scripts/ascii-prerendered-pages.ts",
  "tooling/ascii-html.ts",
  "app",
  "components",
  "lib",
  "content",
  "public",
  "auth.ts",
  "auth.config.ts",
  "proxy.ts",
  "next.config.mjs",
  "next.config.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];

function newestInput(entry: string): { file: string; mtimeMs: number } | null {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return null;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return /\.(test|spec)\.tsx?$/.test(entry) ? null : { file: entry, mtimeMs: stat.mtimeMs };
  let newest: { file: string; mtimeMs: number } | null = null;
  for (const child of fs.readdirSync(full)) {
    const found = newestInput(path.join(entry, child));
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest;
}

export type BuildCheck = { reuse: boolean; reason: string; buildId: string | null };

/** Reuse .next when its BUILD_ID is newer than every build input and it was built with the bench routes. */
export function checkBuild(): BuildCheck {
  const buildIdFile = path.join(ROOT, ".next", "BUILD_ID");
  if (!fs.existsSync(buildIdFile)) return { reuse: false, reason: "no .next/BUILD_ID", buildId: null };
  const buildId = fs.readFileSync(buildIdFile, "utf8").trim();
  const builtAt = fs.statSync(buildIdFile).mtimeMs;
  // The bench routes exist only in a build made with BENCH_ROUTES=1 (app/bench/enabled.ts): its
  // prerendered /bench/static is the yardstick page, not the 404.
  const benchPage = path.join(ROOT, ".next", "server", "app", "bench", "static.html");
  if (!fs.existsSync(benchPage) || !fs.readFileSync(benchPage, "utf8").includes(BENCH_PAGE_TEXT)) {
    return { reuse: false, reason: "the build was made without BENCH_ROUTES=1 (no /bench/static, /api/bench/floor)", buildId };
  }
  // A bare `next build` leaves the prerendered pages as two-byte strings, which serve slower.
  const marker = path.join(ROOT, ".next", ASCII_MARKER_FILE);
  if (!fs.existsSync(marker) || (JSON.parse(fs.readFileSync(marker, "utf8")) as { buildId?: unknown }).buildId !== buildId) {
    return { reuse: false, reason: "the build's prerendered pages were not made ASCII (a bare `next build`, not `npm run build`)", buildId };
  }
  let newest: { file: string; mtimeMs: number } | null = null;
  for (const entry of BUILD_INPUTS) {
    const found = newestInput(entry);
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  if (newest && newest.mtimeMs > builtAt) return { reuse: false, reason: `${newest.file} is newer than .next/BUILD_ID`, buildId };
  return { reuse: true, reason: `.next/BUILD_ID (${buildId}) is newer than the sources`, buildId };
}

/** Other processes that serve from or write to .next (a build now would pull it from under them). */
export function otherNextProcesses(): string[] {
  const result = spawnSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" });
  return (result.stdout ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => /next (build|start|dev)|next-server|playwright/.test(line))
    .filter((line) => !line.startsWith(`${process.pid} `));
}

/** Waits up to `seconds` for other Next.js/Playwright processes to end; returns those still running. */
export async function waitForQuiet(seconds: number, why: string): Promise<string[]> {
  const deadline = Date.now() + seconds * 1000;
  let others = otherNextProcesses();
  let said = false;
  while (others.length > 0 && Date.now() < deadline) {
    if (!said)
      console.log(
        `Waiting up to ${seconds} s for other Next.js/Playwright processes to finish (${why}):\n  ${others.map((line) => line.slice(0, 120)).join("\n  ")}`,
      );
    said = true;
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    others = otherNextProcesses();
  }
  return others;
}

export async function build(waitSeconds: number): Promise<void> {
  const others = await waitForQuiet(waitSeconds, "a build now would replace .next under them");
  if (others.length > 0) {
    throw new Error(
      "a build is needed, but other processes still use .next (see above). Run again when they are done, or pass --build never to use the build as it is.",
    );
  }
  console.log("Building (BENCH_ROUTES=1 npm run build)…");
  const result = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, BENCH_ROUTES: "1" } });
  if (result.status !== 0) throw new Error(`npm run build failed with exit code ${result.status}`);
}

export function hasTaskset(): boolean {
  return spawnSync("taskset", ["-V"], { encoding: "utf8" }).status === 0;
}

/** Pins every thread of this process (the load generator) to one core. */
export function pinSelf(core: number): boolean {
  return setSelfAffinity(String(core));
}

/** This process's CPU affinity as a taskset list ("0,1", "1"), or null without taskset. */
export function selfAffinity(): string | null {
  const result = spawnSync("taskset", ["-c", "-p", String(process.pid)], { encoding: "utf8" });
  return result.status === 0 ? (/:\s*(\S+)\s*$/.exec(result.stdout)?.[1] ?? null) : null;
}

/** Sets the affinity of every thread of this process to a taskset list ("0-1" lets it float). */
export function setSelfAffinity(list: string): boolean {
  return spawnSync("taskset", ["-a", "-p", "-c", list, String(process.pid)], { encoding: "utf8" }).status === 0;
}

export { freePort } from "./free-port";

export type RunningServer = { child: ChildProcess; pid: number; port: number; log: string[] };

/** `next start` in its own process group (so the whole tree can be stopped), optionally pinned. */
export function startServer(port: number, env: NodeJS.ProcessEnv, core: number | null): RunningServer {
  const next = path.join(ROOT, "node_modules/.bin/next");
  const [command, args] = core === null ? [next, ["start", "-p", String(port)]] : ["taskset", ["-c", String(core), next, "start", "-p", String(port)]];
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    log.push(chunk.toString("utf8"));
    if (log.length > 200) log.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  if (child.pid === undefined) throw new Error("could not start next start");
  return { child, pid: child.pid, port, log };
}

/**
 * `next start` in the foreground, for the scripts that serve until stopped (the e2e server, the
 * demo): its output goes to this terminal, Ctrl+C or a SIGTERM reaches it, and this process exits
 * with its exit code.
 */
export function serveInForeground(port: number | string, env: NodeJS.ProcessEnv): void {
  const child = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(port)], { cwd: ROOT, stdio: "inherit", env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
}

/** The secret of throwaway servers (browser tests), which no real session ever used. */
export const THROWAWAY_AUTH_SECRET = "e2e-secret-e2e-secret-e2e-secret-0123456789";

export async function waitUntilUp(server: RunningServer, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`the server exited (${server.child.exitCode}):\n${server.log.join("")}`);
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer /api/health within ${timeoutMs / 1000} s:\n${server.log.join("")}`);
}

/** SIGTERM to the process group, SIGKILL after a grace period. */
export async function stopServer(server: RunningServer, graceMs = 10_000): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.child.once("exit", () => resolve()));
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), graceMs));
  if ((await Promise.race([exited, timer])) === "timeout") {
    try {
      process.kill(-server.pid, "SIGKILL");
    } catch {
      // already gone
    }
    await exited;
  }
}

function readStat(pid: number): { ppid: number; ticks: number; reapedTicks: number } | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces) start at ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), reapedTicks: Number(fields[13]) + Number(fields[14]) };
  } catch {
    return null;
  }
}

/** The parent of a process (e.g. the PostgreSQL postmaster of a backend), or null when it is gone. */
export function parentPid(pid: number): number | null {
  return readStat(pid)?.ppid ?? null;
}

/** The server process and all its descendants. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (!stat) continue;
    children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), Number(entry)]);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i] ?? -1) ?? []));
  return tree;
}

/** Resident memory of the server's process tree, in bytes (VmRSS from /proc/<pid>/status). */
export function treeRss(root: number): number {
  let total = 0;
  for (const pid of processTree(root)) {
    try {
      const match = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      if (match?.[1]) total += Number(match[1]) * 1024;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** CPU seconds used so far by the server's process tree. */
export function treeCpuSeconds(root: number, includeReaped = false): number {
  // `includeReaped`: add the CPU of children that have ended and been waited for (cutime, cstime).
  // Without it, a tree whose processes come and go (PostgreSQL's backends) can seem to use less
  // CPU at the end of a phase than at its start.
  const ticks = (pid: number) => {
    const stat = readStat(pid);
    return stat ? stat.ticks + (includeReaped ? stat.reapedTicks : 0) : 0;
  };
  return processTree(root).reduce((sum, pid) => sum + ticks(pid), 0) / CLOCK_TICKS;
}

export function machine() {
  const cpuinfo = fs.existsSync("/proc/cpuinfo") ? fs.readFileSync("/proc/cpuinfo", "utf8") : "";
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? "unknown";
  return {
    cpuModel: model,
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    kernel: `${os.type()} ${os.release()}`,
  };
}

/** Busy and total jiffies of each core, from /proc/stat (idle and iowait count as not busy). */
export function coreTicks(): { busy: number; total: number }[] {
  if (!fs.existsSync("/proc/stat")) return [];
  return fs
    .readFileSync("/proc/stat", "utf8")
    .split("\n")
    .filter((line) => /^cpu\d+ /.test(line))
    .map((line) => {
      const fields = line.trim().split(/\s+/).slice(1, 9).map(Number);
      const total = fields.reduce((sum, v) => sum + v, 0);
      return { busy: total - (fields[3] ?? 0) - (fields[4] ?? 0), total };
    });
}

/** Summarises a list of process lines for a report: how many, and what kind. */
export function describeProcesses(lines: string[]): string {
  const kinds = new Map<string, number>();
  for (const line of lines) {
    const kind = /next-server/.test(line)
      ? "next-server"
      : /next build/.test(line)
        ? "next build"
        : /next start/.test(line)
          ? "next start"
          : /chromium/.test(line)
            ? "chromium"
            : /playwright/.test(line)
              ? "playwright"
              : "other";
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return [...kinds].map(([kind, count]) => `${count}× ${kind}`).join(", ");
}

/** NODE_OPTIONS that load tooling/server-probe.mjs into the server, writing to `dir`. */
export function probeEnv(dir: string, cpuProfile: boolean): Record<string, string> {
  const probe = pathToFileURL(path.join(ROOT, "tooling", "server-probe.mjs")).href;
  return { BENCH_PROBE_DIR: dir, BENCH_CPU_PROFILE: cpuProfile ? "1" : "0", NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${probe}`.trim() };
}

/** NODE_OPTIONS that load tooling/statement-probe.mjs into the server: every SQLite statement it prepares goes to `file`. */
export function statementProbeEnv(file: string): Record<string, string> {
  const probe = pathToFileURL(path.join(ROOT, "tooling", "statement-probe.mjs")).href;
  return { STATEMENT_LOG_FILE: file, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${probe}`.trim() };
}

/**
 * Starts or stops the probe's CPU profile in every server process that has loaded the probe
 * (those that wrote a probe file: SIGUSR2 would end a process without the probe's handler).
 */
export function profileToggle(dir: string, roots: number[]): () => void {
  return () => {
    const probed = new Set(
      fs
        .readdirSync(dir)
        .map((file) => /^probe-(\d+)\.jsonl$/.exec(file)?.[1])
        .filter((pid): pid is string => pid !== undefined),
    );
    for (const pid of roots.flatMap(processTree)) if (probed.has(String(pid))) process.kill(pid, "SIGUSR2");
  };
}

type ProbeLine = { t: number; delayP50Ms: number; delayP99Ms: number; delayMaxMs: number; gcMs: number; gcMaxMs: number; rss: number };

/** The server's event loop between two Date.now() instants: the busiest probed process's figures. */
export function readProbe(dir: string, from: number, to: number) {
  let best: ProbeLine[] = [];
  for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!/^probe-\d+\.jsonl$/.test(file)) continue;
    const lines = fs
      .readFileSync(path.join(dir, file), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as ProbeLine)
      .filter((line) => line.t > from && line.t <= to + 1000);
    const gc = (list: ProbeLine[]) => list.reduce((sum, l) => sum + l.gcMs, 0);
    if (gc(lines) > gc(best) || best.length === 0) best = lines;
  }
  if (best.length === 0) return undefined;
  return {
    delayP99WorstSecondMs: Math.max(...best.map((l) => l.delayP99Ms)),
    delayMaxMs: Math.max(...best.map((l) => l.delayMaxMs)),
    gcShare: best.reduce((sum, l) => sum + l.gcMs, 0) / Math.max(1, to - from),
    gcMaxMs: Math.max(...best.map((l) => l.gcMaxMs)),
  };
}
