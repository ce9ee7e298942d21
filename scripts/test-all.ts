// `npm test`: lint, typecheck, the dependency audit, unit tests, database suites, then against a
// production build the reliability tests (their own servers: crash, lock, backup, two servers on
// one PostgreSQL) and the browser suite, in that order. Every step runs even when an earlier one
// fails, so one run shows everything that is wrong; the last line is the total, `N passed, N failed`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

type Step = { name: string; command: string[]; report?: { file: string; read: (json: unknown) => Report } };
type Counts = { passed: number; failed: number; skipped: number };
// `failures` names each failed test with the first line of its error, so the end of a long CI log
// says what broke without scrolling back through server output.
type Report = Counts & { failures: string[] };

// The runners colour their messages; the summary is plain text.
const firstLine = (message: string | undefined) =>
  (message ?? "")
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .find((line) => line.trim() !== "")
    ?.trim()
    .slice(0, 200) ?? "";

const reports = path.resolve("test-results");
fs.mkdirSync(reports, { recursive: true });

type VitestJson = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; message?: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
};
const vitestReport = (json: unknown): Report => {
  const r = json as VitestJson;
  const failures = r.testResults.flatMap((file) => {
    const where = path.relative(process.cwd(), file.name);
    const tests = file.assertionResults.filter((test) => test.status === "failed");
    // A file that failed to load (or a failing hook) has no failed test but a message.
    if (tests.length === 0 && file.message) return [`${where}: ${firstLine(file.message)}`];
    return tests.map((test) => `${where} › ${test.fullName}: ${firstLine(test.failureMessages[0])}`);
  });
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests, failures };
};

type PlaywrightSuite = {
  file: string;
  suites?: PlaywrightSuite[];
  specs: { title: string; ok: boolean; tests: { projectName: string; results: { error?: { message?: string } }[] }[] }[];
};
const playwrightReport = (json: unknown): Report => {
  const r = json as { suites: PlaywrightSuite[]; stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  const failures: string[] = [];
  const visit = (suite: PlaywrightSuite) => {
    for (const spec of suite.specs) {
      if (spec.ok) continue;
      for (const test of spec.tests) {
        const error = test.results.find((result) => result.error)?.error?.message;
        failures.push(`${suite.file} › [${test.projectName}] ${spec.title}: ${firstLine(error)}`);
      }
    }
    suite.suites?.forEach(visit);
  };
  r.suites.forEach(visit);
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped, failures };
};

const steps: Step[] = [
  { name: "lint", command: ["npm", "run", "lint"] },
  { name: "typecheck", command: ["npm", "run", "typecheck"] },
  {
    // High or critical advisories in production dependencies fail; see scripts/audit.ts.
    name: "audit",
    command: ["npx", "tsx", "scripts/audit.ts", "--report", `${reports}/audit.json`],
    report: { file: `${reports}/audit.json`, read: (json) => ({ ...(json as Counts), failures: [] }) },
  },
  {
    name: "unit",
    command: ["npx", "vitest", "run", "--project", "unit", "--reporter=default", "--reporter=json", `--outputFile.json=${reports}/unit.json`],
    report: { file: `${reports}/unit.json`, read: vitestReport },
  },
  {
    name: "database",
    command: [
      "npx",
      "vitest",
      "run",
      "--project",
      "integration",
      "--project",
      "db",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${reports}/db.json`,
    ],
    report: { file: `${reports}/db.json`, read: vitestReport },
  },
  { name: "build", command: ["npm", "run", "build"] },
  {
    name: "reliability",
    command: ["npx", "vitest", "run", "--project", "reliability", "--reporter=default", "--reporter=json", `--outputFile.json=${reports}/reliability.json`],
    report: { file: `${reports}/reliability.json`, read: vitestReport },
  },
  {
    name: "e2e",
    command: ["npx", "playwright", "test", "--reporter=list,json"],
    report: { file: `${reports}/e2e.json`, read: playwrightReport },
  },
];

const results: { name: string; ok: boolean; seconds: number; counts?: Report }[] = [];
for (const step of steps) {
  console.log(`\n━━ ${step.name}: ${step.command.join(" ")}`);
  if (step.report) fs.rmSync(step.report.file, { force: true });
  const started = Date.now();
  const run = spawnSync(step.command[0] ?? "", step.command.slice(1), {
    stdio: "inherit",
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json` },
  });
  const seconds = (Date.now() - started) / 1000;
  let counts: Report | undefined;
  if (step.report && fs.existsSync(step.report.file)) counts = step.report.read(JSON.parse(fs.readFileSync(step.report.file, "utf8")));
  results.push({ name: step.name, ok: run.status === 0, seconds, counts });
}

// CI runs this on more than one Node (.ci/run): the summary says which one it was.
console.log(`\n━━ Summary (Node ${process.version}, ${process.platform} ${process.arch})`);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const result of results) {
  // A step without its own test counts (lint, typecheck, build) counts as one check.
  const counts = result.counts ?? { passed: result.ok ? 1 : 0, failed: result.ok ? 0 : 1, skipped: 0 };
  if (!result.ok && counts.failed === 0) counts.failed = 1; // a runner that crashed still fails
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
  const detail = result.counts
    ? `${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}`
    : result.ok
      ? "ok"
      : "FAILED";
  console.log(`${result.ok ? "✔" : "✘"} ${result.name.padEnd(12)} ${detail.padEnd(32)} ${result.seconds.toFixed(1)} s`);
}
const failures = results.flatMap((result) => (result.counts?.failures ?? []).map((failure) => `  ${result.name}: ${failure}`));
if (failures.length > 0) console.log(`\nFailed:\n${failures.join("\n")}\n`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
