// The production server checks its configuration at start: a missing secret or a malformed
// database URL stops it at once with one line naming the variable.
import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";

function startServer(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
    for (const [key, value] of Object.entries(env)) {
      if (value === undefined) delete childEnv[key];
      else childEnv[key] = value;
    }
    const child = spawn("node_modules/.bin/next", ["start", "-p", "0"], { env: childEnv });
    let output = "";
    child.stdout.on("data", (chunk) => (output += String(chunk)));
    child.stderr.on("data", (chunk) => (output += String(chunk)));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test("production refuses to start without AUTH_SECRET and says so in one line", async () => {
  const { code, output } = await startServer({ AUTH_SECRET: undefined });
  expect(code).toBe(1);
  expect(output).toContain("Backchannel cannot start. Invalid environment: AUTH_SECRET: is required in production");
  expect(output).not.toMatch(/\n\s+at /); // no stack trace
});

test("a malformed DATABASE_URL stops the server with a one-line message", async () => {
  const { code, output } = await startServer({ AUTH_SECRET: "x".repeat(40), DATABASE_URL: "mysql://somewhere/db" });
  expect(code).toBe(1);
  expect(output).toContain("Backchannel cannot start. DATABASE_URL: expected file:<path>");
  expect(output).not.toMatch(/\n\s+at /);
});
