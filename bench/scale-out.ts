// npm run bench:scale-out [-- --connections 32 --rounds 3 --seconds 15 --warmup 5]
//
// Scale-out on PostgreSQL (method: bench/README.md; reasons: docs/decisions/0015-scale-out-benchmark.md):
//   1. a throwaway PostgreSQL cluster (tooling/postgres-cluster.ts), one database, migrated
//      with the PostgreSQL schema and seeded as in production, plus the bench's student accounts;
//   2. two `next start` servers on two free ports, same AUTH_SECRET and DATABASE_URL, server A
//      pinned to core 0 and server B to core 1 (PostgreSQL and this load generator float);
//   3. checks: a session made on one server works on the other, the sign-in rate limit counts
//      failures on both servers together, and every acknowledged write is in PostgreSQL. Setup
//      and checks are tooling/scale-out.ts, which npm test runs too (tests/reliability/scale-out.test.ts):
//      here they make sure a throughput figure is never reported for servers that do not act as one;
//   4. throughput: K connections in a closed loop against server A alone, then spread half/half
//      over both, alternating for several rounds; medians and the ratio two ÷ one.
// runScaleOut() is what the benchmark orchestrator calls (it assumes a build in .next);
// run directly, this file builds when needed and writes bench/results/scale-out-latest.md/.json.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { postgresAvailability, startPostgresCluster, type PostgresCluster } from "../tooling/postgres-cluster";
import { HttpSession, signIn } from "../tooling/http";
import { errorsCell } from "./lib/report";
import { newLedger, ok, quizDriver, scopes as quizScopes, studentLoop, type LedgerComparison, type Student } from "../tooling/load";
import * as server from "../tooling/next-server";
import { checkLedger, checkSessions, checkThrottle, preparePostgresDatabase, startServerPair, type ScaleOutCheck } from "../tooling/scale-out";
import { Recorder, seededRandom, type Op, type PhaseStats } from "../tooling/stats";

const ROOT = path.resolve(import.meta.dirname, "..");
const PASSWORD = "bench-student-password-1";

export type ScaleOutOptions = {
  /** Concurrent connections (signed-in students) in every measured phase, both configurations. */
  connections?: number;
  /** Rounds; each measures one server and two servers once, in alternating order. */
  rounds?: number;
  /** Seconds per measured phase. */
  roundSeconds?: number;
  /** Unmeasured closed-loop seconds on each server before the first round. */
  warmupSeconds?: number;
  /** Share of deliberately wrong answers. */
  wrongRate?: number;
  seed?: number;
  /** Progress lines (default console.log). */
  log?: (line: string) => void;
};

export type { ScaleOutCheck };

/** One server during one phase. CPU as a share of one core. */
export type ServerFigures = { requests: number; answers: number; answersPerSecond: number; cpu: number; rssMiB: number };

export type ScaleOutPhase = {
  config: "one" | "two";
  round: number;
  /** All requests of the phase, whichever server answered. */
  stats: PhaseStats;
  servers: { A: ServerFigures; B: ServerFigures | null };
  /** Shares of one core: PostgreSQL's processes, this process, and everything else on the machine. */
  postgresCpu: number;
  loadGeneratorCpu: number;
  otherCpu: number;
};

/** Medians over the rounds of one configuration (errors and requests: totals). */
export type ConfigSummary = {
  rounds: number;
  answersPerSecond: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
};

export type ServerMemory = { port: number; core: number | null; rssAfterSignInMiB: number; rssPeakMiB: number; rssEndMiB: number };

export type ScaleOutResult =
  | { status: "skipped"; date: string; reason: string }
  | {
      status: "done";
      date: string;
      commit: string;
      machine: ReturnType<typeof server.machine>;
      setup: {
        connections: number;
        rounds: number;
        roundSeconds: number;
        warmupSeconds: number;
        wrongRate: number;
        seed: number;
        accounts: number;
        postgres: string;
        pinning: string;
        next: string;
      };
      checks: ScaleOutCheck[];
      /** Every check passed. */
      passed: boolean;
      phases: ScaleOutPhase[];
      one: ConfigSummary;
      two: ConfigSummary;
      /** Two servers ÷ one server, medians of answers per second (and of requests per second). */
      ratio: number;
      requestRatio: number;
      servers: { A: ServerMemory; B: ServerMemory };
      verification: LedgerComparison;
      warnings: string[];
    };

