// Backup and restore of the SQLite database (npm run db:backup, npm run db:restore), as functions
// the scripts and their tests share. Why SQLite's online backup and not a file copy:
// docs/decisions/0013-sqlite-online-backup.md.
import fs from "node:fs";
import path from "node:path";
import Sqlite from "better-sqlite3";
import { databaseTarget } from "../lib/database-url";

export class BackupError extends Error {
  override name = "BackupError";
}

/** The SQLite file DATABASE_URL names; PostgreSQL has its own tools. */
export function sqliteFileOf(databaseUrl: string | undefined): string {
  const target = databaseTarget(databaseUrl);
  if (target.provider !== "sqlite") {
    throw new BackupError(
      'DATABASE_URL names a PostgreSQL database: back it up with pg_dump (e.g. pg_dump --format=custom "$DATABASE_URL" > backchannel.dump) and restore with pg_restore.',
    );
  }
  if (target.filePath === ":memory:") throw new BackupError("DATABASE_URL names an in-memory database: there is no file to back up.");
  return path.resolve(target.filePath);
}

/** backups/backchannel-20261127T121500Z.db: UTC, sortable, no characters a file system dislikes. */
export function defaultBackupPath(now: Date, dir = "backups"): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
  return path.resolve(dir, `backchannel-${stamp}.db`);
}

/** Throws unless the file is a sound SQLite database with the migrations table (ours, migrated). */
export function verifyDatabaseFile(file: string): { migrations: number } {
  let connection: Sqlite.Database;
  try {
    connection = new Sqlite(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${file} cannot be opened as a SQLite database: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const integrity = connection.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new BackupError(`${file} fails SQLite's integrity check: ${String(integrity)}`);
    const table = connection.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) throw new BackupError(`${file} is a SQLite database but not Backchannel's: it has no _prisma_migrations table.`);
    const { count } = connection.prepare("SELECT count(*) AS count FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL").get() as {
      count: number;
    };
    return { migrations: count };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} cannot be read as a SQLite database: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    connection.close();
  }
}

export type BackupResult = { source: string; destination: string; bytes: number; migrations: number };

/**
 * Copies the live database with SQLite's online backup API while the app keeps writing. The copy
 * is made in one backup step (one read transaction: a single consistent snapshot, and in WAL mode
 * it does not hold up writers), into a temporary file beside the destination; it is verified and
 * switched to a self-contained rollback journal before it takes the destination's name, and a
 * hard link gives it that name only if nothing has it yet, so an existing file is never replaced.
 */
export async function backupDatabase(source: string, destination: string): Promise<BackupResult> {
  if (!fs.existsSync(source)) throw new BackupError(`There is no database at ${source} (check DATABASE_URL).`);
  if (fs.existsSync(destination)) throw new BackupError(`${destination} already exists; a backup never overwrites a file. Name another destination.`);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const partial = `${destination}.partial-${process.pid}`;
  const connection = new Sqlite(source, { fileMustExist: true, timeout: 5_000 });
  try {
    // Every remaining page in the next step: a step that is not the last lets another connection's
    // write restart the copy, which under steady load may never finish.
    await connection.backup(partial, { progress: () => 0x7fffffff });
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new BackupError(`The backup of ${source} failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    connection.close();
  }
  try {
    const copy = new Sqlite(partial, { fileMustExist: true });
    try {
      // The copy inherits WAL mode; one file with a rollback journal is easier to move and restore.
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
    const { migrations } = verifyDatabaseFile(partial);
    try {
      fs.linkSync(partial, destination);
    } catch (error) {
      if (error instanceof Error && "code" in error && error.code === "EEXIST")
        throw new BackupError(`${destination} appeared during the backup; a backup never overwrites a file.`);
      throw error;
    }
    return { source, destination, bytes: fs.statSync(destination).size, migrations };
  } finally {
    for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(`${partial}${suffix}`, { force: true });
  }
}

/**
 * Processes that have the database (or its -wal/-shm) open, from /proc: a running server keeps
 * its connection open. Null where /proc is not available (not Linux): then nobody can tell.
 */
export function processesUsing(file: string): { pid: number; command: string }[] | null {
  if (!fs.existsSync("/proc/self/fd")) return null;
  // /proc shows real paths: resolve symbolic links in the directory the same way.
  const dir = fs.existsSync(path.dirname(file)) ? fs.realpathSync(path.dirname(file)) : path.dirname(file);
  const real = path.join(dir, path.basename(file));
  const names = new Set(["", "-wal", "-shm", "-journal"].map((suffix) => `${real}${suffix}`));
  const found: { pid: number; command: string }[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // another user's process, or it ended meanwhile
    }
    const open = fds.some((fd) => {
      try {
        return names.has(fs.readlinkSync(`/proc/${entry}/fd/${fd}`));
      } catch {
        return false;
      }
    });
    if (!open) continue;
    let command = "";
    try {
      command = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ").trim();
    } catch {
      // ended meanwhile
    }
    found.push({ pid: Number(entry), command });
  }
  return found;
}

export type RestoreResult = { backup: string; target: string; savedAs: string | null; checkedInUse: boolean };

/**
 * Puts a backup in the database's place. It refuses while a process has the database open, and
 * the current database (with its -wal, which holds committed data until a checkpoint, and -shm/-journal) is
 * renamed aside first, so a restore never loses anything. The backup is copied next to the target
 * and renamed into place, so the target is never half-written.
 */
export function restoreDatabase(backup: string, target: string, now = new Date()): RestoreResult {
  const from = path.resolve(backup);
  if (!fs.existsSync(from)) throw new BackupError(`There is no backup at ${from}.`);
  if (from === target) throw new BackupError("The backup is the database itself; name a backup file.");
  verifyDatabaseFile(from);
  const users = processesUsing(target);
  if (users && users.length > 0) {
    const list = users.map((u) => `  pid ${u.pid}: ${u.command.slice(0, 120)}`).join("\n");
    throw new BackupError(`${target} is in use; stop the server first (nothing was changed):\n${list}`);
  }
  let savedAs: string | null = null;
  if (fs.existsSync(target)) {
    const stamp = now
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z")
      .replace(/[-:]/g, "");
    savedAs = `${target}.before-restore-${stamp}`;
    if (fs.existsSync(savedAs)) throw new BackupError(`${savedAs} already exists; try again in a second.`);
    for (const suffix of ["-wal", "-shm", "-journal", ""]) {
      if (fs.existsSync(`${target}${suffix}`)) fs.renameSync(`${target}${suffix}`, `${savedAs}${suffix}`);
    }
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.restoring-${process.pid}`;
  fs.copyFileSync(from, partial, fs.constants.COPYFILE_EXCL);
  fs.renameSync(partial, target);
  return { backup: from, target, savedAs, checkedInUse: users !== null };
}
