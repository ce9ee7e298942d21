import { describe, expect, it } from "vitest";
import { blockingFromTrace } from "./main-thread";

const RENDERER = { pid: 2, tid: 7 };
const task = (startMs: number, durationMs: number, where = RENDERER) => ({ name: "RunTask", ph: "X", ts: startMs * 1000, dur: durationMs * 1000, ...where });

describe("blocking time from a Chromium trace", () => {
  const thread = (pid: number, tid: number) => ({ name: "thread_name", ph: "M", ts: 0, pid, tid, args: { name: "CrRendererMain" } });
  const fcp = { name: "firstContentfulPaint", ph: "R", ts: 1_000_000, ...RENDERER };

  it("counts the time beyond 50 ms of every long task after the first paint, on the page's own thread", () => {
    const events = [
      thread(2, 7),
      fcp,
      task(100, 400), // ends before the first paint: not counted
      task(1100, 120), // 70
      task(1300, 50), // not long
      task(1400, 30),
      task(1500, 251), // 201
      // Another renderer (an extension, a service worker) that never painted: not the page.
      thread(3, 9),
      task(1200, 900, { pid: 3, tid: 9 }),
    ];
    expect(blockingFromTrace(events)).toEqual({ blockingMs: 271, longTasks: 2 });
  });

  it("counts a task that straddles the first paint from the paint on, as Lighthouse clips it", () => {
    expect(blockingFromTrace([thread(2, 7), fcp, task(900, 200)])).toEqual({ blockingMs: 50, longTasks: 1 });
    expect(blockingFromTrace([thread(2, 7), fcp, task(900, 150)])).toEqual({ blockingMs: 0, longTasks: 0 });
  });

  it("says so when no renderer painted", () => {
    expect(() => blockingFromTrace([thread(2, 7), task(0, 100)])).toThrow(/no renderer that painted/);
  });
});