const DEFAULTS = { connections: 32, rounds: 3, roundSeconds: 15, warmupSeconds: 5, wrongRate: 0.2 } as const;

const MiB = 2 ** 20;

/** Records into its own phase and into a shared one, so a phase has per-server and total figures. */
class TeeRecorder extends Recorder {
  constructor(private readonly also: Recorder) {
    super();
  }

  override add(op: Op, startedAt: number, endedAt: number, status: number, answerSlot = false): void {
    super.add(op, startedAt, endedAt, status, answerSlot);
    this.also.add(op, startedAt, endedAt, status, answerSlot);
  }
}

/** A load student: one cookie jar, a keep-alive connection to each server. */
type LoadStudent = { email: string; onA: Student; onB: Student };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function summariseConfig(phases: ScaleOutPhase[]): ConfigSummary {
  return {
    rounds: phases.length,
    answersPerSecond: median(phases.map((p) => p.stats.answersPerSecond)),
    requestsPerSecond: median(phases.map((p) => p.stats.requestsPerSecond)),
    p50: median(phases.map((p) => p.stats.all.p50)),
    p95: median(phases.map((p) => p.stats.all.p95)),
    p99: median(phases.map((p) => p.stats.all.p99)),
    requests: phases.reduce((sum, p) => sum + p.stats.requests, 0),
    errors: phases.reduce((sum, p) => sum + p.stats.errors, 0),
  };
}

/** The postmaster's pid: the parent of our own backend (its process tree is all of PostgreSQL). */
async function postmasterPid(url: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [row] = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows;
    // Read while the connection is open: the backend process ends with it.
    return row ? server.parentPid(row.pid) : null;
  } finally {
    await client.end();
  }
}

type Running = { A: server.RunningServer; B: server.RunningServer; postgresPid: number | null };

/** One measured phase: the students on A and on B run closed loops until the deadline. */
async function measurePhase(
  config: "one" | "two",
  round: number,
  seconds: number,
  assignment: { onA: Student[]; onB: Student[] },
  running: Running,
  drive: (recorder: Recorder | null) => ReturnType<typeof quizDriver>,
  pick: () => ReturnType<ReturnType<typeof quizScopes>["pick"]>,
): Promise<ScaleOutPhase> {
  const all = new Recorder();
  const recorders = { A: new TeeRecorder(all), B: new TeeRecorder(all) };
  const trees = { A: running.A.pid, B: running.B.pid };
  const cpu = () => ({
    A: server.treeCpuSeconds(trees.A),
    B: server.treeCpuSeconds(trees.B),
    postgres: running.postgresPid === null ? 0 : server.treeCpuSeconds(running.postgresPid, true),
    self: process.cpuUsage(),
    cores: server.coreTicks(),
    at: performance.now(),
  });
  const before = cpu();
  const deadline = performance.now() + seconds * 1000;
  const stop = () => performance.now() >= deadline;
  const driverA = drive(recorders.A);
  const driverB = drive(recorders.B);
  await Promise.all([
    ...assignment.onA.map((student) => studentLoop(student, driverA, stop, () => 0, pick)),
    ...assignment.onB.map((student) => studentLoop(student, driverB, stop, () => 0, pick)),
  ]);
  const after = cpu();
  const wall = (after.at - before.at) / 1000;
  const self = process.cpuUsage(before.self);
  const share = (from: number, to: number) => (to - from) / wall;
  const cpuA = share(before.A, after.A);
  const cpuB = share(before.B, after.B);
  const postgresCpu = share(before.postgres, after.postgres);
  const loadGeneratorCpu = (self.user + self.system) / 1e6 / wall;
  // Everything busy on the machine meanwhile, in cores, minus what we account for ourselves.
  const busyCores = after.cores.reduce((sum, now, i) => {
    const then = before.cores[i];
    return then && now.total > then.total ? sum + (now.busy - then.busy) / (now.total - then.total) : sum;
  }, 0);
  const otherCpu = Math.max(0, busyCores - cpuA - cpuB - postgresCpu - loadGeneratorCpu);
  const figures = (name: "A" | "B", cpuShare: number): ServerFigures => {
    const stats = recorders[name].summary(name, { server: cpuShare, loadGenerator: loadGeneratorCpu });
    const answers = recorders[name].samples.filter((sample) => sample.op === "answer" && ok(sample.status)).length;
    return { requests: stats.requests, answers, answersPerSecond: stats.answersPerSecond, cpu: cpuShare, rssMiB: server.treeRss(trees[name]) / MiB };
  };
  const name = config === "one" ? `round ${round}: server A alone` : `round ${round}: servers A + B`;
  return {
    config,
    round,
    stats: all.summary(name, { server: cpuA + cpuB, loadGenerator: loadGeneratorCpu }),
    servers: { A: figures("A", cpuA), B: config === "two" ? figures("B", cpuB) : null },
    postgresCpu,
    loadGeneratorCpu,
    otherCpu,
  };
}

