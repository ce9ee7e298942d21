// The main thread's blocking time while a page loads, from a real Chromium trace at 4× CPU
// throttling (Chromium's own throttle, not Lighthouse's simulation): as TBT counts it, each task
// clipped to start no earlier than the first contentful paint, and its time beyond 50 ms; TBT ends
// at time-to-interactive, this 5 s after the load event. Lighthouse's simulated TBT on this
// machine moves by ±40 % from run to run; this moves less, so the bench reports both (decision 0053).
//
// As a module: `measureMainThread({ baseUrl, pages, runs })`, pages loaded in turn, a fresh browser
// for every load, on a production server that is already up.
import { chromium } from "@playwright/test";
import { chromiumExecutable } from "../tooling/browser";
import { median } from "../tooling/stats";

export type MainThreadPage = { name: string; path: string; cookie: string | null };
export type MainThreadRow = { name: string; path: string; runs: number[]; medianMs: number; longTasks: number };

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string } };

/** A mid-range phone against this machine, as Lighthouse's mobile profile assumes. */
const CPU_SLOWDOWN = 4;
const LONG_TASK_MS = 50;
const SETTLE_MS = 5000;

/** Blocking time after FCP on the page's renderer main thread, and how many long tasks (after clipping) made it. */
export function blockingFromTrace(events: TraceEvent[]): { blockingMs: number; longTasks: number } {
  const busy = new Map<string, number>();
  for (const e of events) if (e.name === "RunTask" && e.ph === "X") busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
  // The page's renderer: the busiest renderer main thread that painted content.
  const mains = events
    .filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain")
    .filter((m) => events.some((e) => e.pid === m.pid && e.name === "firstContentfulPaint"))
    .sort((a, b) => (busy.get(`${b.pid}:${b.tid}`) ?? 0) - (busy.get(`${a.pid}:${a.tid}`) ?? 0));
  const main = mains[0];
  if (!main) throw new Error("the trace has no renderer that painted: did the page load?");
  const fcp = events.find((e) => e.pid === main.pid && e.name === "firstContentfulPaint")?.ts ?? 0;
  let blockingMs = 0;
  let longTasks = 0;
  for (const e of events) {
    if (e.pid !== main.pid || e.tid !== main.tid || e.name !== "RunTask" || e.ph !== "X") continue;
    // Clipped at the first paint, as Lighthouse does: what ran before it blocked nobody.
    const ms = (e.ts + (e.dur ?? 0) - Math.max(e.ts, fcp)) / 1000;
    if (ms <= LONG_TASK_MS) continue;
    blockingMs += ms - LONG_TASK_MS;
    longTasks++;
  }
  return { blockingMs, longTasks };
}

async function loadOnce(url: string, cookie: string | null): Promise<{ blockingMs: number; longTasks: number }> {
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ["--no-sandbox"] });
  try {
    // Lighthouse's mobile screen.
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1.75 });
    if (cookie) await context.setExtraHTTPHeaders({ cookie });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "loading"] });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForTimeout(SETTLE_MS);
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    return blockingFromTrace(trace.traceEvents);
  } finally {
    await browser.close();
  }
}

/** Each page `runs` times, the pages taking turns so that a busy moment of the machine hits them alike. */
export async function measureMainThread({
  baseUrl,
  pages,
  runs = 5,
  log = console.log,
}: {
  baseUrl: string;
  pages: MainThreadPage[];
  runs?: number;
  log?: (line: string) => void;
}): Promise<MainThreadRow[]> {
  const results = pages.map((page) => ({ page, runs: [] as number[], longTasks: [] as number[] }));
  for (let run = 1; run <= runs; run++) {
    for (const result of results) {
      const { blockingMs, longTasks } = await loadOnce(`${baseUrl.replace(/\/$/, "")}${result.page.path}`, result.page.cookie);
      result.runs.push(Math.round(blockingMs));
      result.longTasks.push(longTasks);
      log(`  ${result.page.name} (${run}/${runs}): ${Math.round(blockingMs)} ms blocking in ${longTasks} long tasks`);
    }
  }
  return results.map(({ page, runs: values, longTasks }) => ({
    name: page.name,
    path: page.path,
    runs: values,
    medianMs: Math.round(median(values)),
    longTasks: Math.round(median(longTasks)),
  }));
}

export function mainThreadMarkdown(rows: MainThreadRow[]): string {
  return [
    "| page | blocking time at 4× CPU (median) | long tasks (median) | every run |",
    "|---|---:|---:|---|",
    ...rows.map((row) => `| ${row.name} | ${row.medianMs} ms | ${row.longTasks} | ${row.runs.join(", ")} ms |`),
  ].join("\n");
}
