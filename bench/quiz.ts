// npm run bench:quiz [-- --students 200 --duration 60 --saturation-duration 20 --connections 32]
//
// Load test of the quiz JSON API against the framework's floor, on this machine, in one run
// (method: bench/README.md; reasons: docs/decisions/0008-benchmarks.md):
//   1. reuse the production build in .next if it is newer than the sources, else build it;
//   2. a fresh SQLite file in bench/tmp/, migrated and seeded, plus N student accounts;
//   3. `next start` (NODE_ENV=production, a build made with BENCH_ROUTES=1) pinned to core 0, this process to core 1;
//   4. every student signs in over HTTP (Auth.js credentials), keeping its cookies;
//   5. classroom pace (open model): each student answers one question every 2–5 s, first against
//      the floor route, then the quiz API; saturation (closed loop): K connections with no think
//      time, floor then quiz;
//   6. every acknowledged answer is looked up in the database file;
//   7. results in bench/results/quiz-latest.md and .json; the server is stopped and the file deleted.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import Sqlite from "better-sqlite3";
import {
  floorDriver,
  newLedger,
  prepareLoadDatabase,
  quizDriver,
  scopes,
  signInAll,
  studentEmails,
  studentLoop,
  type Driver,
  type DriverSettings,
  type Ledger,
  type Scope,
  type Student,
} from "../tooling/load";
import { toMarkdown, type BenchResults } from "./lib/report";
import * as server from "../tooling/next-server";
import { Recorder, seededRandom, type PhaseStats } from "../tooling/stats";

const ROOT = path.resolve(import.meta.dirname, "..");
const PASSWORD = "bench-student-password-1";

const HELP = `Usage: npm run bench:quiz -- [options]

  --students N              simulated students at classroom pace (default 200)
  --duration S              seconds per classroom phase, floor and quiz each (default 60)
  --saturation-duration S   seconds per saturation phase, floor and quiz each (default 20)
  --saturation-rounds N     rounds of floor and quiz, the order alternating; the ratio is the median
                            round's (default 3)
  --connections K           concurrent connections in the saturation phases (default 32)
  --think-min S, --think-max S   a student's pause before each answer (default 2 and 5)
  --wrong-rate R            share of deliberately wrong answers (default 0.2)
  --duplicate-rate R        share of answers sent twice at once, on two connections, like a client
                            that retries too early (default 0; the floor mirrors it)
  --warmup S                unmeasured warm-up per route before the first phase (default 5)
  --modes LIST              classroom,saturation (default both)
  --port P                  server port (default: a free one; with --servers 2, the first one's)
  --servers N               app server processes on the same SQLite file, students spread evenly
                            (default 1). With 2, each server gets a core and the load generator
                            floats: Node runs JavaScript on one thread, so this is how one machine
                            uses both cores
  --seed N                  random seed for pauses, quiz choice and wrong answers
  --build auto|always|never reuse .next when newer than the sources (auto, default), or force
  --build-wait S            how long to wait for other Next.js/Playwright processes before building (default 300)
  --out DIR                 where to write quiz-latest.md and .json (default bench/results)
  --keep-db                 keep the SQLite file in bench/tmp/ for inspection
  --no-probe                do not load tooling/server-probe.mjs (event-loop delay, GC) into the server
  --cpu-profile             CPU-profile the server during the saturation phases; the profiles are
                            kept in bench/tmp/cpu-profiles/ (open them in Chrome DevTools)
  --strict                  exit with code 2 when a goal is missed`;