function printPhase(phase: ScaleOutPhase, log: (line: string) => void): void {
  const s = phase.stats;
  const pct = (share: number) => `${Math.round(share * 100)} %`;
  log(
    `  ${s.name.padEnd(28)} ${s.answersPerSecond.toFixed(1).padStart(7)} answers/s ${s.requestsPerSecond.toFixed(1).padStart(7)} req/s  errors ${s.errors}  ` +
      `p50 ${s.all.p50.toFixed(1)} p95 ${s.all.p95.toFixed(1)} p99 ${s.all.p99.toFixed(1)} ms  CPU A ${pct(phase.servers.A.cpu)}` +
      `${phase.servers.B ? ` B ${pct(phase.servers.B.cpu)}` : ""} PostgreSQL ${pct(phase.postgresCpu)} load generator ${pct(phase.loadGeneratorCpu)} others ${pct(phase.otherCpu)}`,
  );
}

/**
 * The scale-out benchmark. Needs a production build in .next and the PostgreSQL server binaries;
 * without either it returns `{ status: "skipped" }`. Everything it starts is stopped and deleted
 * before it returns or throws, and on SIGINT/SIGTERM meanwhile (then the process exits with 130).
 */
export async function runScaleOut(options: ScaleOutOptions = {}): Promise<ScaleOutResult> {
  const opts = { ...DEFAULTS, seed: Math.floor(Math.random() * 2 ** 31), log: (line: string) => console.log(line), ...options };
  const { log } = opts;
  const date = new Date().toISOString();
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) return { status: "skipped", date, reason: "no production build in .next (run next build first)" };
  let availability: ReturnType<typeof postgresAvailability>;
  try {
    availability = postgresAvailability();
  } catch (error) {
    return { status: "skipped", date, reason: error instanceof Error ? error.message : String(error) };
  }
  if (!availability.available) return { status: "skipped", date, reason: availability.reason };

  const warnings: string[] = [];
  const random = seededRandom(opts.seed);
  const sessions: HttpSession[] = [];
  let cluster: PostgresCluster | null = null;
  let A: server.RunningServer | null = null;
  let B: server.RunningServer | null = null;
  let sampler: NodeJS.Timeout | null = null;

  // PostgreSQL inherits this process's CPU affinity (pg_ctl is our child), and a caller may have
  // pinned us to one core: let both float over all cores, and restore the caller's setting after.
  const cores = server.machine().cores;
  const taskset = server.hasTaskset();
  const callerAffinity = taskset ? server.selfAffinity() : null;
  if (taskset && cores > 1 && !server.setSelfAffinity(`0-${cores - 1}`))
    warnings.push("Could not let the load generator float over all cores (taskset -p failed).");

  let cleaned: Promise<void> | null = null;
  const cleanUp = () =>
    (cleaned ??= (async () => {
      if (sampler) clearInterval(sampler);
      for (const session of sessions) session.close();
      await Promise.all([A, B].map((s) => (s ? server.stopServer(s) : undefined)));
      await cluster?.stop();
      if (callerAffinity) server.setSelfAffinity(callerAffinity);
    })());
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping both servers and the PostgreSQL cluster`);
    void cleanUp().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    // 1. The database: a fresh cluster, migrated with the PostgreSQL schema, seeded as in production.
    log("PostgreSQL: starting a throwaway cluster…");
    cluster = await startPostgresCluster(availability.bin);
    const authSecret = randomBytes(32).toString("base64");
    // Accounts: the load students, two for the session check, two to lock out (one shared hash:
    // hashing is not what we measure).
    const loadEmails = Array.from({ length: opts.connections }, (_, i) => `bench-student-${String(i + 1).padStart(5, "0")}@bench.test`);
    const sessionEmails: [string, string] = ["scale-session-a@bench.test", "scale-session-b@bench.test"];
    const throttleEmails = ["scale-throttle@bench.test", "scale-throttle-burst@bench.test"] as const;
    const { url, postgresVersion } = await preparePostgresDatabase(cluster, "backchannel_bench", {
      emails: [...loadEmails, ...sessionEmails, ...throttleEmails],
      password: PASSWORD,
      authSecret,
    });
    log(`Database ready (${postgresVersion}, port ${cluster.port}): migrated, seeded, ${loadEmails.length + 4} student accounts.`);

    // 2. Two servers, the same secret and database, one core each.
    const pin = taskset && cores >= 2;
    const pinning = pin
      ? "server A `taskset -c 0`, server B `taskset -c 1`; PostgreSQL and the load generator not pinned (they float over both cores)"
      : `none (${taskset ? `only ${cores} core` : "taskset not found"}): servers, PostgreSQL and the load generator share all cores`;
    if (!pin) warnings.push(`The servers were not pinned (${taskset ? "one core" : "no taskset"}).`);
    ({ A, B } = await startServerPair(url, authSecret, { cores: pin ? [0, 1] : null }));
    const portA = A.port;
    const portB = B.port;
    const running: Running = { A, B, postgresPid: await postmasterPid(url) };
    if (running.postgresPid === null) warnings.push("PostgreSQL's processes were not found: its CPU is counted under others.");
    log(`Servers: A on port ${portA} (pid ${A.pid}), B on port ${portB} (pid ${B.pid}). Pinning: ${pinning}.`);
    const peak = { A: 0, B: 0 };
    const serverA = A;
    const serverB = B;
    sampler = setInterval(() => {
      peak.A = Math.max(peak.A, server.treeRss(serverA.pid));
      peak.B = Math.max(peak.B, server.treeRss(serverB.pid));
    }, 1000);
    sampler.unref();

    // 3. Checks (1) and (2), before the load.
    const ledger = newLedger();
    const pair = { A, B };
    const checks: ScaleOutCheck[] = [await checkSessions(pair, sessionEmails, PASSWORD, ledger), await checkThrottle(pair, ...throttleEmails, PASSWORD, url)];
    for (const check of checks) log(`  ${check.passed ? "PASS" : "FAIL"}: ${check.name}`);

    // Load students: half sign in on A, half on B; each keeps one jar and a connection to each.
    const students: LoadStudent[] = loadEmails.map((email) => {
      const onA = new HttpSession(portA);
      const onB = onA.onPort(portB);
      sessions.push(onA, onB);
      return { email, onA: { email, http: onA }, onB: { email, http: onB } };
    });
    const signInStarted = performance.now();
    let nextIndex = 0;
    // 8 at a time: Argon2 verification is deliberately slow.
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (nextIndex < students.length) {
          const index = nextIndex++;
          const student = students[index];
          if (!student) continue;
          const via = index % 2 === 0 ? student.onA : student.onB;
          if (!(await signIn(via.http, student.email, PASSWORD)))
            throw new Error(`sign-in failed for ${student.email} on server ${index % 2 === 0 ? "A" : "B"}`);
        }
      }),
    );
    log(`Signed in ${students.length} students (half on each server) in ${((performance.now() - signInStarted) / 1000).toFixed(1)} s.`);
    const rssAfterSignIn = { A: server.treeRss(A.pid), B: server.treeRss(B.pid) };

    const scopes = quizScopes();
    const pick = () => scopes.pick(random);
    const settings = { random, wrongRate: opts.wrongRate, duplicateRate: 0 };
    const drive = (recorder: Recorder | null) => quizDriver(recorder, ledger, settings);
    const half = Math.ceil(students.length / 2);
    const assignments = {
      one: { onA: students.map((s) => s.onA), onB: [] },
      two: { onA: students.slice(0, half).map((s) => s.onA), onB: students.slice(half).map((s) => s.onB) },
    };

    // 4. Warm-up (not measured): each server alone with every connection, to load the code and
    // let the JIT settle on both.
    if (opts.warmupSeconds > 0) {
      log(`Warm-up: ${opts.warmupSeconds} s on A, then ${opts.warmupSeconds} s on B, ${students.length} connections.`);
      await measurePhase("one", 0, opts.warmupSeconds, assignments.one, running, drive, pick);
      await measurePhase("two", 0, opts.warmupSeconds, { onA: [], onB: students.map((s) => s.onB) }, running, drive, pick);
    }

    // 5. Rounds, alternating which configuration goes first (data grows, caches warm: order matters).
    log(`Throughput: ${opts.rounds} rounds × (one server, two servers), ${opts.roundSeconds} s each, ${students.length} connections, closed loop.`);
    const phases: ScaleOutPhase[] = [];
    const acknowledgedBy = { A: 0, B: 0 };
    for (let round = 1; round <= opts.rounds; round++) {
      const order = round % 2 === 1 ? (["one", "two"] as const) : (["two", "one"] as const);
      for (const config of order) {
        const phase = await measurePhase(config, round, opts.roundSeconds, assignments[config], running, drive, pick);
        phases.push(phase);
        printPhase(phase, log);
        acknowledgedBy.A += phase.servers.A.answers;
        acknowledgedBy.B += phase.servers.B?.answers ?? 0;
        if (phase.loadGeneratorCpu > 0.9)
          warnings.push(
            `${phase.stats.name}: the load generator used ${Math.round(phase.loadGeneratorCpu * 100)} % of a core, so it may have limited the throughput.`,
          );
      }
    }

    const busy = phases.filter((p) => p.otherCpu > 0.1);
    if (busy.length > 0) {
      const shares = busy.map((p) => Math.round(p.otherCpu * 100));
      warnings.push(
        `Other processes on the machine used ${Math.min(...shares)}–${Math.max(...shares)} % of a core during ${busy.length} of the ${phases.length} measured phases (column "others"): those figures are pessimistic, and the ratio is only as good as the noise allows.`,
      );
    }
    const ownTrees = new Set([...server.processTree(A.pid), ...server.processTree(B.pid)].map(String));
    const others = server.otherNextProcesses().filter((line) => !ownTrees.has(line.split(" ")[0] ?? ""));
    if (others.length > 0) warnings.push(`Other Next.js/Playwright processes were running at the end (${server.describeProcesses(others)}).`);
    const rssEnd = { A: server.treeRss(A.pid), B: server.treeRss(B.pid) };
    clearInterval(sampler);
    const logs = { A: A.log.join(""), B: B.log.join("") };

    // 6. Check (3), with both servers stopped: nothing acknowledged may be missing from PostgreSQL.
    await Promise.all([server.stopServer(A), server.stopServer(B)]);
    const { check, verification } = await checkLedger(url, ledger, acknowledgedBy);
    checks.push(check);
    log(`  ${check.passed ? "PASS" : "FAIL"}: ${check.name}`);
    for (const [name, text] of Object.entries(logs)) {
      const lines = text.split("\n").filter((line) => /Error|⨯/.test(line));
      if (lines.length) warnings.push(`Server ${name} logged errors; the first lines:\n\n\`\`\`\n${lines.slice(0, 5).join("\n")}\n\`\`\``);
    }

    const one = summariseConfig(phases.filter((p) => p.config === "one"));
    const two = summariseConfig(phases.filter((p) => p.config === "two"));
    const memory = (s: server.RunningServer, name: "A" | "B"): ServerMemory => ({
      port: s.port,
      core: pin ? (name === "A" ? 0 : 1) : null,
      rssAfterSignInMiB: rssAfterSignIn[name] / MiB,
      rssPeakMiB: Math.max(peak[name], rssEnd[name]) / MiB,
      rssEndMiB: rssEnd[name] / MiB,
    });
    return {
      status: "done",
      date,
      commit: spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim(),
      machine: server.machine(),
      setup: {
        connections: students.length,
        rounds: opts.rounds,
        roundSeconds: opts.roundSeconds,
        warmupSeconds: opts.warmupSeconds,
        wrongRate: opts.wrongRate,
        seed: opts.seed,
        accounts: loadEmails.length + 4,
        postgres: postgresVersion,
        pinning,
        next: (JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/next/package.json"), "utf8")) as { version: string }).version,
      },
      checks,
      passed: checks.every((c) => c.passed),
      phases,
      one,
      two,
      ratio: one.answersPerSecond > 0 ? two.answersPerSecond / one.answersPerSecond : 0,
      requestRatio: one.requestsPerSecond > 0 ? two.requestsPerSecond / one.requestsPerSecond : 0,
      servers: { A: memory(A, "A"), B: memory(B, "B") },
      verification,
      warnings,
    };
  } finally {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    await cleanUp();
  }
}

