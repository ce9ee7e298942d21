// Page throughput and latency against the trivial static page (/bench/static) of the same build,
// served by the same server, measured side by side in one run: rounds of every route in turn,
// medians of the rounds. Called by bench/run.ts (npm run bench) against a running server.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { percentile } from "../tooling/stats";

/** `headers`: sent with every request (a signed-in reader's cookie). Routes are told apart by label. */
export type PageRoute = { label: string; path: string; headers?: Record<string, string> };

export type PageRow = {
  label: string;
  path: string;
  /** Medians over the rounds. */
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Per round, in the order measured. */
  rounds: { requestsPerSecond: number; p95: number }[];
  requests: number;
  errors: number;
  bytesPerResponse: number;
  /** Median requests per second ÷ the trivial page's; 1 for the trivial page itself. */
  ratio: number;
};

export type PagesResult = { connections: number; seconds: number; rounds: number; trivial: string; rows: PageRow[] };

export const TRIVIAL_PAGE: PageRoute = { label: "trivial static page", path: "/bench/static" };

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/** One route for one round; `latencies` ascending. */
type Round = { requestsPerSecond: number; latencies: number[]; requests: number; errors: number; bytes: number };

function measure(url: string, connections: number, seconds: number, headers: Record<string, string> = {}): Promise<Round> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let errors = 0;
    const instance = autocannon({ url, connections, duration: seconds, headers: { accept: "text/html", ...headers } }, (error, result) => {
      if (error) return reject(error instanceof Error ? error : new Error(String(error)));
      resolve({
        requestsPerSecond: result.requests.total / seconds,
        latencies: latencies.sort((a, b) => a - b),
        requests: result.requests.total,
        errors: errors + result.errors + result.timeouts,
        bytes: result.throughput.total,
      });
    });
    // autocannon's summary has p97.5 but no p95: keep every response time and compute it here.
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode !== 200) errors += 1;
    });
  });
}

/**
 * Rounds × routes, each round visiting every route once (in a rotated order, so no route always
 * runs first or right after another one), after an unmeasured warm-up of each route.
 */
export async function runPages(options: {
  baseUrl: string;
  routes: PageRoute[];
  connections?: number;
  seconds?: number;
  rounds?: number;
  warmupSeconds?: number;
}): Promise<PagesResult> {
  const { baseUrl, connections = 16, seconds = 8, rounds = 3, warmupSeconds = 3 } = options;
  const routes = [TRIVIAL_PAGE, ...options.routes.filter((r) => r.path !== TRIVIAL_PAGE.path)];
  for (const route of routes) {
    const check = await fetch(new URL(route.path, baseUrl), { headers: route.headers ?? {}, redirect: "manual" });
    if (check.status !== 200) throw new Error(`${route.path} answered ${check.status}; every measured page must be a 200.`);
    await measure(new URL(route.path, baseUrl).href, connections, warmupSeconds, route.headers);
  }
  const perRoute = new Map<string, Round[]>(routes.map((r) => [r.label, []]));
  for (let round = 0; round < rounds; round++) {
    const order = routes.map((_, i) => routes[(i + round) % routes.length]).filter((r): r is PageRoute => r !== undefined);
    for (const route of order) {
      const measured = await measure(new URL(route.path, baseUrl).href, connections, seconds, route.headers);
      perRoute.get(route.label)?.push(measured);
      console.log(
        `  round ${round + 1}: ${route.label.padEnd(36)} ${measured.requestsPerSecond.toFixed(0).padStart(6)} req/s  p95 ${percentile(measured.latencies, 95).toFixed(1)} ms`,
      );
    }
  }
  const rows = routes.map((route): PageRow => {
    const measured = perRoute.get(route.label) ?? [];
    const all = measured.flatMap((m) => m.latencies).sort((a, b) => a - b);
    const requests = measured.reduce((sum, m) => sum + m.requests, 0);
    return {
      label: route.label,
      path: route.path,
      requestsPerSecond: median(measured.map((m) => m.requestsPerSecond)),
      p50: median(measured.map((m) => percentile(m.latencies, 50))),
      p95: median(measured.map((m) => percentile(m.latencies, 95))),
      p99: percentile(all, 99),
      rounds: measured.map((m) => ({ requestsPerSecond: m.requestsPerSecond, p95: percentile(m.latencies, 95) })),
      requests,
      errors: measured.reduce((sum, m) => sum + m.errors, 0),
      bytesPerResponse: requests > 0 ? measured.reduce((sum, m) => sum + m.bytes, 0) / requests : 0,
      ratio: 0,
    };
  });
  const trivial = rows[0]?.requestsPerSecond ?? 0;
  for (const row of rows) row.ratio = trivial > 0 ? row.requestsPerSecond / trivial : 0;
  return { connections, seconds, rounds, trivial: TRIVIAL_PAGE.path, rows };
}

