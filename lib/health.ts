// What /api/health reports, from real queries: is the database reachable, and are the
// migrations applied cleanly?
import { db } from "@/lib/db";

export type Health = {
  status: "ok" | "degraded" | "down";
  database: { provider: string; reachable: boolean; latencyMs?: number; error?: string };
  migrations: { applied: number; failed: number; latest: string | null };
};

type MigrationRow = { migration_name: string; finished_at: unknown; rolled_back_at: unknown };

export async function checkHealth(provider: string): Promise<Health> {
  const started = performance.now();
  try {
    const rows = await db.$queryRaw<MigrationRow[]>`SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at`;
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    const applied = rows.filter((row) => row.finished_at !== null && row.rolled_back_at === null);
    const failed = rows.filter((row) => row.finished_at === null && row.rolled_back_at === null).length;
    return {
      status: failed === 0 && applied.length > 0 ? "ok" : "degraded",
      database: { provider, reachable: true, latencyMs },
      migrations: { applied: applied.length, failed, latest: applied.at(-1)?.migration_name ?? null },
    };
  } catch {
    // No details of the failure leave the server: they may name hosts or paths.
    return {
      status: "down",
      database: { provider, reachable: false, error: "The database could not be queried." },
      migrations: { applied: 0, failed: 0, latest: null },
    };
  }
}