// ---------------------------------------------------------------------------------------------
// Markdown

const num = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
const pct = (share: number) => (Number.isFinite(share) ? `${Math.round(share * 100)} %` : "–");

/** The result as a Markdown section; `level` is its heading level (subsections one deeper). */
export function scaleOutMarkdown(result: ScaleOutResult, level = 2): string {
  const h = (depth: number) => "#".repeat(level + depth);
  const lines: string[] = [`${h(0)} Scale-out on PostgreSQL: two app servers, one database`, ``];
  if (result.status === "skipped") {
    lines.push(`**skipped: ${result.reason}** (${result.date}).`, ``);
    return lines.join("\n");
  }
  const r = result;
  const s = r.setup;
  lines.push(
    `Written by \`bench/scale-out.ts\` (${r.date}), commit ${r.commit}. ` +
      `**Machine:** ${r.machine.cpuModel}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB RAM, Node ${r.machine.node}, ${r.machine.kernel}, Next.js ${s.next}.`,
    ``,
    `**Setup:** a throwaway ${s.postgres} cluster (tooling/postgres-cluster.ts: fsync and synchronous commit off), one database migrated with \`prisma migrate deploy\` ` +
      `(PostgreSQL schema) and seeded with NODE_ENV=production (no demo accounts), ${s.accounts} student accounts sharing one password hash. ` +
      `Two \`next start\` servers (production build, NODE_ENV=production, the same AUTH_SECRET, AUTH_TRUST_HOST=true, the same DATABASE_URL), ports ${r.servers.A.port} (A) and ${r.servers.B.port} (B); ` +
      `each server's Prisma pool is node-postgres's default of 10 connections. ` +
      `**Pinning:** ${s.pinning}. So with one server, PostgreSQL and the load generator have the other core mostly to themselves; with two, they take CPU from both servers: the ratio below is what two servers gain on *this* machine, not on two machines.`,
    ``,
  );

  lines.push(`${h(1)} Checks`, ``);
  for (const check of r.checks) {
    lines.push(`- **${check.passed ? "PASS" : "FAIL"}: ${check.name}.**`);
    for (const line of check.evidence) lines.push(`  - ${line}`);
  }
  lines.push(``);

  lines.push(
    `${h(1)} Throughput (closed loop): ${s.connections} connections, no think time, ${s.rounds} rounds × ${s.roundSeconds} s per configuration`,
    ``,
    `Each connection is one signed-in student running quizzes back to back (start, answer every question, finish; ${pct(s.wrongRate)} of answers wrong on purpose). ` +
      `*One server:* all ${s.connections} connections on A. *Two servers:* ${Math.ceil(s.connections / 2)} on A and ${Math.floor(s.connections / 2)} on B. ` +
      `The same students in both, the order alternating by round, after ${s.warmupSeconds} s of warm-up on each server. Latency: from sending a request until its whole response arrived, in ms. CPU: share of one core.`,
    ``,
    `| phase | answers/s | req/s | errors | p50 | p95 | p99 | server A: req, CPU | server B: req, CPU | PostgreSQL CPU | load generator CPU | others |`,
    `|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|`,
  );
  for (const p of r.phases) {
    const b = p.servers.B;
    lines.push(
      `| ${p.stats.name} | ${num(p.stats.answersPerSecond, 1)} | ${num(p.stats.requestsPerSecond, 1)} | ${errorsCell(p.stats)} | ${num(p.stats.all.p50, 1)} | ${num(p.stats.all.p95, 1)} | ${num(p.stats.all.p99, 1)} | ` +
        `${p.servers.A.requests}, ${pct(p.servers.A.cpu)} | ${b ? `${b.requests}, ${pct(b.cpu)}` : "–"} | ${pct(p.postgresCpu)} | ${pct(p.loadGeneratorCpu)} | ${pct(p.otherCpu)} |`,
    );
  }
  const medianRow = (label: string, c: ConfigSummary) =>
    `| **${label}** (median of ${c.rounds}) | **${num(c.answersPerSecond, 1)}** | **${num(c.requestsPerSecond, 1)}** | ${c.errors} in ${c.requests} | ${num(c.p50, 1)} | ${num(c.p95, 1)} | ${num(c.p99, 1)} | | | | | |`;
  lines.push(medianRow("one server", r.one), medianRow("two servers", r.two), ``);
  lines.push(`Two servers ÷ one server: **${num(r.ratio, 2)}×** in answers per second (${num(r.requestRatio, 2)}× in requests per second).`, ``);

  lines.push(`${h(1)} Server memory`, ``, `RSS of each \`next start\` process tree (VmRSS), sampled every second.`, ``);
  lines.push(`| server | port | core | after sign-in | peak | end |`, `|---|---:|---:|---:|---:|---:|`);
  for (const [name, m] of Object.entries(r.servers)) {
    lines.push(`| ${name} | ${m.port} | ${m.core ?? "any"} | ${num(m.rssAfterSignInMiB)} MiB | ${num(m.rssPeakMiB)} MiB | ${num(m.rssEndMiB)} MiB |`);
  }
  lines.push(``);
  if (r.warnings.length) lines.push(`${h(1)} Warnings`, ``, ...r.warnings.map((w) => `- ${w}`), ``);
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// Standalone: npm run bench:scale-out

const HELP = `Usage: npm run bench:scale-out -- [options]

  --connections K           concurrent signed-in students, in both configurations (default ${DEFAULTS.connections})
  --rounds N                rounds of (one server, two servers), alternating order (default ${DEFAULTS.rounds})
  --seconds S               seconds per measured phase (default ${DEFAULTS.roundSeconds})
  --warmup S                unmeasured seconds on each server first (default ${DEFAULTS.warmupSeconds})
  --wrong-rate R            share of deliberately wrong answers (default ${DEFAULTS.wrongRate})
  --seed N                  random seed for quiz choice and wrong answers
  --build auto|always|never reuse .next when newer than the sources (auto, default), or force
  --build-wait S            how long to wait for other Next.js/Playwright processes before building (default 300)
  --out DIR                 where to write scale-out-latest.md and .json (default bench/results)`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      connections: { type: "string", default: String(DEFAULTS.connections) },
      rounds: { type: "string", default: String(DEFAULTS.rounds) },
      seconds: { type: "string", default: String(DEFAULTS.roundSeconds) },
      warmup: { type: "string", default: String(DEFAULTS.warmupSeconds) },
      "wrong-rate": { type: "string", default: String(DEFAULTS.wrongRate) },
      seed: { type: "string" },
      build: { type: "string", default: "auto" },
      "build-wait": { type: "string", default: "300" },
      out: { type: "string", default: path.join(ROOT, "bench", "results") },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const number = (name: string, raw: string | undefined, min: number) => {
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number ≥ ${min} (got ${raw})`);
    return value;
  };
  if (!["auto", "always", "never"].includes(values.build)) throw new Error("--build must be auto, always or never");
  const check = server.checkBuild();
  if (values.build === "always" || (values.build === "auto" && !check.reuse)) {
    console.log(`Build needed: ${values.build === "always" ? "--build always" : check.reason}.`);
    await server.build(number("build-wait", values["build-wait"], 0));
  } else {
    console.log(`Using the build: ${check.reason}.`);
  }
  const result = await runScaleOut({
    connections: Math.floor(number("connections", values.connections, 2)),
    rounds: Math.floor(number("rounds", values.rounds, 1)),
    roundSeconds: number("seconds", values.seconds, 1),
    warmupSeconds: number("warmup", values.warmup, 0),
    wrongRate: number("wrong-rate", values["wrong-rate"], 0),
    ...(values.seed ? { seed: Math.floor(number("seed", values.seed, 0)) } : {}),
  });
  if (result.status === "done" && !check.reuse && values.build === "never") result.warnings.push(`--build never: the build was used although ${check.reason}.`);
  const out = path.resolve(values.out);
  fs.mkdirSync(out, { recursive: true });
  const markdown = `${scaleOutMarkdown(result, 1)}\n`;
  fs.writeFileSync(path.join(out, "scale-out-latest.md"), markdown);
  fs.writeFileSync(path.join(out, "scale-out-latest.json"), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n${markdown}`);
  console.log(`Written: ${path.relative(ROOT, path.join(out, "scale-out-latest.md"))} and scale-out-latest.json`);
  if (result.status === "done" && !result.passed) process.exitCode = 1;
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  main().catch((error: unknown) => {
    console.error(`bench:scale-out failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
