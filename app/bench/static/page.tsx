// The benchmark's trivial static page (npm run bench, docs/decisions/0008-benchmarks.md): the
// root layout around one paragraph, prerendered, no data. Page throughput is reported as a ratio
// to this page, served by the same server in the same run, so the figures say what our pages
// cost beyond the framework rather than how fast this machine is.
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Benchmark page", robots: { index: false, follow: false } };

export default function BenchStaticPage() {
  return <p>This page is intentionally empty: it is the yardstick for Backchannel&apos;s page benchmark.</p>;
}
