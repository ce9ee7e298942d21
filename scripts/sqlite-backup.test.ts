// The backup and restore functions on real SQLite files in a temporary directory. Backups under
// write load, and restore refusing a database a running server has open: tests/reliability.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Sqlite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backupDatabase, BackupError, defaultBackupPath, processesUsing, restoreDatabase, sqliteFileOf, verifyDatabaseFile } from "./sqlite-backup";

let dir = "";
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "backchannel-backup-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A small database that looks like ours: a migrations table and one row of data (WAL, like a live one). */
function makeDatabase(file: string, value: string, journalMode: "WAL" | "DELETE" = "WAL"): void {
  const db = new Sqlite(file);
  db.pragma(`journal_mode = ${journalMode}`);
  db.exec("CREATE TABLE _prisma_migrations (id TEXT PRIMARY KEY, migration_name TEXT, finished_at DATETIME, rolled_back_at DATETIME)");
  db.exec("INSERT INTO _prisma_migrations VALUES ('1', '20261127093956_init', CURRENT_TIMESTAMP, NULL)");
  db.exec("CREATE TABLE note (value TEXT)");
  db.prepare("INSERT INTO note VALUES (?)").run(value);
  db.close();
}

const noteIn = (file: string) => {
  const db = new Sqlite(file, { readonly: true });
  try {
    return (db.prepare("SELECT value FROM note").get() as { value: string }).value;
  } finally {
    db.close();
  }
};

describe("which database", () => {
  it("is the SQLite file of DATABASE_URL, and a PostgreSQL URL is sent to pg_dump", () => {
    expect(sqliteFileOf("file:./data/x.db")).toBe(path.resolve("data/x.db"));
    expect(sqliteFileOf(undefined)).toBe(path.resolve("data/backchannel.db"));
    expect(() => sqliteFileOf("postgresql://u:p@localhost:5432/backchannel")).toThrow(/pg_dump/);
  });

  it("names default backups by UTC time, in backups/", () => {
    expect(defaultBackupPath(new Date("2026-11-27T12:15:03.456Z"))).toBe(path.resolve("backups/backchannel-20261127T121503Z.db"));
  });
});

describe("backupDatabase", () => {
  it("copies a WAL database, committed WAL content included, into one self-contained verified file", async () => {
    const source = path.join(dir, "live.db");
    makeDatabase(source, "before");
    // A connection that stays open keeps the last commit in the -wal file, not in the main file.
    const live = new Sqlite(source);
    live.pragma("wal_autocheckpoint = 0");
    live.prepare("UPDATE note SET value = ?").run("in the wal");
    try {
      const result = await backupDatabase(source, path.join(dir, "copies", "b.db"));
      expect(result.bytes).toBeGreaterThan(0);
      expect(result.migrations).toBe(1);
      expect(noteIn(result.destination)).toBe("in the wal");
      expect(fs.existsSync(`${result.destination}-wal`)).toBe(false);
      const copy = new Sqlite(result.destination, { readonly: true });
      expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
      copy.close();
      expect(fs.readdirSync(path.join(dir, "copies"))).toEqual(["b.db"]); // no temporary file left
    } finally {
      live.close();
    }
  });

  it("never overwrites a file, and says so", async () => {
    const source = path.join(dir, "live.db");
    makeDatabase(source, "x");
    const destination = path.join(dir, "taken.db");
    fs.writeFileSync(destination, "precious");
    await expect(backupDatabase(source, destination)).rejects.toThrow(/already exists; a backup never overwrites/);
    expect(fs.readFileSync(destination, "utf8")).toBe("precious");
  });

  it("refuses a missing source instead of creating an empty database", async () => {
    await expect(backupDatabase(path.join(dir, "nothing.db"), path.join(dir, "b.db"))).rejects.toThrow(/There is no database at/);
    expect(fs.existsSync(path.join(dir, "nothing.db"))).toBe(false);
  });
});

describe("verifyDatabaseFile", () => {
  it("rejects a file that is not a database, and a database that is not ours", () => {
    fs.writeFileSync(path.join(dir, "text.db"), "not a database at all, just text ".repeat(200));
    expect(() => verifyDatabaseFile(path.join(dir, "text.db"))).toThrow(BackupError);
    const other = new Sqlite(path.join(dir, "other.db"));
    other.exec("CREATE TABLE t (x)");
    other.close();
    expect(() => verifyDatabaseFile(path.join(dir, "other.db"))).toThrow(/no _prisma_migrations table/);
  });
});

describe("restoreDatabase", () => {
  it("keeps the database it replaces, -wal included, under a dated name", async () => {
    const target = path.join(dir, "app.db");
    makeDatabase(target, "current");
    const live = new Sqlite(target);
    live.pragma("wal_autocheckpoint = 0");
    live.prepare("UPDATE note SET value = ?").run("current, in the wal");
    const backup = path.join(dir, "backup.db");
    makeDatabase(backup, "from the backup", "DELETE"); // as db:backup writes them
    // A server killed without a clean close leaves its -wal file behind.
    const walCopy = fs.readFileSync(`${target}-wal`);
    live.close();
    fs.writeFileSync(`${target}-wal`, walCopy);

    const result = restoreDatabase(backup, target, new Date("2026-11-27T13:00:00Z"));
    expect(result.savedAs).toBe(`${target}.before-restore-20261127T130000Z`);
    expect(fs.existsSync(`${target}-wal`)).toBe(false);
    expect(fs.existsSync(`${result.savedAs}-wal`)).toBe(true);
    expect(noteIn(target)).toBe("from the backup");
    expect(noteIn(result.savedAs ?? "")).toBe("current, in the wal");
  });

  it("refuses a backup that is not a sound database, before touching anything", () => {
    const target = path.join(dir, "app.db");
    makeDatabase(target, "current");
    fs.writeFileSync(path.join(dir, "broken.db"), "garbage");
    expect(() => restoreDatabase(path.join(dir, "broken.db"), target)).toThrow(BackupError);
    expect(noteIn(target)).toBe("current");
    expect(fs.readdirSync(dir).filter((name) => name.includes("before-restore"))).toEqual([]);
  });

  it("sees another process holding the database open", async () => {
    const target = path.join(dir, "app.db");
    makeDatabase(target, "current");
    const { spawn } = await import("node:child_process");
    const holder = spawn(
      process.execPath,
      [
        "-e",
        `const db = new (require("better-sqlite3"))(process.argv[1]); db.prepare("SELECT 1").get(); process.stdout.write("open"); setTimeout(() => {}, 30000);`,
        target,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    try {
      await new Promise<void>((resolve) => holder.stdout.once("data", () => resolve()));
      expect(processesUsing(target)?.map((p) => p.pid)).toContain(holder.pid);
      makeDatabase(path.join(dir, "backup.db"), "from the backup");
      expect(() => restoreDatabase(path.join(dir, "backup.db"), target)).toThrow(/is in use; stop the server first/);
      expect(noteIn(target)).toBe("current");
    } finally {
      holder.kill();
    }
  });
});
