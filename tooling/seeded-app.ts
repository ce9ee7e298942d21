// A production server on a fresh SQLite file with the demo accounts, for the scripts that look at
// the app as a visitor would (the Lighthouse bench, the README screenshots): reuses the build in
// .next when it is newer than the sources, else builds; stops the server and deletes the file after.
import path from "node:path";
import { prepareFreshDatabase, removeSqliteFile } from "./fresh-database";
import * as server from "./next-server";

const ROOT = path.resolve(import.meta.dirname, "..");

/** `databaseUrl`: the server's SQLite file, for a bench that adds its own data before measuring. */
export type SeededApp = { baseUrl: string; build: string; databaseUrl: string; stop: () => Promise<void> };

export type SeededAppOptions = {
  /** Names the SQLite file, bench/tmp/<name>-<pid>.db. */
  name: string;
  port?: number;
  build?: "auto" | "always" | "never";
  /** Seconds to wait for other Next.js/Playwright processes before building. */
  buildWait?: number;
  /** Pins the server to this core (a load test pins itself to another). */
  core?: number | null;
};

export async function startSeededApp({ name, port, build = "auto", buildWait = 300, core = null }: SeededAppOptions): Promise<SeededApp> {
  const check = server.checkBuild();
  let buildNote: string;
  if (build === "always" || (build === "auto" && !check.reuse)) {
    if (build === "auto") console.log(`A build is needed: ${check.reason}.`);
    await server.build(buildWait);
    buildNote = "built for this run";
  } else {
    if (!check.buildId) throw new Error("there is no build in .next: run npm run build, or leave out --build never");
    buildNote = check.reuse ? `reused (${check.reason})` : `used as it is (--build never; ${check.reason})`;
  }

  const databaseUrl = `file:${path.join(ROOT, "bench", "tmp", `${name}-${process.pid}.db`)}`;
  console.log("Preparing a fresh SQLite file (migrate, seed the demo accounts)…");
  prepareFreshDatabase(databaseUrl, { stdio: "pipe" });

  const running = server.startServer(
    port ?? (await server.freePort()),
    {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      // A throwaway secret: sessions only live as long as this run.
      AUTH_SECRET: `${name}-secret-${"x".repeat(32)}`,
    },
    core,
  );
  const stop = async () => {
    await server.stopServer(running);
    removeSqliteFile(databaseUrl);
  };
  try {
    await server.waitUntilUp(running);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl: `http://127.0.0.1:${running.port}`, build: buildNote, databaseUrl, stop };
}
