// npm run bench:lighthouse [-- --rounds 3 --build auto|always|never --base-url http://…]
//
// Lighthouse (mobile profile, the default) on five pages: home, a lesson, the timeline, a student's
// quiz attempt and the teacher's gradebook. Every run gets a fresh Chromium; each page runs
// `rounds` times and the report gives the median per category and metric, and the audits that
// failed in any round for a category under its goal.
//
// As a module, `runLighthouse({ baseUrl, rounds })` runs against a production server that is
// already up on a seeded database (the demo accounts must exist). Run alone, it starts one on a
// fresh SQLite file (tooling/seeded-app.ts) and writes bench/results/lighthouse-latest.md and .json.
// Never run it during a load test: Lighthouse calibrates against the CPU it finds.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { launch } from "chrome-launcher";
import lighthouse, { type Flags, type Result } from "lighthouse";
import { DEMO_PASSWORD, DEMO_STUDENT, DEMO_TEACHER, playDemoClass } from "../tooling/demo-class";
import { chromiumExecutable } from "../tooling/browser";
import { HttpSession, signIn } from "../tooling/http";
import { machine } from "../tooling/next-server";
import { median } from "../tooling/stats";
import { startSeededApp } from "../tooling/seeded-app";

const ROOT = path.resolve(import.meta.dirname, "..");

/**
 * Headless Debian Chromium as Lighthouse 12 needs it: no sandbox (runs as root in containers), no GPU,
 * and none of the background traffic (updates, sync) that would land inside a measured run.
 */
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
type Category = (typeof CATEGORIES)[number];

/** The issue's goals, as Lighthouse scores (0–100). */
export const GOALS: Record<Category, number> = { performance: 95, accessibility: 100, "best-practices": 100, seo: 95 };

const LESSON_SLUG = "the-eye-of-the-beholder";

export type LighthousePage = { name: string; path: string; as: "anonymous" | "student" | "teacher" };

export type LighthouseRound = {
  scores: Record<Category, number>;
  metrics: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number; speedIndexMs: number };
  /** Lighthouse's own CPU benchmark for this run: lower means a slower or busier machine. */
  benchmarkIndex: number;
  loadAverage1m: number;
  failing: Partial<Record<Category, string[]>>;
  runWarnings: string[];
};

export type LighthouseRow = LighthousePage & {
  rounds: number;
  median: Omit<LighthouseRound, "failing" | "runWarnings">;
  /** Audit ids that failed, with the number of rounds they failed in, for categories whose median misses its goal. */
  failing: Partial<Record<Category, { id: string; rounds: number }[]>>;
  goalsMet: Record<Category, boolean>;
  runWarnings: string[];
  perRound: LighthouseRound[];
};

export type LighthouseOptions = {
  baseUrl: string;
  rounds?: number;
  chromePath?: string;
  log?: (line: string) => void;
  /** Keep every run's full Lighthouse result here (<page>-<round>.json, for the Lighthouse viewer). */
  saveReports?: string;
  /** Only these pages (by name: home, lesson, timeline, quiz, gradebook); all by default. */
  only?: string[];
  /** Measure these pages instead of the five (a bench section with pages of its own). */
  pages?: LighthousePage[];
};

/** Signs in over HTTP like the form does; returns the session's Cookie header. */
export async function sessionCookie(baseUrl: string, email: string): Promise<string> {
  const url = new URL(baseUrl);
  const session = new HttpSession(Number(url.port || 80), url.hostname);
  try {
    if (!(await signIn(session, email, DEMO_PASSWORD)))
      throw new Error(`could not sign in as ${email} at ${baseUrl} (is the database seeded with the demo accounts?)`);
    return session.cookieHeader();
  } finally {
    session.close();
  }
}

/** The demo student's lesson quiz, started (or resumed) through the quiz API. */
async function studentQuizPath(baseUrl: string, cookie: string): Promise<string> {
  const headers = { cookie, "content-type": "application/json", accept: "application/json" };
  const started = await fetch(`${baseUrl}/api/v1/attempts`, { method: "POST", headers, body: JSON.stringify({ kind: "LESSON", scopeId: LESSON_SLUG }) });
  if (!started.ok) throw new Error(`POST /api/v1/attempts answered ${started.status}: ${await started.text()}`);
  const { attempt } = (await started.json()) as { attempt: { id: string } };
  return `/quiz/attempt/${attempt.id}`;
}

