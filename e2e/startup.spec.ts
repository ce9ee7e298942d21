// The production server checks its configuration at start: a missing secret or a malformed
// database URL stops it at once with one line naming the variable.
import { expect, test } from "@playwright/test";
import { startServer, stopServer } from "../tooling/next-server";

async function startWith(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[key];
    else childEnv[key] = value;
  }
  // Port 0: the server is expected to stop before it listens.
  const running = startServer(0, childEnv, null);
  const exited = new Promise<number | null>((resolve) => running.child.once("exit", (code) => resolve(code)));
  const timer = setTimeout(() => void stopServer(running, 0), 30_000);
  const code = await exited;
  clearTimeout(timer);
  return { code, output: running.log.join("") };
}

test("production refuses to start without AUTH_SECRET and says so in one line", async () => {
  const { code, output } = await startWith({ AUTH_SECRET: undefined });
  expect(code).toBe(1);
  expect(output).toContain("Backchannel cannot start. Invalid environment: AUTH_SECRET: is required in production");
  expect(output).not.toMatch(/\n\s+at /); // no stack trace
});

test("a malformed DATABASE_URL stops the server with a one-line message", async () => {
  const { code, output } = await startWith({ AUTH_SECRET: "x".repeat(40), DATABASE_URL: "mysql://somewhere/db" });
  expect(code).toBe(1);
  expect(output).toContain("Backchannel cannot start. DATABASE_URL: expected file:<path>");
  expect(output).not.toMatch(/\n\s+at /);
});
