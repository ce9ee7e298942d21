// POST /api/bench/floor: the benchmark's "floor" (bench/quiz.ts, docs/decisions/0008-benchmarks.md).
// The quiz API is measured against this route in the same run, under the same load: it does what
// every API request here must do anyway (the session guard, one small database write, a JSON
// reply) and nothing else, so it shows what the framework, Auth.js and SQLite cost on this
// machine. It exists only in a build made with BENCH_ROUTES=1 (app/bench/enabled.ts); in any other
// build every method is a 404 before the guard, so it neither runs nor says that it exists.
import { NextResponse } from "next/server";
import { apiError, otherMethods, requireApiUser } from "@/lib/api/respond";
import { db } from "@/lib/db";
import { BENCH_ROUTES_BUILT } from "@/app/bench/enabled";

const absent = () => apiError(404, "not_found", "There is nothing here.");

export async function POST() {
  if (!BENCH_ROUTES_BUILT) return absent();
  const { user, response } = await requireApiUser();
  if (response) return response;
  // One write to a table of its own (never a security table such as Throttle).
  const row = await db.benchFloorWrite.upsert({
    where: { userId: user.id },
    create: { userId: user.id, writes: 1 },
    update: { writes: { increment: 1 } },
    select: { writes: true },
  });
  return NextResponse.json({ ok: true, writes: row.writes }, { headers: { "Cache-Control": "no-store" } });
}

const others = otherMethods("POST");
export const GET = BENCH_ROUTES_BUILT ? others.GET : absent;
export const PUT = BENCH_ROUTES_BUILT ? others.PUT : absent;
export const PATCH = BENCH_ROUTES_BUILT ? others.PATCH : absent;
export const DELETE = BENCH_ROUTES_BUILT ? others.DELETE : absent;
export const OPTIONS = BENCH_ROUTES_BUILT ? others.OPTIONS : absent;
