// The verified_teachers migration's data step (decision 0037): an upgraded deployment gets an
// administrator, the oldest teacher (or the oldest account when there is no teacher), and existing
// teachers stay teachers. The committed SQLite migrations are applied in order to an in-memory
// database, with accounts made just before the step.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

const MIGRATIONS = path.resolve(import.meta.dirname, "../../prisma/migrations");
const folders = fs
  .readdirSync(MIGRATIONS)
  .filter((name) => fs.statSync(path.join(MIGRATIONS, name)).isDirectory())
  .sort();
const step = folders.findIndex((name) => name.endsWith("_verified_teachers"));

type Account = { id: string; role: "STUDENT" | "TEACHER"; createdAt: string };

function upgrade(accounts: Account[]) {
  const db = new Database(":memory:");
  const apply = (name: string) => db.exec(fs.readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8"));
  folders.slice(0, step).forEach(apply);
  const insert = db.prepare('INSERT INTO "User" (id, email, name, passwordHash, role, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const account of accounts) insert.run(account.id, `${account.id}@example.test`, account.id, "hash", account.role, account.createdAt, account.createdAt);
  folders.slice(step).forEach(apply);
  const rows = db.prepare('SELECT id, role, isAdmin FROM "User" ORDER BY id').all() as { id: string; role: string; isAdmin: number }[];
  db.close();
  return rows;
}

describe("the verified_teachers migration", () => {
  it("exists, for both providers", () => {
    expect(step).toBeGreaterThan(0);
    expect(fs.existsSync(path.resolve(import.meta.dirname, "../../prisma/postgres/migrations", folders[step] ?? "", "migration.sql"))).toBe(true);
  });

  it("makes the oldest teacher the administrator, even with an older student, and keeps every teacher a teacher", () => {
    const rows = upgrade([
      { id: "a-student", role: "STUDENT", createdAt: "2026-01-01T00:00:00.000Z" },
      { id: "b-teacher-newer", role: "TEACHER", createdAt: "2026-03-01T00:00:00.000Z" },
      { id: "c-teacher-oldest", role: "TEACHER", createdAt: "2026-02-01T00:00:00.000Z" },
    ]);
    expect(rows).toEqual([
      { id: "a-student", role: "STUDENT", isAdmin: 0 },
      { id: "b-teacher-newer", role: "TEACHER", isAdmin: 0 },
      { id: "c-teacher-oldest", role: "TEACHER", isAdmin: 1 },
    ]);
  });

  it("makes the oldest account the administrator when there is no teacher", () => {
    const rows = upgrade([
      { id: "a-newer", role: "STUDENT", createdAt: "2026-05-01T00:00:00.000Z" },
      { id: "b-oldest", role: "STUDENT", createdAt: "2026-04-01T00:00:00.000Z" },
    ]);
    expect(rows.filter((row) => row.isAdmin === 1).map((row) => row.id)).toEqual(["b-oldest"]);
  });

  it("leaves an empty database without an administrator: its first account becomes one", () => {
    expect(upgrade([])).toEqual([]);
  });
});
