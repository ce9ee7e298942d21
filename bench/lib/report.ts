// The benchmark's results: one JSON document, and the same figures as Markdown for people.
import type { LedgerCheck } from "../../tooling/load";
import type { LatencySummary, PhaseStats } from "../../tooling/stats";

export type BenchResults = {
  date: string;
  command: string;
  commit: string;
  uncommitted: string[];
  machine: { cpuModel: string; cores: number; memoryGiB: number; node: string; kernel: string };
  setup: {
    students: number;
    /** App server processes sharing the database (absent in results written before it existed). */
    servers?: number;
    classroomSeconds: number;
    saturationSeconds: number;
    saturationRounds: number;
    connections: number;
    thinkSeconds: [number, number];
    wrongRate: number;
    duplicateRate: number;
    seed: number;
    pinning: string;
    build: string;
    next: string;
  };
  classroom?: { floor: PhaseStats; quiz: PhaseStats; goal: Goal };
  /** The median round's phases and ratios, and every round's throughput. */
  saturation?: {
    floor: PhaseStats;
    quiz: PhaseStats;
    ratio: number;
    requestRatio: number;
    rounds: { floorAnswersPerSecond: number; quizAnswersPerSecond: number; ratio: number }[];
    goal: Goal;
  };
  verification: LedgerCheck & { floorWritesAcknowledged: number; floorWritesMissing: number };
  server: { rssEndMiB: number; rssPeakMiB: number; rssAfterSignInMiB: number };
  warnings: string[];
};

/** `measured`: the figure the goal was judged on, for summary tables. */
export type Goal = { text: string; met: boolean; measured?: string };

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "–");
const num = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
const pct = (share: number) => `${Math.round(share * 100)} %`;

function latencyCells(l: LatencySummary | undefined): string {
  if (!l) return "– | – | – | –";
  return `${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${ms(l.max)}`;
}

const cpuPerRequest = (p: PhaseStats) => (p.requests ? `${((p.serverCpu * p.seconds * 1000) / p.requests).toFixed(2)} ms` : "–");
const other = (stats: PhaseStats) => (stats.otherCpu?.[0] === undefined ? "–" : pct(stats.otherCpu[0]));

/** "0", or the count with what the failures were ("3 (2× 500, 1× no response)"). */
/** Each saturation round as "floor → quiz answers/s (ratio)". */
export function roundsText(rounds: { floorAnswersPerSecond: number; quizAnswersPerSecond: number; ratio: number }[]): string {
  return rounds
    .map((round, i) => `${i + 1}. ${round.floorAnswersPerSecond.toFixed(1)} → ${round.quizAnswersPerSecond.toFixed(1)} (${round.ratio.toFixed(2)}×)`)
    .join("; ");
}

export function errorsCell(stats: PhaseStats): string {
  if (stats.errors === 0) return "0";
  const bad = Object.entries(stats.statuses)
    .filter(([status]) => !status.startsWith("2"))
    .map(([status, count]) => `${count}× ${status === "0" ? "no response" : status}`);
  return `${stats.errors} (${bad.join(", ")})`;
}

