import { describe, expect, it } from "vitest";
import { percentRead, reachesEnd } from "./percent";

describe("percentRead", () => {
  const ids = ["a", "b", "c", "d"];
  it("is 0 before the learner starts", () => expect(percentRead(ids, null, false)).toBe(0));
  it("counts the paragraphs up to the last one reached", () => expect(percentRead(ids, "b", false)).toBe(50));
  it("is 100 at the last paragraph", () => expect(percentRead(ids, "d", false)).toBe(100));
  it("is 100 once the lesson is marked read, wherever they stopped", () => expect(percentRead(ids, "a", true)).toBe(100));
  it("ignores a paragraph that is no longer in the lesson", () => expect(percentRead(ids, "zz", false)).toBe(0));
});

describe("reachesEnd", () => {
  it("is true only for the lesson's last paragraph", () => {
    expect(reachesEnd(["a", "b"], "b")).toBe(true);
    expect(reachesEnd(["a", "b"], "a")).toBe(false);
    expect(reachesEnd([], "a")).toBe(false);
  });
});
