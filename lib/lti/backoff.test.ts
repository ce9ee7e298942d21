import { describe, expect, it } from "vitest";
import { nextTryDelayMs } from "./backoff";

describe("score retry backoff", () => {
  it("starts at ten seconds and doubles, up to six hours", () => {
    expect([1, 2, 3, 4].map(nextTryDelayMs)).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(nextTryDelayMs(30)).toBe(6 * 60 * 60_000);
  });
});
