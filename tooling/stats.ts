// Latency and status recording for the benchmark: every request's duration (performance.now(),
// from sending until the whole response body has arrived) and status, grouped by operation.

/** "duplicate": a second copy of an answer sent at the same time (--duplicate-rate). */
export type Op = "start" | "answer" | "finish" | "floor" | "duplicate";

export type Sample = { op: Op; ms: number; status: number; at: number };

export type LatencySummary = { count: number; p50: number; p95: number; p99: number; max: number; mean: number };

export type PhaseStats = {
  name: string;
  /** Wall time from the phase's first request until its last response, in seconds. */
  seconds: number;
  requests: number;
  /** Requests answered with 2xx, and everything else (status 0 = no response: reset, timeout). */
  ok: number;
  errors: number;
  statuses: Record<string, number>;
  requestsPerSecond: number;
  /** Answers acknowledged with 2xx per second (for the floor: requests in an answer's place). */
  answersPerSecond: number;
  all: LatencySummary;
  byOp: Partial<Record<Op | "answer-slot", LatencySummary>>;
  /** CPU used during the phase, as a share of one core (1.0 = one core fully busy). */
  serverCpu: number;
  loadGeneratorCpu: number;
  /** Per core, the share used by everything else on the machine (core 0 = the server's when pinned). */
  otherCpu?: number[];
  /** The server's event loop during the phase (from tooling/server-probe.mjs), when probed. */
  eventLoop?: { delayP99WorstSecondMs: number; delayMaxMs: number; gcShare: number; gcMaxMs: number };
  /** Requests completed in each second of the phase, with their p50/p95/max latency. */
  timeline?: { second: number; requests: number; p50: number; p95: number; max: number }[];
  /** Quizzes finished, answers acknowledged (quiz phases). */
  quizzesFinished?: number;
  answersAcknowledged?: number;
};

const round = (value: number) => Math.round(value * 10) / 10;

/** Nearest-rank percentile of an ascending array. */
/** The middle value; the mean of the two middle ones for an even count (NaN for none). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? Number.NaN;
}

export function summarise(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((total, v) => total + v, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

/** Collects the samples of one phase. `answerSlot` marks floor requests made where the quiz answers. */
export class Recorder {
  readonly samples: Sample[] = [];
  readonly answerSlots: number[] = [];
  private first = Number.POSITIVE_INFINITY;
  private last = 0;

  add(op: Op, startedAt: number, endedAt: number, status: number, answerSlot = false): void {
    const ms = endedAt - startedAt;
    this.samples.push({ op, ms, status, at: endedAt });
    if (answerSlot && status >= 200 && status < 300) this.answerSlots.push(ms);
    this.first = Math.min(this.first, startedAt);
    this.last = Math.max(this.last, endedAt);
  }

  summary(name: string, cpu: { server: number; loadGenerator: number }): PhaseStats {
    const seconds = this.samples.length ? (this.last - this.first) / 1000 : 0;
    const statuses: Record<string, number> = {};
    for (const s of this.samples) statuses[String(s.status)] = (statuses[String(s.status)] ?? 0) + 1;
    const ok = this.samples.filter((s) => s.status >= 200 && s.status < 300).length;
    const byOp: PhaseStats["byOp"] = {};
    for (const op of ["start", "answer", "finish", "floor", "duplicate"] as const) {
      const values = this.samples.filter((s) => s.op === op).map((s) => s.ms);
      if (values.length) byOp[op] = summarise(values);
    }
    if (this.answerSlots.length) byOp["answer-slot"] = summarise(this.answerSlots);
    const answered = this.samples.filter((s) => s.op === "answer" && s.status >= 200 && s.status < 300).length;
    const buckets = new Map<number, number[]>();
    for (const sample of this.samples) {
      const second = Math.floor((sample.at - this.first) / 1000);
      buckets.set(second, [...(buckets.get(second) ?? []), sample.ms]);
    }
    const timeline = [...buckets]
      .sort(([a], [b]) => a - b)
      .map(([second, values]) => {
        const l = summarise(values);
        return { second, requests: l.count, p50: round(l.p50), p95: round(l.p95), max: round(l.max) };
      });
    return {
      name,
      seconds,
      timeline,
      requests: this.samples.length,
      ok,
      errors: this.samples.length - ok,
      statuses,
      requestsPerSecond: seconds ? this.samples.length / seconds : 0,
      answersPerSecond: seconds ? (answered || this.answerSlots.length) / seconds : 0,
      all: summarise(this.samples.map((s) => s.ms)),
      byOp,
      serverCpu: cpu.server,
      loadGeneratorCpu: cpu.loadGenerator,
    };
  }
}

/** A small seeded generator (mulberry32), so a run's think times and wrong answers can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
