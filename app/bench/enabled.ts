// Whether this build has the benchmark's routes (/bench/static, /api/bench/floor). Decided when the
// app is built, not when it runs: next.config.js inlines BENCH_ROUTES, and only the benchmarks build
// with BENCH_ROUTES=1 (bench/lib/server.ts). In any other build both routes are a 404 for everyone,
// before any guard or database read.
export const BENCH_ROUTES_BUILT = process.env.BENCH_ROUTES === "1";

/** Text of /bench/static that tells a bench build's prerendered page from the 404 (bench/lib/server.ts). */
export const BENCH_PAGE_TEXT = "it is the yardstick for Backchannel";
