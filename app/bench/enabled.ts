// Whether this build has the benchmark's routes (/bench/static, /api/bench/floor). Decided when the
// app is built, not when it runs: only the benchmarks build with BENCH_ROUTES=1 (bench/lib/server.ts),
// and only then does next.config.js read their files (page.bench.tsx, route.bench.ts), so any other
// build does not contain them. This flag, inlined by next.config.js, is a second fence: were the
// files built without it, both would still be a 404 for everyone, before any guard or database read.
export const BENCH_ROUTES_BUILT = process.env.BENCH_ROUTES === "1";

/** Text of /bench/static that tells a bench build's prerendered page from the 404 (bench/lib/server.ts). */
export const BENCH_PAGE_TEXT = "it is the yardstick for Backchannel";
