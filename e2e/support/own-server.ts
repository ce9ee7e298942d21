// A production server of its own, on its own SQLite file and a free port, for specs that must know
// every write made to the database (the shared e2e server is written to by other specs at once).
// It is prepared the same way as the shared one (scripts/e2e-server.ts: migrate, seed, next start).
import fs from "node:fs";
import path from "node:path";
import { freePort } from "../../tooling/free-port";
import { prepareFreshDatabase } from "../../tooling/fresh-database";
import { startServer, stopServer, THROWAWAY_AUTH_SECRET, waitUntilUp } from "../../tooling/next-server";

export type OwnServer = {
  baseURL: string;
  port: number;
  databaseFile: string;
  /** What the server has written to stdout and stderr so far (its last 200 chunks). */
  log: () => string;
  stop: () => Promise<void>;
};

/** `env`: more variables for this server, given its address (e.g. AUTH_URL, SMTP_URL). */
export async function startOwnServer(name: string, { env: extraEnv }: { env?: (baseURL: string) => Record<string, string> } = {}): Promise<OwnServer> {
  const port = await freePort();
  const baseURL = `http://localhost:${port}`;
  const databaseFile = path.resolve("data", `${name}-${port}.db`);
  const databaseUrl = `file:${databaseFile}`;
  prepareFreshDatabase(databaseUrl, { stdio: "pipe" });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: "production",
    AUTH_SECRET: process.env.AUTH_SECRET ?? THROWAWAY_AUTH_SECRET,
    ...extraEnv?.(baseURL),
  };
  const running = startServer(port, env, null);
  const stop = async () => {
    await stopServer(running);
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${databaseFile}${suffix}`, { force: true });
  };
  try {
    await waitUntilUp(running, 180_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseURL, port, databaseFile, log: () => running.log.join(""), stop };
}
