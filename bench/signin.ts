// Server-side sign-in time (lib/auth/authenticate.ts, the code Auth.js's authorize() runs) for a
// right password, a wrong password and an unknown email, on a fresh migrated SQLite file.
// Usage: npm run bench:signin
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "backchannel-signin-"));
process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;
execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], { stdio: "ignore", env: process.env });

const { authenticate } = await import("../lib/auth/authenticate");
const { db } = await import("../lib/db");
const { upsertUser } = await import("../prisma/factories");

const ROUNDS = 30;
const password = "a long and memorable passphrase";
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function time(label: string, make: (i: number) => Promise<{ email: string; password: string }>) {
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const credentials = await make(i);
    const started = performance.now();
    // A fresh address and account per round: the throttle must not slow the measurement.
    await authenticate(credentials, `198.51.100.${i}`);
    samples.push(performance.now() - started);
  }
  return { label, median: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
}

const rows = [
  await time("right password", async (i) => ({ email: (await upsertUser(db, { email: `right-${i}@bench.test`, password })).email, password })),
  await time("wrong password", async (i) => ({
    email: (await upsertUser(db, { email: `wrong-${i}@bench.test`, password })).email,
    password: "not the password at all",
  })),
  await time("unknown email", async (i) => ({ email: `nobody-${i}@bench.test`, password: "not the password at all" })),
];
console.log(`| case | median (ms) | min | max |\n|---|---:|---:|---:|`);
for (const row of rows) console.log(`| ${row.label} | ${row.median.toFixed(1)} | ${row.min.toFixed(1)} | ${row.max.toFixed(1)} |`);
await db.$disconnect();
fs.rmSync(dir, { recursive: true, force: true });