function options() {
  const { values } = parseArgs({
    options: {
      students: { type: "string", default: "200" },
      duration: { type: "string", default: "60" },
      "saturation-duration": { type: "string", default: "20" },
      "saturation-rounds": { type: "string", default: "3" },
      connections: { type: "string", default: "32" },
      "think-min": { type: "string", default: "2" },
      "think-max": { type: "string", default: "5" },
      "wrong-rate": { type: "string", default: "0.2" },
      "duplicate-rate": { type: "string", default: "0" },
      warmup: { type: "string", default: "5" },
      modes: { type: "string", default: "classroom,saturation" },
      port: { type: "string" },
      servers: { type: "string", default: "1" },
      seed: { type: "string" },
      build: { type: "string", default: "auto" },
      "build-wait": { type: "string", default: "300" },
      out: { type: "string", default: path.join(ROOT, "bench", "results") },
      "keep-db": { type: "boolean", default: false },
      "no-probe": { type: "boolean", default: false },
      "cpu-profile": { type: "boolean", default: false },
      strict: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const number = (name: string, raw: string | undefined, min: number) => {
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number ≥ ${min} (got ${raw})`);
    return value;
  };
  const modes = new Set(values.modes.split(",").map((m) => m.trim()));
  for (const mode of modes) if (mode !== "classroom" && mode !== "saturation") throw new Error(`--modes: unknown mode ${mode}`);
  if (!["auto", "always", "never"].includes(values.build)) throw new Error("--build must be auto, always or never");
  const thinkMin = number("think-min", values["think-min"], 0);
  const thinkMax = number("think-max", values["think-max"], thinkMin);
  return {
    students: Math.floor(number("students", values.students, 1)),
    duration: number("duration", values.duration, 1),
    saturationDuration: number("saturation-duration", values["saturation-duration"], 1),
    saturationRounds: Math.floor(number("saturation-rounds", values["saturation-rounds"], 1)),
    connections: Math.floor(number("connections", values.connections, 1)),
    thinkMin,
    thinkMax,
    wrongRate: number("wrong-rate", values["wrong-rate"], 0),
    duplicateRate: number("duplicate-rate", values["duplicate-rate"], 0),
    warmup: number("warmup", values.warmup, 0),
    classroom: modes.has("classroom"),
    saturation: modes.has("saturation"),
    port: values.port ? Math.floor(number("port", values.port, 1)) : null,
    servers: Math.floor(number("servers", values.servers, 1)),
    seed: values.seed ? Math.floor(number("seed", values.seed, 0)) : Math.floor(Math.random() * 2 ** 31),
    build: values.build as "auto" | "always" | "never",
    buildWait: number("build-wait", values["build-wait"], 0),
    out: path.resolve(values.out),
    keepDb: values["keep-db"],
    probe: !values["no-probe"],
    cpuProfile: values["cpu-profile"] && !values["no-probe"],
    strict: values.strict,
  };
}

type Options = ReturnType<typeof options>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Build inputs with uncommitted changes (the build measured is the working tree, not the commit). */
function uncommittedBuildInputs(): string[] {
  const status = spawnSync(
    "git",
    ["status", "--porcelain", "--", "app", "components", "lib", "content", "auth.ts", "auth.config.ts", "proxy.ts", "next.config.mjs"],
    { cwd: ROOT, encoding: "utf8" },
  );
  return (status.stdout ?? "")
    .split("\n")
    .map((line) => line.slice(3).trim())
    .filter((file) => file !== "" && !/\.(test|spec)\.tsx?$/.test(file));
}

type SaturationRound = { floor: PhaseStats; quiz: PhaseStats; ratio: number; requestRatio: number };
type PhaseSpec = { name: string; students: Student[]; seconds: number; classroom: boolean; driver: Driver; recorder: Recorder };

/** `pinned`: one server on core 0 and the load generator on core 1 (what otherCpu is relative to). */
type Context = { opts: Options; pick: () => Scope; random: () => number; serverPids: number[]; pinned: boolean; probeDir: string | null };

const serversCpuSeconds = (pids: number[]) => pids.reduce((sum, pid) => sum + server.treeCpuSeconds(pid), 0);
const serversRss = (pids: number[]) => pids.reduce((sum, pid) => sum + server.treeRss(pid), 0);

async function runPhase(spec: PhaseSpec, { opts, pick, random, serverPids, pinned, probeDir }: Context): Promise<PhaseStats> {
  const wallStart = Date.now();
  const cpuStart = { server: serversCpuSeconds(serverPids), self: process.cpuUsage(), cores: server.coreTicks(), at: performance.now() };
  const deadline = performance.now() + spec.seconds * 1000;
  const pause = spec.classroom ? () => (opts.thinkMin + random() * (opts.thinkMax - opts.thinkMin)) * 1000 : () => 0;
  await Promise.all(
    spec.students.map(async (student) => {
      // Students do not all start at the same instant: each one's first action is spread over a pause.
      if (spec.classroom) await sleep(random() * opts.thinkMax * 1000);
      await studentLoop(student, spec.driver, () => performance.now() >= deadline, pause, pick);
    }),
  );
  const wall = (performance.now() - cpuStart.at) / 1000;
  const self = process.cpuUsage(cpuStart.self);
  const serverCpu = (serversCpuSeconds(serverPids) - cpuStart.server) / wall;
  const loadGenerator = (self.user + self.system) / 1e6 / wall;
  // What the rest of the machine took from each core meanwhile (0 on a quiet machine).
  const busyShare = server.coreTicks().map((now, i) => {
    const before = cpuStart.cores[i];
    return before && now.total > before.total ? (now.busy - before.busy) / (now.total - before.total) : 0;
  });
  const stats = spec.recorder.summary(spec.name, { server: serverCpu, loadGenerator });
  if (probeDir) stats.eventLoop = server.readProbe(probeDir, wallStart, Date.now());
  // Only with one pinned server can the rest of a core's load be told apart from the server's own.
  if (pinned) stats.otherCpu = [Math.max(0, (busyShare[0] ?? 0) - serverCpu), Math.max(0, (busyShare[1] ?? 0) - loadGenerator)];
  return stats;
}

function printPhase(stats: PhaseStats): void {
  const l = stats.all;
  const answer = stats.byOp.answer;
  console.log(
    `  ${stats.name.padEnd(22)} ${String(stats.requests).padStart(7)} req  ${stats.requestsPerSecond.toFixed(1).padStart(7)} req/s  ` +
      `${stats.answersPerSecond.toFixed(1).padStart(7)} answers/s  errors ${stats.errors}  ` +
      `p50 ${l.p50.toFixed(1)}  p95 ${l.p95.toFixed(1)}  p99 ${l.p99.toFixed(1)} ms` +
      (answer ? `  (answers: p50 ${answer.p50.toFixed(1)}  p95 ${answer.p95.toFixed(1)}  p99 ${answer.p99.toFixed(1)})` : "") +
      `  server CPU ${(stats.serverCpu * 100).toFixed(0)} %  load generator CPU ${(stats.loadGeneratorCpu * 100).toFixed(0)} %` +
      `  others on the server's core ${((stats.otherCpu?.[0] ?? 0) * 100).toFixed(0)} %`,
  );
}

/**
 * Reads the database file (read-only, after the server has stopped) and looks up everything the
 * server acknowledged: answers, started attempts, finished attempts, and the floor's increments.
 */
function verify(dbFile: string, ledger: Ledger): BenchResults["verification"] {
  const file = new Sqlite(dbFile, { readonly: true, fileMustExist: true });
  try {
    const answerRows = file.prepare("SELECT attemptId, questionId FROM AttemptAnswer").all() as { attemptId: string; questionId: string }[];
    const answers = new Set(answerRows.map((row) => `${row.attemptId}/${row.questionId}`));
    const attemptRows = file.prepare("SELECT id, finishedAt FROM Attempt").all() as { id: string; finishedAt: unknown }[];
    const attempts = new Map(attemptRows.map((row) => [row.id, row.finishedAt !== null]));
    const floorRows = file.prepare("SELECT u.email AS email, f.writes AS writes FROM BenchFloorWrite f JOIN User u ON f.userId = u.id").all() as {
      email: string;
      writes: number | bigint;
    }[];
    const floorInDb = new Map(floorRows.map((row) => [row.email, Number(row.writes)]));
    const missing = ledger.answers.filter((a) => !answers.has(`${a.attemptId}/${a.questionId}`));
    let floorWritesMissing = 0;
    for (const [email, count] of ledger.floorWrites) floorWritesMissing += Math.max(0, count - (floorInDb.get(email) ?? 0));
    return {
      acknowledged: ledger.answers.length,
      rowsInDatabase: answers.size,
      missing: missing.length,
      sampleMissing: missing.slice(0, 5).map((m) => `${m.attemptId}/${m.questionId}`),
      attemptsAcknowledged: ledger.attempts.size,
      attemptsMissing: [...ledger.attempts].filter((id) => !attempts.has(id)).length,
      finishesAcknowledged: ledger.finished.size,
      finishesMissing: [...ledger.finished].filter((id) => attempts.get(id) !== true).length,
      floorWritesAcknowledged: [...ledger.floorWrites.values()].reduce((sum, n) => sum + n, 0),
      floorWritesMissing,
    };
  } finally {
    file.close();
  }
}

async function main(): Promise<void> {
  const opts = options();
  const warnings: string[] = [];
  const random = seededRandom(opts.seed);
  const command = `npm run bench:quiz${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  const runDir = path.join(ROOT, "bench", "tmp", `quiz-${new Date().toISOString().replace(/[:.]/g, "-")}-${process.pid}`);
  const dbFile = path.join(runDir, "bench.db");
  const databaseUrl = `file:${dbFile}`; // as prepareLoadDatabase names it
  let running: server.RunningServer[] = [];
  const students: Student[] = [];

  const cleanUp = async () => {
    for (const student of students) student.http.close();
    await Promise.all(running.map((r) => server.stopServer(r)));
    running = [];
    if (!opts.keepDb) fs.rmSync(runDir, { recursive: true, force: true });
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the server and removing ${path.relative(ROOT, runDir)}`);
      void cleanUp().finally(() => process.exit(130));
    });
  }

  try {
    // 1. The build.
    const check = server.checkBuild();
    let buildNote: string;
    if (opts.build === "always" || (opts.build === "auto" && !check.reuse)) {
      console.log(`Build needed: ${opts.build === "always" ? "--build always" : check.reason}.`);
      await server.build(opts.buildWait);
      buildNote = `built for this run (${opts.build === "always" ? "--build always" : check.reason})`;
    } else {
      if (!check.reuse) warnings.push(`--build never: the build was used although ${check.reason}.`);
      console.log(`Reusing the build: ${check.reason}.`);
      buildNote = `reused, ${check.reason}`;
    }

    // Measuring next to a browser test run or another server would measure the contention.
    const busy = await server.waitForQuiet(opts.buildWait, "they would compete for the two cores");
    if (busy.length > 0) warnings.push(`Other Next.js/Playwright processes were running when the run started (${server.describeProcesses(busy)}).`);

    // 2. A fresh database with N students (one password hash for all: hashing is not what we measure).
    console.log(`Database: ${path.relative(ROOT, dbFile)} (migrate deploy + seed)`);
    const emails = studentEmails(opts.students);
    prepareLoadDatabase(dbFile, emails, PASSWORD);
    console.log(`Created ${emails.length} student accounts.`);

    // 3. The server on core 0, this process on core 1 (or, with two servers, one on each core).
    const cores = server.machine().cores;
    const taskset = server.hasTaskset();
    const pin = taskset && cores >= 2;
    const single = opts.servers === 1;
    let pinning: string;
    if (!taskset) {
      pinning = "none (taskset not found: servers and load generator share all cores)";
      warnings.push("taskset is missing: server and load generator were not pinned, so they compete for the same cores.");
    } else if (!pin) {
      pinning = `none (only ${cores} core)`;
      warnings.push("Only one core: server and load generator share it.");
    } else if (single) {
      pinning = "server `taskset -c 0`, load generator `taskset -c 1`";
    } else {
      pinning = `${opts.servers} servers, server i on core i mod ${cores}; the load generator is not pinned (it shares the cores)`;
    }
    const authSecret = `bench-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}-secret-0123456789`;
    for (let i = 0; i < opts.servers; i++) {
      const port = (i === 0 ? opts.port : null) ?? (await server.freePort());
      running.push(
        server.startServer(
          port,
          {
            ...process.env,
            NODE_ENV: "production",
            AUTH_SECRET: authSecret,
            DATABASE_URL: databaseUrl,
            PORT: String(port),
            ...(opts.probe ? server.probeEnv(runDir, opts.cpuProfile) : {}),
          },
          pin ? i % cores : null,
        ),
      );
    }
    await Promise.all(running.map((r) => server.waitUntilUp(r)));
    const serverPids = running.map((r) => r.pid);
    const ports = running.map((r) => r.port);
    if (pin && single && !server.pinSelf(1)) {
      pinning = "server `taskset -c 0`, load generator not pinned (taskset -p failed)";
      warnings.push("Could not pin the load generator to core 1.");
    }
    console.log(`Servers: next start on port ${ports.join(", ")}, pid ${serverPids.join(", ")}. Pinning: ${pinning}.`);

    let rssPeak = 0;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, serversRss(serverPids))), 1000);
    sampler.unref();

    // 4. Sign everyone in (8 at a time; Argon2 verification is deliberately slow).
    const signInStarted = performance.now();
    // Students are spread over the servers; each one always talks to its own (sessions are JWTs).
    try {
      students.push(...(await signInAll(ports, emails, PASSWORD)));
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message : String(error)}:\n${running.map((r) => r.log.join("")).join("\n")}`);
    }
    console.log(`Signed in ${students.length} students in ${((performance.now() - signInStarted) / 1000).toFixed(1)} s.`);
    const rssAfterSignIn = serversRss(serverPids);

    const first = students[0];
    if (!first) throw new Error("no students");
    const probe = await first.http.request("POST", "/api/bench/floor");
    if (probe.status !== 200)
      throw new Error(
        `POST /api/bench/floor answered ${probe.status} (was the build made without BENCH_ROUTES=1? try --build always): ${probe.body.slice(0, 200)}`,
      );

    const scope = scopes();
    const pick = () => scope.pick(random);
    const context: Context = { opts, pick, random, serverPids, pinned: pin && single, probeDir: opts.probe ? runDir : null };
    const ledger = newLedger();
    const settings: DriverSettings = { random, wrongRate: opts.wrongRate, duplicateRate: opts.duplicateRate };
    const saturationStudents = students.slice(0, Math.min(opts.connections, students.length));
    if (opts.saturation && saturationStudents.length < opts.connections)
      warnings.push(`Only ${students.length} students: saturation used ${saturationStudents.length} connections.`);

    // Warm-up (not measured): load each route's code and let the JIT settle.
    if (opts.warmup > 0) {
      console.log(`Warm-up: ${opts.warmup} s per route, closed loop, ${saturationStudents.length} connections.`);
      const warm = (driver: Driver) =>
        runPhase({ name: "warm-up", students: saturationStudents, seconds: opts.warmup, classroom: false, driver, recorder: new Recorder() }, context);
      await warm(floorDriver(null, ledger, scope.length, settings));
      await warm(quizDriver(null, ledger, settings));
    }

    const results: BenchResults = {
      date: new Date().toISOString(),
      command,
      commit: spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim(),
      uncommitted: uncommittedBuildInputs(),
      machine: server.machine(),
      setup: {
        students: opts.students,
        servers: opts.servers,
        classroomSeconds: opts.duration,
        saturationSeconds: opts.saturationDuration,
        saturationRounds: opts.saturationRounds,
        connections: saturationStudents.length,
        thinkSeconds: [opts.thinkMin, opts.thinkMax],
        wrongRate: opts.wrongRate,
        duplicateRate: opts.duplicateRate,
        seed: opts.seed,
        pinning,
        build: buildNote,
        next: (JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/next/package.json"), "utf8")) as { version: string }).version,
      },
      verification: {
        acknowledged: 0,
        rowsInDatabase: 0,
        missing: 0,
        sampleMissing: [],
        attemptsAcknowledged: 0,
        attemptsMissing: 0,
        finishesAcknowledged: 0,
        finishesMissing: 0,
        floorWritesAcknowledged: 0,
        floorWritesMissing: 0,
      },
      server: { rssEndMiB: 0, rssPeakMiB: 0, rssAfterSignInMiB: rssAfterSignIn / 2 ** 20 },
      warnings,
    };

    // 5a. Classroom pace: floor, then the quiz API, same students, same schedule, same duration.
    if (opts.classroom) {
      console.log(
        `Classroom pace: ${students.length} students, a pause of ${opts.thinkMin}–${opts.thinkMax} s before each answer, ${opts.duration} s per route.`,
      );
      const floorRecorder = new Recorder();
      const floor = await runPhase(
        {
          name: "classroom floor",
          students,
          seconds: opts.duration,
          classroom: true,
          driver: floorDriver(floorRecorder, ledger, scope.length, settings),
          recorder: floorRecorder,
        },
        context,
      );
      printPhase(floor);
      const quizRecorder = new Recorder();
      const before = { answers: ledger.answers.length, finished: ledger.finished.size };
      const quiz = await runPhase(
        {
          name: "classroom quiz API",
          students,
          seconds: opts.duration,
          classroom: true,
          driver: quizDriver(quizRecorder, ledger, settings),
          recorder: quizRecorder,
        },
        context,
      );
      quiz.quizzesFinished = ledger.finished.size - before.finished;
      quiz.answersAcknowledged = ledger.answers.length - before.answers;
      printPhase(quiz);
      results.classroom = {
        floor,
        quiz,
        goal: {
          text: `p95 of all quiz API requests under 100 ms and 0 errors, at 200 students (this run: ${students.length})`,
          met: quiz.all.p95 < 100 && quiz.errors === 0,
        },
      };
    }

    // 5b. Saturation: K connections, no pauses; rounds of floor and quiz, the order alternating so
    // neither always runs first (a warmer file, a busier moment), and the median round kept.
    if (opts.saturation) {
      console.log(
        `Saturation: ${saturationStudents.length} connections, closed loop, ${opts.saturationRounds} rounds of ${opts.saturationDuration} s per route.`,
      );
      const profiling = opts.cpuProfile ? server.profileToggle(runDir, serverPids) : null;
      const rounds: SaturationRound[] = [];
      for (let round = 0; round < opts.saturationRounds; round++) {
        // Only the first round (floor, then quiz) is profiled: the order of the profiles names them.
        const profile = round === 0 ? profiling : null;
        const runFloor = async () => {
          const recorder = new Recorder();
          profile?.();
          const stats = await runPhase(
            {
              name: "saturation floor",
              students: saturationStudents,
              seconds: opts.saturationDuration,
              classroom: false,
              driver: floorDriver(recorder, ledger, scope.length, settings),
              recorder,
            },
            context,
          );
          profile?.();
          printPhase(stats);
          return stats;
        };
        const runQuiz = async () => {
          const recorder = new Recorder();
          const before = { answers: ledger.answers.length, finished: ledger.finished.size };
          profile?.();
          const stats = await runPhase(
            {
              name: "saturation quiz API",
              students: saturationStudents,
              seconds: opts.saturationDuration,
              classroom: false,
              driver: quizDriver(recorder, ledger, settings),
              recorder,
            },
            context,
          );
          stats.quizzesFinished = ledger.finished.size - before.finished;
          stats.answersAcknowledged = ledger.answers.length - before.answers;
          profile?.();
          printPhase(stats);
          return stats;
        };
        let floor: PhaseStats;
        let quiz: PhaseStats;
        if (round % 2 === 0) {
          floor = await runFloor();
          quiz = await runQuiz();
        } else {
          quiz = await runQuiz();
          floor = await runFloor();
        }
        const ratio = floor.answersPerSecond > 0 ? quiz.answersPerSecond / floor.answersPerSecond : 0;
        const requestRatio = floor.requestsPerSecond > 0 ? quiz.requestsPerSecond / floor.requestsPerSecond : 0;
        console.log(`  round ${round + 1}: quiz ÷ floor ${ratio.toFixed(2)}× in answers per second`);
        rounds.push({ floor, quiz, ratio, requestRatio });
      }
      if (profiling) {
        await sleep(2000); // the profiles are written asynchronously
        const kept = path.join(ROOT, "bench", "tmp", "cpu-profiles", path.basename(runDir));
        fs.mkdirSync(kept, { recursive: true });
        for (const file of fs.readdirSync(runDir).filter((f) => f.endsWith(".cpuprofile"))) {
          const phase = file.endsWith("-1.cpuprofile") ? "saturation-floor" : "saturation-quiz";
          fs.copyFileSync(path.join(runDir, file), path.join(kept, `${phase}-${file.replace(/-\d\.cpuprofile$/, ".cpuprofile")}`));
        }
        console.log(`CPU profiles: ${path.relative(ROOT, kept)}`);
      }
      const median = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds.length / 2)];
      if (!median) throw new Error("no saturation round ran");
      results.saturation = {
        ...median,
        rounds: rounds.map((r) => ({ floorAnswersPerSecond: r.floor.answersPerSecond, quizAnswersPerSecond: r.quiz.answersPerSecond, ratio: r.ratio })),
        goal: { text: "quiz answers per second at least 0.8× the floor's (median round)", met: median.ratio >= 0.8 },
      };
      for (const stats of rounds.flatMap((r) => [r.floor, r.quiz])) {
        if (stats.loadGeneratorCpu > 0.9)
          warnings.push(
            `${stats.name}: the load generator used ${(stats.loadGeneratorCpu * 100).toFixed(0)} % of its core, so it may have limited the throughput.`,
          );
      }
    }

    const ownTree = new Set(serverPids.flatMap((pid) => server.processTree(pid)).map(String));
    const lateComers = server.otherNextProcesses().filter((line) => !ownTree.has(line.split(" ")[0] ?? ""));
    if (lateComers.length > 0)
      warnings.push(`Other Next.js/Playwright processes were running at the end of the run (${server.describeProcesses(lateComers)}).`);
    for (const stats of [results.classroom?.floor, results.classroom?.quiz, results.saturation?.floor, results.saturation?.quiz]) {
      const stolen = stats?.otherCpu?.[0] ?? 0;
      if (stats && stolen > 0.05)
        warnings.push(`${stats.name}: other processes used ${(stolen * 100).toFixed(0)} % of the server's core, so this phase's figures are pessimistic.`);
    }

    // 6. Memory, then stop the server and check the file.
    const rssEnd = serversRss(serverPids);
    clearInterval(sampler);
    results.server.rssEndMiB = rssEnd / 2 ** 20;
    results.server.rssPeakMiB = Math.max(rssPeak, rssEnd) / 2 ** 20;
    const log = running.map((r) => r.log.join("")).join("\n");
    await cleanUpServerOnly();

    results.verification = verify(dbFile, ledger);
    if (/Error|⨯/.test(log))
      warnings.push(
        `The server logged errors; the first lines:\n\n\`\`\`\n${log
          .split("\n")
          .filter((line) => /Error|⨯/.test(line))
          .slice(0, 5)
          .join("\n")}\n\`\`\``,
      );

    // 7. Report.
    fs.mkdirSync(opts.out, { recursive: true });
    fs.writeFileSync(path.join(opts.out, "quiz-latest.json"), `${JSON.stringify(results, null, 2)}\n`);
    const markdown = toMarkdown(results);
    fs.writeFileSync(path.join(opts.out, "quiz-latest.md"), markdown);
    console.log(`\n${markdown}`);
    console.log(`Written: ${path.relative(ROOT, path.join(opts.out, "quiz-latest.md"))} and quiz-latest.json`);

    const v = results.verification;
    if (v.missing + v.attemptsMissing + v.finishesMissing + v.floorWritesMissing > 0) process.exitCode = 1;
    else if (opts.strict && (results.classroom?.goal.met === false || results.saturation?.goal.met === false)) process.exitCode = 2;
  } finally {
    await cleanUp();
  }

  async function cleanUpServerOnly() {
    for (const student of students) student.http.close();
    await Promise.all(running.map((r) => server.stopServer(r)));
    running = [];
  }
}

main().catch((error: unknown) => {
  console.error(`bench:quiz failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
