import { describe, expect, it } from "vitest";
import { formatPartialDate, fractionalYear } from "./dates";

describe("partial dates", () => {
  it.each([
    ["2001", "2001"],
    ["2014-03", "March 2014"],
    ["2001-06-16", "16 June 2001"],
  ])("formats %s as %s", (input, expected) => expect(formatPartialDate(input)).toBe(expected));

  it("places dates on a year axis in order", () => {
    expect(fractionalYear("2001")).toBe(2001.5);
    expect(fractionalYear("2014-01-13")).toBeLessThan(fractionalYear("2014-03"));
    expect(fractionalYear("2015-09-30")).toBeGreaterThan(fractionalYear("2015-09-28"));
  });
});
