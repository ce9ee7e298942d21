// A throwaway PostgreSQL cluster (the db tests, bench:scale-out, db:new-migration): initdb in a temporary folder, a server on 127.0.0.1
// and a free port, databases on demand, and everything stopped and deleted at the end.
// initdb and postgres refuse to run as root, so as root they run as the `postgres` user.
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort } from "./free-port";

const run = promisify(execFile);

export type PostgresCluster = {
  /** postgresql:// URL of a database on this cluster (it need not exist yet). */
  url(database: string): string;
  /** Creates a database and returns its URL. */
  createDatabase(database: string): Promise<string>;
  /** Names of all databases on the cluster. */
  listDatabases(): Promise<string[]>;
  port: number;
  stop(): Promise<void>;
};

/** The folder with initdb/pg_ctl/postgres, or undefined when PostgreSQL is not installed. */
export function findPostgresBinaries(): string | undefined {
  const fromEnv = process.env.POSTGRES_BIN_DIR;
  if (fromEnv) return fs.existsSync(path.join(fromEnv, "initdb")) ? fromEnv : undefined;
  const root = "/usr/lib/postgresql";
  if (fs.existsSync(root)) {
    const versions = fs
      .readdirSync(root)
      .filter((entry) => /^\d+$/.test(entry))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      const bin = path.join(root, version, "bin");
      if (fs.existsSync(path.join(bin, "initdb")) && fs.existsSync(path.join(bin, "pg_ctl"))) return bin;
    }
  }
  try {
    const bin = execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
    if (fs.existsSync(path.join(bin, "initdb"))) return bin;
  } catch {
    // pg_config is not installed either
  }
  return undefined;
}

/**
 * Whether the PostgreSQL part of a suite can run. When it cannot, a loud warning is printed and
 * the caller skips it, unless REQUIRE_POSTGRES=1, in which case this throws so the suite fails.
 */
export function postgresAvailability(): { available: true; bin: string } | { available: false; reason: string } {
  const bin = findPostgresBinaries();
  let reason: string | undefined;
  if (!bin) reason = "PostgreSQL server binaries (initdb, pg_ctl) were not found (set POSTGRES_BIN_DIR)";
  else if (isRoot() && !userExists("postgres")) reason = "running as root, but there is no `postgres` user to run the server";
  if (reason === undefined && bin) return { available: true, bin };
  const message = `PostgreSQL tests cannot run: ${reason}.`;
  if (process.env.REQUIRE_POSTGRES === "1") throw new Error(`${message} REQUIRE_POSTGRES=1 makes this a failure.`);
  const bar = "!".repeat(100);
  console.warn(`\n${bar}\n!!! WARNING: ${message}\n!!! SKIPPING every PostgreSQL test. Set REQUIRE_POSTGRES=1 to make this fail.\n${bar}\n`);
  return { available: false, reason: reason ?? "unknown" };
}

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

function userExists(name: string): boolean {
  try {
    execFileSync("id", ["-u", name], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Runs a PostgreSQL program, as the `postgres` user when we are root. */
function asPostgres(bin: string, program: string, args: string[]) {
  const executable = path.join(bin, program);
  return isRoot() ? run("runuser", ["-u", "postgres", "--", executable, ...args], { encoding: "utf8" }) : run(executable, args, { encoding: "utf8" });
}

/** Starts a fresh cluster. Call stop() when done (it also runs when the process exits). */
export async function startPostgresCluster(bin: string): Promise<PostgresCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "backchannel-pg-"));
  const dataDir = path.join(dir, "data");
  const socketDir = path.join(dir, "socket");
  fs.mkdirSync(socketDir);
  if (isRoot()) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    fs.chownSync(dir, uid, gid);
    fs.chownSync(socketDir, uid, gid);
  }

  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    try {
      const pgCtl = path.join(bin, "pg_ctl");
      const args = ["-D", dataDir, "-m", "immediate", "-w", "stop"];
      if (isRoot()) execFileSync("runuser", ["-u", "postgres", "--", pgCtl, ...args], { stdio: "ignore" });
      else execFileSync(pgCtl, args, { stdio: "ignore" });
    } catch {
      // not running
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", stopSync);

  try {
    await asPostgres(bin, "initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);
    // A few tries: another process could take the port between freePort() and the server's bind.
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const options = [
        `-p ${port}`,
        "-c listen_addresses=127.0.0.1",
        `-c unix_socket_directories=${socketDir}`,
        "-c fsync=off",
        "-c synchronous_commit=off",
        "-c full_page_writes=off",
        "-c max_connections=50",
      ].join(" ");
      try {
        await asPostgres(bin, "pg_ctl", ["-D", dataDir, "-l", path.join(dir, "server.log"), "-o", options, "-w", "-t", "60", "start"]);
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }

    const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`;
    const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
      const client = new pg.Client({ connectionString: url("postgres") });
      await client.connect();
      try {
        return await work(client);
      } finally {
        await client.end();
      }
    };

    return {
      port,
      url,
      async createDatabase(database) {
        await admin((client) => client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`));
        return url(database);
      },
      async listDatabases() {
        const result = await admin((client) => client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY datname"));
        return result.rows.map((row) => row.datname);
      },
      async stop() {
        process.removeListener("exit", stopSync);
        stopSync();
      },
    };
  } catch (error) {
    process.removeListener("exit", stopSync);
    stopSync();
    throw error;
  }
}
