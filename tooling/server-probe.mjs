// Loaded into the server under test by bench/quiz.ts (NODE_OPTIONS=--import, only when
// BENCH_PROBE_DIR is set): once a second, appends this process's event-loop delay, garbage
// collection time and RSS to BENCH_PROBE_DIR/probe-<pid>.jsonl. It changes nothing in the app;
// it tells whether slow responses waited for a blocked event loop (GC, synchronous work) or for
// something else (a lock, a queue). With BENCH_CPU_PROFILE=1, SIGUSR2 starts a CPU profile and
// the next SIGUSR2 writes it to BENCH_PROBE_DIR/cpu-<pid>-<n>.cpuprofile (bench:quiz --cpu-profile).
import fs from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";

const dir = process.env.BENCH_PROBE_DIR;
if (dir) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let gcMs = 0;
  let gcMaxMs = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcMs += entry.duration;
      gcMaxMs = Math.max(gcMaxMs, entry.duration);
    }
  }).observe({ entryTypes: ["gc"] });
  const file = path.join(dir, `probe-${process.pid}.jsonl`);
  setInterval(() => {
    const line = {
      t: Date.now(),
      delayP50Ms: delay.percentile(50) / 1e6,
      delayP99Ms: delay.percentile(99) / 1e6,
      delayMaxMs: delay.max / 1e6,
      gcMs,
      gcMaxMs,
      rss: process.memoryUsage.rss(),
    };
    delay.reset();
    gcMs = 0;
    gcMaxMs = 0;
    try {
      fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
    } catch {
      // the run directory is gone: the benchmark has ended
    }
  }, 1000).unref();
}

if (dir && process.env.BENCH_CPU_PROFILE === "1") {
  const session = new Session();
  session.connect();
  let running = false;
  let count = 0;
  process.on("SIGUSR2", () => {
    if (!running) {
      running = true;
      session.post("Profiler.enable", () => session.post("Profiler.start"));
      return;
    }
    running = false;
    session.post("Profiler.stop", (error, result) => {
      if (error || !result) return;
      count += 1;
      fs.writeFileSync(path.join(dir, `cpu-${process.pid}-${count}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
