import { describe, expect, it } from "vitest";
import { parseLocalDateTime, toLocalDateTimeValue } from "./dates";

describe("datetime-local values", () => {
  it("reads the time in the browser's zone", () => {
    // Paris in winter is UTC+1: getTimezoneOffset() is -60.
    expect(parseLocalDateTime("2026-03-08T17:00", -60)?.toISOString()).toBe("2026-03-08T16:00:00.000Z");
    // New York in winter is UTC-5: +300.
    expect(parseLocalDateTime("2026-03-08T17:00", 300)?.toISOString()).toBe("2026-03-08T22:00:00.000Z");
    expect(parseLocalDateTime("2026-03-08T17:00:30", 0)?.toISOString()).toBe("2026-03-08T17:00:30.000Z");
  });

  it("refuses malformed or impossible values", () => {
    for (const value of ["", "2026-03-08", "08/03/2026 17:00", "2026-02-30T10:00", "2026-13-01T10:00", "2026-03-08T24:00"]) {
      expect(parseLocalDateTime(value, 0), value).toBeNull();
    }
    expect(parseLocalDateTime("2026-03-08T17:00", 5000)).toBeNull();
    expect(parseLocalDateTime("2026-03-08T17:00", 1.5)).toBeNull();
  });

  it("round-trips to a form value", () => {
    const date = new Date("2026-03-08T16:00:00Z");
    expect(toLocalDateTimeValue(date, -60)).toBe("2026-03-08T17:00");
    expect(parseLocalDateTime(toLocalDateTimeValue(date, 300), 300)).toEqual(date);
  });
});
