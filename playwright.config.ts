import { defineConfig, devices } from "@playwright/test";
import { chromiumExecutable } from "./tooling/browser";
import { assertLocalDatabase } from "./tooling/local-database";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";
assertLocalDatabase(E2E_DATABASE_URL);

const executablePath = chromiumExecutable();
const launchOptions = executablePath ? { executablePath } : {};

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  // One worker in CI: the server, the browser and the tests share two cores, and a second worker
  // makes slow-but-correct steps (Argon2, the sign-in throttle's delays) flirt with timeouts.
  workers: process.env.CI ? 1 : 2,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions }, testIgnore: /.*\.phone\.spec\.ts/ },
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions }, testMatch: /.*\.phone\.spec\.ts/ },
  ],
  webServer: {
    // A production build on a fresh SQLite file: migrate, seed, then `next start`.
    command: "node_modules/.bin/tsx scripts/e2e-server.ts",
    url: `http://localhost:${E2E_PORT}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(E2E_PORT), DATABASE_URL: E2E_DATABASE_URL },
  },
});
