// Page throughput and latency against the trivial static page (/bench/static) of the same build,
// served by the same server, measured side by side in one run: rounds of every route in turn,
// medians of the rounds. Called by bench/run.ts (npm run bench) against a running server.
import autocannon from "autocannon";
import { percentile } from "./lib/stats";

export type PageRoute = { label: string; path: string };

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

const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);

/** One route for one round; `latencies` ascending. */
type Round = { requestsPerSecond: number; latencies: number[]; requests: number; errors: number; bytes: number };

function measure(url: string, connections: number, seconds: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let errors = 0;
    const instance = autocannon({ url, connections, duration: seconds, headers: { accept: "text/html" } }, (error, result) => {
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
export async function runPages(options: { baseUrl: string; routes: PageRoute[]; connections?: number; seconds?: number; rounds?: number; warmupSeconds?: number }): Promise<PagesResult> {
  const { baseUrl, connections = 16, seconds = 8, rounds = 3, warmupSeconds = 3 } = options;
  const routes = [TRIVIAL_PAGE, ...options.routes.filter((r) => r.path !== TRIVIAL_PAGE.path)];
  for (const route of routes) {
    const check = await fetch(new URL(route.path, baseUrl));
    if (check.status !== 200) throw new Error(`${route.path} answered ${check.status}; every measured page must be a 200.`);
    await measure(new URL(route.path, baseUrl).href, connections, warmupSeconds);
  }
  const perRoute = new Map<string, Round[]>(routes.map((r) => [r.path, []]));
  for (let round = 0; round < rounds; round++) {
    const order = routes.map((_, i) => routes[(i + round) % routes.length]).filter((r): r is PageRoute => r !== undefined);
    for (const route of order) {
      const measured = await measure(new URL(route.path, baseUrl).href, connections, seconds);
      perRoute.get(route.path)?.push(measured);
      console.log(`  round ${round + 1}: ${route.path.padEnd(28)} ${measured.requestsPerSecond.toFixed(0).padStart(6)} req/s  p95 ${percentile(measured.latencies, 95).toFixed(1)} ms`);
    }
  }
  const rows = routes.map((route): PageRow => {
    const measured = perRoute.get(route.path) ?? [];
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