export type ReferenceRow = { label: string; body: "string" | "Buffer"; bytes: number; requestsPerSecond: number; p95: number; ratio: number };
export type ReferenceResult = { rounds: number; seconds: number; rows: ReferenceRow[] };

/**
 * The same bytes without the framework: the trivial page's and a lesson's HTML, fetched from the
 * running app, served by bench/lib/bare-page-server.mjs on `core` (where the app's server runs),
 * each once from a string (as Next.js sends a prerendered page) and once from a Buffer. If a bare
 * Node server already serves the lesson at a fraction of the trivial page's rate, the gap is the
 * bytes, not the app.
 */
export async function runBareNodeReference(options: {
  baseUrl: string;
  pages: { name: string; label: string; path: string }[];
  core: number | null;
  connections?: number;
  seconds?: number;
  rounds?: number;
}): Promise<ReferenceResult> {
  const { baseUrl, pages, core, connections = 16, seconds = 5, rounds = 2 } = options;
  const bodies: Record<string, string> = {};
  for (const page of pages) {
    const response = await fetch(new URL(page.path, baseUrl), { headers: { accept: "text/html" } });
    if (response.status !== 200) throw new Error(`${page.path} answered ${response.status}`);
    bodies[page.name] = await response.text();
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-bare-"));
  const file = path.join(dir, "bodies.json");
  fs.writeFileSync(file, JSON.stringify(bodies));
  const script = path.join(import.meta.dirname, "lib", "bare-page-server.mjs");
  const [command, args] = core === null ? [process.execPath, [script, file]] : ["taskset", ["-c", String(core), process.execPath, script, file]];
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "inherit"] });
  try {
    // The server prints the free port it got; exiting first means it failed (its error is on stderr).
    const port = await new Promise<number>((resolve, reject) => {
      let output = "";
      child.stdout?.on("data", (chunk: Buffer) => {
        output += chunk.toString("utf8");
        if (output.includes("\n")) resolve(Number(output.trim()));
      });
      child.once("exit", (code) => reject(new Error(`the bare Node page server exited (${code}) before listening`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const variants = pages.flatMap((page) =>
      (["string", "Buffer"] as const).map((body) => ({ page, body, url: `${base}/${page.name}${body === "Buffer" ? "?buffer" : ""}` })),
    );
    for (const variant of variants) await measure(variant.url, connections, 2);
    const perVariant = new Map<string, Round[]>();
    for (let round = 0; round < rounds; round++) {
      for (const variant of variants) {
        const measured = await measure(variant.url, connections, seconds);
        perVariant.set(variant.url, [...(perVariant.get(variant.url) ?? []), measured]);
        console.log(
          `  bare Node, round ${round + 1}: ${variant.page.name.padEnd(10)} from a ${variant.body.padEnd(6)} ${measured.requestsPerSecond.toFixed(0).padStart(7)} req/s`,
        );
      }
    }
    const rows = variants.map((variant): ReferenceRow => {
      const measured = perVariant.get(variant.url) ?? [];
      return {
        label: variant.page.label,
        body: variant.body,
        bytes: Buffer.byteLength(bodies[variant.page.name] ?? ""),
        requestsPerSecond: median(measured.map((m) => m.requestsPerSecond)),
        p95: median(measured.map((m) => percentile(m.latencies, 95))),
        ratio: 0,
      };
    });
    // Each row against the first page (the trivial one) sent the same way.
    for (const row of rows) {
      const trivial = rows.find((r) => r.body === row.body);
      row.ratio = trivial && trivial.requestsPerSecond > 0 ? row.requestsPerSecond / trivial.requestsPerSecond : 0;
    }
    return { rounds, seconds, rows };
  } finally {
    child.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