/** The demo class's reports page, with its gradebook: the class is played through the app first if there is none. */
async function gradebookPath(baseUrl: string, log: (line: string) => void): Promise<string> {
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch(executablePath ? { executablePath } : {});
  try {
    return (await playDemoClass(browser, baseUrl, log)).reportsPath;
  } finally {
    await browser.close();
  }
}

function failingAudits(lhr: Result, category: Category): string[] {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  return refs
    .filter((ref) => {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null) return false;
      if (["notApplicable", "informative", "manual"].includes(audit.scoreDisplayMode)) return false;
      // Performance: the weighted metrics below "good", and diagnostics Lighthouse marks as failing.
      if (category === "performance") return ref.weight > 0 ? audit.score < 0.9 : audit.score < 0.5;
      return audit.score < 1;
    })
    .map((ref) => ref.id);
}

async function runOnce(url: string, cookie: string | null, chromePath: string, saveAs: string | null): Promise<LighthouseRound> {
  const loadAverage1m = os.loadavg()[0] ?? NaN;
  // A fresh browser (and profile) per run: nothing cached, nothing left over from the last page.
  const chrome = await launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: "silent" });
  try {
    const flags: Flags = {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
      extraHeaders: cookie ? { Cookie: cookie } : undefined,
    };
    const result = await lighthouse(url, flags);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    if (saveAs) fs.writeFileSync(saveAs, JSON.stringify(lhr));
    const score = (category: Category) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
    const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    const scores = { performance: score("performance"), accessibility: score("accessibility"), "best-practices": score("best-practices"), seo: score("seo") };
    const failing: Partial<Record<Category, string[]>> = {};
    for (const category of CATEGORIES) {
      const ids = failingAudits(lhr, category);
      if (ids.length) failing[category] = ids;
    }
    return {
      scores,
      metrics: {
        fcpMs: numeric("first-contentful-paint"),
        lcpMs: numeric("largest-contentful-paint"),
        tbtMs: numeric("total-blocking-time"),
        cls: numeric("cumulative-layout-shift"),
        speedIndexMs: numeric("speed-index"),
      },
      benchmarkIndex: lhr.environment.benchmarkIndex,
      loadAverage1m,
      failing,
      runWarnings: lhr.runWarnings,
    };
  } finally {
    chrome.kill();
  }
}

function summarise(page: LighthousePage, rounds: LighthouseRound[]): LighthouseRow {
  const pick = <T>(get: (round: LighthouseRound) => T) => rounds.map(get);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, median(pick((r) => r.scores[c]))])) as Record<Category, number>;
  const goalsMet = Object.fromEntries(CATEGORIES.map((c) => [c, scores[c] >= GOALS[c]])) as Record<Category, boolean>;
  const failing: LighthouseRow["failing"] = {};
  for (const category of CATEGORIES) {
    if (goalsMet[category]) continue;
    const counts = new Map<string, number>();
    for (const round of rounds) for (const id of round.failing[category] ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
    failing[category] = [...counts].map(([id, count]) => ({ id, rounds: count })).sort((a, b) => b.rounds - a.rounds);
  }
  return {
    ...page,
    rounds: rounds.length,
    median: {
      scores,
      metrics: {
        fcpMs: median(pick((r) => r.metrics.fcpMs)),
        lcpMs: median(pick((r) => r.metrics.lcpMs)),
        tbtMs: median(pick((r) => r.metrics.tbtMs)),
        cls: median(pick((r) => r.metrics.cls)),
        speedIndexMs: median(pick((r) => r.metrics.speedIndexMs)),
      },
      benchmarkIndex: median(pick((r) => r.benchmarkIndex)),
      loadAverage1m: median(pick((r) => r.loadAverage1m)),
    },
    failing,
    goalsMet,
    runWarnings: [...new Set(rounds.flatMap((r) => r.runWarnings))],
    perRound: rounds,
  };
}

