// The benchmark's trivial static page (npm run bench, docs/decisions/0008-benchmarks.md): the
// root layout around one paragraph, prerendered, no data. Page throughput is reported as a ratio
// to this page, served by the same server in the same run, so the figures say what our pages
// cost beyond the framework rather than how fast this machine is. Only in a build made with
// BENCH_ROUTES=1, which alone reads the .bench.tsx extension (next.config.js, app/bench/enabled.ts).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BENCH_PAGE_TEXT, BENCH_ROUTES_BUILT } from "@/app/bench/enabled";

export const metadata: Metadata = { title: "Benchmark page", robots: { index: false, follow: false } };

export default function BenchStaticPage() {
  if (!BENCH_ROUTES_BUILT) notFound();
  return <p>This page is intentionally empty: {BENCH_PAGE_TEXT}&apos;s page benchmark.</p>;
}
