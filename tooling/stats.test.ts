import { describe, expect, it } from "vitest";
import { median } from "./stats";

describe("median", () => {
  it("takes the middle value, in any order", () => expect(median([5, 1, 3])).toBe(3));
  it("averages the two middle values of an even count", () => expect(median([4, 1, 3, 2])).toBe(2.5));
  it("is NaN for no values", () => expect(median([])).toBeNaN());
});
