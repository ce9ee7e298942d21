// POST /api/bench/floor: the benchmark's "floor" (bench/quiz.ts, docs/decisions/0008-benchmarks.md).
// The quiz API is measured against this route in the same run, under the same load: it does what
// every API request here must do anyway (the session guard, one small database write, a JSON
// reply) and nothing else, so it shows what the framework, Auth.js and SQLite cost on this
// machine. It exists only when the server runs with BENCH_FLOOR=1; otherwise it is a 404.
// The variable is read here rather than in lib/env.ts because it is a switch for the benchmark
// only: no deployment sets it, and nothing else depends on it.
import { NextResponse } from "next/server";
import { apiError, otherMethods, requireApiUser } from "@/lib/api/respond";
import { db } from "@/lib/db";

export async function POST() {
  const { user, response } = await requireApiUser();
  if (response) return response;
  if (process.env.BENCH_FLOOR !== "1") return apiError(404, "not_found", "There is nothing here.");
  // A harmless row of its own in Throttle (no sign-in key starts with "bench-floor:"): one write.
  const key = `bench-floor:${user.id}`;
  const row = await db.throttle.upsert({
    where: { key },
    create: { key, failures: 1 },
    update: { failures: { increment: 1 } },
    select: { failures: true },
  });
  return NextResponse.json({ ok: true, writes: row.failures }, { headers: { "Cache-Control": "no-store" } });
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