/**
 * Lighthouse sometimes fails to record a trace (NO_NAVSTART, NO_FCP) on a page that loads fine;
 * its own advice is to run it again. Such a run is repeated (at most twice, and said so); any
 * other error stops the bench.
 */
async function runWithRetry(
  url: string,
  cookie: string | null,
  chromePath: string,
  saveAs: string | null,
  log: (line: string) => void,
): Promise<LighthouseRound> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runOnce(url, cookie, chromePath, saveAs);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (attempt >= 3 || !/NO_NAVSTART|NO_FCP|Please run Lighthouse again/.test(message)) throw error;
      log(`    Lighthouse could not record this run (${message.split(":").slice(-2).join(":").trim().slice(0, 80)}); running it again`);
    }
  }
}

/** Lighthouse on the five pages against a running production server with the demo accounts. */
export async function runLighthouse({
  baseUrl,
  rounds = 3,
  chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium",
  log = console.log,
  saveReports,
  only,
  pages: ownPages,
}: LighthouseOptions): Promise<LighthouseRow[]> {
  const base = baseUrl.replace(/\/$/, "");
  log("Signing in the demo student and teacher over HTTP…");
  const student = await sessionCookie(base, DEMO_STUDENT);
  const teacher = await sessionCookie(base, DEMO_TEACHER);
  const wanted = (name: string) => !only || only.some((word) => name.includes(word));
  const pages: LighthousePage[] = ownPages
    ? [...ownPages]
    : [
        { name: "home", path: "/", as: "anonymous" },
        { name: "lesson", path: `/lessons/${LESSON_SLUG}`, as: "anonymous" },
        { name: "timeline", path: "/timeline", as: "anonymous" },
      ];
  // The signed-in pages need data first: made only when they are measured.
  if (!ownPages && wanted("quiz")) pages.push({ name: "quiz", path: await studentQuizPath(base, student), as: "student" });
  if (!ownPages && wanted("teacher gradebook")) pages.push({ name: "teacher gradebook", path: await gradebookPath(base, log), as: "teacher" });
  const cookies = { anonymous: null, student, teacher };
  if (saveReports) fs.mkdirSync(saveReports, { recursive: true });
  // The pages take turns, round by round, so a machine that slows down or speeds up during the
  // run moves every page's figures alike, and pages measured together can be compared.
  const measured = pages.filter((p) => wanted(p.name));
  const results = new Map<LighthousePage, LighthouseRound[]>(measured.map((page) => [page, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const page of measured) {
      const saveAs = saveReports ? path.join(saveReports, `${page.name.replace(/\W+/g, "-")}-${round}.json`) : null;
      const result = await runWithRetry(`${base}${page.path}`, cookies[page.as], chromePath, saveAs, log);
      log(
        `  ${page.name} (${round}/${rounds}): ${CATEGORIES.map((c) => `${c} ${result.scores[c]}`).join(", ")}; LCP ${Math.round(result.metrics.lcpMs)} ms, TBT ${Math.round(result.metrics.tbtMs)} ms; load ${result.loadAverage1m.toFixed(2)}`,
      );
      results.get(page)?.push(result);
    }
  }
  return measured.map((page) => summarise(page, results.get(page) ?? []));
}

const fmtMs = (value: number) => (Number.isFinite(value) ? `${(value / 1000).toFixed(2)} s` : "–");
const scoreCell = (row: LighthouseRow, category: Category) => `${row.median.scores[category]}${row.goalsMet[category] ? "" : " ✗"}`;

/** The results as a Markdown table, with the failing audits under it. */
export function lighthouseMarkdown(rows: LighthouseRow[]): string {
  const lines = [
    `| page | path | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | CPU benchmark | load avg (1 min) |`,
    `|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
  ];
  for (const row of rows) {
    const m = row.median.metrics;
    lines.push(
      `| ${row.name} | \`${row.path
        .replace(/attempt\/[^/]+$/, "attempt/<id>")
        .replace(/classes\/[^/]+\/reports$/, "classes/<id>/reports")
        .replace(
          /articles\/[^/]+$/,
          "articles/<id>",
        )}\` | ${CATEGORIES.map((c) => scoreCell(row, c)).join(" | ")} | ${fmtMs(m.fcpMs)} | ${fmtMs(m.lcpMs)} | ${Math.round(m.tbtMs)} ms | ${m.cls.toFixed(3)} | ${Math.round(row.median.benchmarkIndex)} | ${row.median.loadAverage1m.toFixed(2)} |`,
    );
  }
  lines.push(``, `Medians of ${rows[0]?.rounds ?? 0} runs per page. Goals: ${CATEGORIES.map((c) => `${c} ≥ ${GOALS[c]}`).join(", ")}; ✗ marks a miss.`);
  const misses = rows.flatMap((row) =>
    Object.entries(row.failing).map(
      ([category, audits]) =>
        `- ${row.name}, ${category}: ${audits.map((a) => `\`${a.id}\` (${a.rounds}/${row.rounds})`).join(", ") || "no single audit failed in every round"}`,
    ),
  );
  if (misses.length) lines.push(``, `Failing audits (in how many runs):`, ``, ...misses);
  const warnings = rows.flatMap((row) => row.runWarnings.map((w) => `- ${row.name}: ${w}`));
  if (warnings.length) lines.push(``, `Lighthouse warnings:`, ``, ...warnings);
  return lines.join("\n");
}

async function main() {
  const { values } = parseArgs({
    options: {
      rounds: { type: "string", default: "3" },
      build: { type: "string", default: "auto" },
      "base-url": { type: "string" },
      port: { type: "string" },
      out: { type: "string", default: path.join(ROOT, "bench", "results") },
      "save-reports": { type: "string" },
      only: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(`Usage: npm run bench:lighthouse -- [--rounds N] [--build auto|always|never] [--port P] [--base-url URL] [--out DIR]
  --base-url      use a server that is already running (seeded with the demo accounts) instead of starting one
  --save-reports  a folder for every run's full Lighthouse result (JSON; open it in the Lighthouse viewer)
  --only LIST     some of the pages, e.g. --only home,gradebook (home, lesson, timeline, quiz, gradebook)`);
    return;
  }
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error("--rounds must be a whole number ≥ 1");
  if (!["auto", "always", "never"].includes(values.build)) throw new Error("--build must be auto, always or never");

  const app = values["base-url"]
    ? { baseUrl: values["base-url"], build: "a server already running", stop: async () => undefined }
    : await startSeededApp({ name: "lighthouse", build: values.build as "auto" | "always" | "never", port: values.port ? Number(values.port) : undefined });
  const started = new Date();
  let rows: LighthouseRow[];
  try {
    rows = await runLighthouse({ baseUrl: app.baseUrl, rounds, saveReports: values["save-reports"], only: values.only?.split(",").map((name) => name.trim()) });
  } finally {
    await app.stop();
  }
  const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
  const m = machine();
  const table = lighthouseMarkdown(rows);
  const markdown = [
    `# Lighthouse: latest run`,
    ``,
    `Written by \`bench/lighthouse.ts\` (${started.toISOString()}). Command: \`npm run bench:lighthouse -- --rounds ${rounds}\`. Code: commit ${commit}; production build ${app.build}.`,
    ``,
    `**Machine:** ${m.cpuModel}, ${m.cores} cores, Node ${m.node}. Lighthouse 12 (mobile profile, simulated throttling), Chromium at \`${process.env.CHROME_PATH ?? "/usr/bin/chromium"}\`, a fresh browser per run. ` +
      `Performance depends on what else the machine is doing: the CPU benchmark (Lighthouse's \`benchmarkIndex\`) and the load average are given per page.`,
    ``,
    table,
    ``,
  ].join("\n");
  console.log(`\n${table}`);
  fs.mkdirSync(values.out, { recursive: true });
  fs.writeFileSync(path.join(values.out, "lighthouse-latest.md"), markdown);
  fs.writeFileSync(
    path.join(values.out, "lighthouse-latest.json"),
    `${JSON.stringify({ date: started.toISOString(), commit, build: app.build, machine: m, goals: GOALS, rows }, null, 2)}\n`,
  );
  console.log(`\nWrote ${path.relative(ROOT, path.join(values.out, "lighthouse-latest.md"))} and .json`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
