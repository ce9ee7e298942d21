// POST /api/bench/floor: the benchmark's "floor" (bench/quiz.ts, docs/decisions/0008-benchmarks.md).
// The quiz API is measured against this route in the same run, under the same load: it does what
// every API request here must do anyway (the session guard, one small database write, a JSON
// reply) and nothing else, so it shows what the framework, Auth.js and SQLite cost on this
// machine. It exists only in a build made with BENCH_ROUTES=1, which alone reads the .bench.ts
// extension (next.config.js, app/bench/enabled.ts); any other build does not contain it.
import { json, route } from "@/lib/api/route";
import { db } from "@/lib/db";
import { BENCH_ROUTES_BUILT } from "@/app/bench/enabled";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  method: "POST",
  access: "user",
  body: null,
  bench: { built: BENCH_ROUTES_BUILT },
  async handle({ user }) {
    // One write to a table of its own (never a security table such as Throttle).
    const row = await db.benchFloorWrite.upsert({
      where: { userId: user.id },
      create: { userId: user.id, writes: 1 },
      update: { writes: { increment: 1 } },
      select: { writes: true },
    });
    return json({ ok: true, writes: row.writes });
  },
});
