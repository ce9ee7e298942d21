// A fingerprint of a SQLite database's content: one hash per table over every row in primary-key
// order, read through a read-only connection (WAL mode lets it read beside the running server).
import crypto from "node:crypto";
import Database from "better-sqlite3";

export type Snapshot = Record<string, { rows: number; hash: string; byKey: Map<string, string> }>;

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function snapshotDatabase(file: string): Snapshot {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    const snapshot: Snapshot = {};
    // One read transaction, so every table is seen at the same instant.
    db.transaction(() => {
      for (const { name } of tables) {
        const columns = db.prepare(`PRAGMA table_info(${quote(name)})`).all() as { name: string; pk: number }[];
        const keyColumns = columns
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name);
        const order = (keyColumns.length > 0 ? keyColumns : columns.map((c) => c.name)).map(quote).join(", ");
        const rows = db.prepare(`SELECT * FROM ${quote(name)} ORDER BY ${order}`).all() as Record<string, unknown>[];
        const hash = crypto.createHash("sha256");
        const byKey = new Map<string, string>();
        for (const row of rows) {
          const text = JSON.stringify(row, (_key, value: unknown) =>
            Buffer.isBuffer(value) ? value.toString("base64") : typeof value === "bigint" ? String(value) : value,
          );
          hash.update(text).update("\n");
          const key = keyColumns.length > 0 ? JSON.stringify(keyColumns.map((c) => row[c])) : text;
          byKey.set(key, text);
        }
        snapshot[name] = { rows: rows.length, hash: hash.digest("hex"), byKey };
      }
    })();
    return snapshot;
  } finally {
    db.close();
  }
}

/** The rows that differ between two snapshots, as readable lines ("table: added/removed/changed key"). */
export function diffSnapshots(before: Snapshot, after: Snapshot, ignore: (table: string, key: string) => boolean = () => false): string[] {
  const out: string[] = [];
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[table]?.byKey ?? new Map<string, string>();
    const b = after[table]?.byKey ?? new Map<string, string>();
    if (before[table]?.hash === after[table]?.hash && a.size === b.size) continue;
    for (const [key, row] of b) {
      if (ignore(table, key)) continue;
      if (!a.has(key)) out.push(`${table}: added ${row}`);
      else if (a.get(key) !== row) out.push(`${table}: changed ${a.get(key)} → ${row}`);
    }
    for (const [key, row] of a) if (!b.has(key) && !ignore(table, key)) out.push(`${table}: removed ${row}`);
  }
  return out;
}