export function toMarkdown(r: BenchResults): string {
  const lines: string[] = [];
  const s = r.setup;
  lines.push(`# Quiz API benchmark: latest run`, ``);
  const tree = r.uncommitted.length ? ` plus uncommitted changes to ${r.uncommitted.join(", ")}` : "";
  lines.push(`Written by \`bench/quiz.ts\` (${r.date}). Command: \`${r.command}\`. Code: commit ${r.commit}${tree}.`, ``);
  lines.push(
    `**Machine:** ${r.machine.cpuModel}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB RAM, Node ${r.machine.node}, ${r.machine.kernel}, Next.js ${s.next}.`,
    ``,
  );
  lines.push(
    `**Setup:** fresh SQLite file (WAL), ${s.students} student accounts, ${(s.servers ?? 1) > 1 ? `${s.servers} \`next start\` processes on that one file, the students spread evenly` : "`next start`"} (production build: ${s.build}). ` +
      `Pinning: ${s.pinning}. Answers are right except a random ${pct(s.wrongRate)}` +
      `${s.duplicateRate > 0 ? `; ${pct(s.duplicateRate)} of answers are sent twice at once on two connections (a client retrying too early; the floor mirrors it)` : ""}. Seed ${s.seed}. ` +
      `Every student signs in once over HTTP before the first phase (not measured). ` +
      `Latency = from sending the request until the whole response body arrived, in ms.`,
    ``,
  );

  if (r.classroom) {
    const { floor, quiz, goal } = r.classroom;
    lines.push(
      `## Classroom pace (open model): ${s.students} students, one answer every ${s.thinkSeconds[0]}–${s.thinkSeconds[1]} s, ${s.classroomSeconds} s per route`,
      ``,
    );
    lines.push(
      `Each student starts a quiz (mixed, lesson or phase), answers every question after a random pause, finishes, starts the next. ` +
        `The floor phase replays the same schedule with \`POST /api/bench/floor\` in place of every request.`,
      ``,
    );
    lines.push(
      `| route | requests | req/s | errors | p50 | p95 | p99 | max | server CPU | others on its core |`,
      `|---|---:|---:|---|---:|---:|---:|---:|---:|---:|`,
    );
    lines.push(
      `| floor (all requests) | ${floor.requests} | ${num(floor.requestsPerSecond, 1)} | ${errorsCell(floor)} | ${latencyCells(floor.all)} | ${pct(floor.serverCpu)} | ${other(floor)} |`,
    );
    lines.push(
      `| quiz API (all requests) | ${quiz.requests} | ${num(quiz.requestsPerSecond, 1)} | ${errorsCell(quiz)} | ${latencyCells(quiz.all)} | ${pct(quiz.serverCpu)} | ${other(quiz)} |`,
    );
    const labels = {
      answer: "PUT …/answers/{id}",
      start: "POST /api/v1/attempts",
      finish: "POST …/finish",
      duplicate: "duplicate answers (second copies)",
    } as const;
    for (const op of ["answer", "start", "finish", "duplicate"] as const) {
      const l = quiz.byOp[op];
      if (l) lines.push(`| · ${labels[op]} | ${l.count} | | | ${latencyCells(l)} | | |`);
    }
    lines.push(``, `Answers acknowledged: ${quiz.answersAcknowledged ?? 0}; quizzes finished: ${quiz.quizzesFinished ?? 0}.`, ``);
    lines.push(`**Goal** (${goal.text}): **${goal.met ? "met" : "missed"}**.`, ``);
  }

  if (r.saturation) {
    const { floor, quiz, ratio, requestRatio, goal } = r.saturation;
    lines.push(
      `## Saturation (closed loop): ${s.connections} connections, no think time, ${s.saturationRounds} rounds of ${s.saturationSeconds} s per route`,
      ``,
    );
    lines.push(
      `Each connection is one signed-in student running quizzes back to back; the floor replays the same cycle (start, one request per question, finish) on the floor route. The rounds alternate which route goes first; the table shows the round with the median ratio.`,
      ``,
    );
    lines.push(
      `| route | answers/s | req/s | errors | p50 | p95 | p99 | max | server CPU | server CPU per request | load generator CPU | others on the server's core |`,
      `|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|`,
    );
    const row = (label: string, p: PhaseStats) =>
      `| ${label} | ${num(p.answersPerSecond, 1)} | ${num(p.requestsPerSecond, 1)} | ${errorsCell(p)} | ${latencyCells(p.all)} | ${pct(p.serverCpu)} | ${cpuPerRequest(p)} | ${pct(p.loadGeneratorCpu)} | ${other(p)} |`;
    lines.push(row("floor", floor), row("quiz API", quiz));
    const answer = quiz.byOp.answer;
    if (answer) lines.push(`| · PUT …/answers/{id} only | | | | ${latencyCells(answer)} | | | | |`);
    const duplicate = quiz.byOp.duplicate;
    if (duplicate) lines.push(`| · its duplicates (second copies) | | | | ${latencyCells(duplicate)} | | | | |`);
    lines.push(
      ``,
      `Quiz ÷ floor: **${num(ratio, 2)}×** in answers per second (${num(requestRatio, 2)}× in requests per second), the median of the rounds: ${roundsText(r.saturation.rounds)}.`,
      ``,
    );
    lines.push(`**Goal** (${goal.text}): **${goal.met ? "met" : "missed"}**.`, ``);
  }

  const v = r.verification;
  lines.push(`## Every acknowledged answer is in the database`, ``);
  lines.push(
    `${v.acknowledged} answers were acknowledged (2xx) across all phases, warm-up included; ${v.rowsInDatabase} AttemptAnswer rows in the file; ` +
      `**${v.missing} missing**${v.sampleMissing.length ? ` (e.g. ${v.sampleMissing.join(", ")})` : ""}.`,
    ``,
    `Also checked: ${v.attemptsAcknowledged} started attempts (${v.attemptsMissing} missing), ${v.finishesAcknowledged} acknowledged finishes (${v.finishesMissing} not finished in the file), ` +
      `${v.floorWritesAcknowledged} floor writes (${v.floorWritesMissing} missing from the students' counters).`,
    ``,
  );
  lines.push(`## Server memory`, ``);
  lines.push(
    `RSS of the \`next start\` process tree (VmRSS): ${num(r.server.rssAfterSignInMiB)} MiB after sign-in, ${num(r.server.rssPeakMiB)} MiB peak (sampled each second), ${num(r.server.rssEndMiB)} MiB at the end.`,
    ``,
  );
  const probed = [r.classroom?.floor, r.classroom?.quiz, r.saturation?.floor, r.saturation?.quiz].filter((p): p is PhaseStats => p?.eventLoop !== undefined);
  if (probed.length) {
    lines.push(`## The server's event loop`, ``);
    lines.push(
      `From \`tooling/server-probe.mjs\`, loaded into the server: how long callbacks waited for the event loop (worst one-second p99, and the maximum), and the time spent in garbage collection.`,
      ``,
    );
    lines.push(`| phase | loop delay p99 (worst second) | loop delay max | GC time | longest GC pause |`, `|---|---:|---:|---:|---:|`);
    for (const p of probed) {
      const e = p.eventLoop;
      if (e) lines.push(`| ${p.name} | ${ms(e.delayP99WorstSecondMs)} | ${ms(e.delayMaxMs)} | ${pct(e.gcShare)} | ${ms(e.gcMaxMs)} |`);
    }
    lines.push(``);
  }
  if (r.warnings.length) lines.push(`## Warnings`, ``, ...r.warnings.map((w) => `- ${w}`), ``);
  return lines.join("\n");
}
