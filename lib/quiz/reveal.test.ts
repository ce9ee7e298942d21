import { describe, expect, it } from "vitest";
import { mayReveal } from "./reveal";

const due = new Date("2026-05-01T12:00:00Z");
const before = new Date("2026-05-01T11:00:00Z");
const after = new Date("2026-05-02T12:00:00Z");

describe("mayReveal", () => {
  it("reveals at once outside assignments and for IMMEDIATELY", () => {
    expect(mayReveal(null, before)).toBe(true);
    expect(mayReveal({ reveal: "IMMEDIATELY", dueAt: due }, before)).toBe(true);
  });
  it("holds AFTER_DUE results back until the due date", () => {
    expect(mayReveal({ reveal: "AFTER_DUE", dueAt: due }, before)).toBe(false);
    expect(mayReveal({ reveal: "AFTER_DUE", dueAt: due }, after)).toBe(true);
  });
  it("uses the learner's extended due date", () => {
    const extended = { reveal: "AFTER_DUE" as const, dueAt: due, overrides: [{ dueAt: new Date("2026-05-03T12:00:00Z") }] };
    expect(mayReveal(extended, after)).toBe(false);
    expect(mayReveal(extended, new Date("2026-05-04T00:00:00Z"))).toBe(true);
  });
  it("never reveals for NEVER", () => expect(mayReveal({ reveal: "NEVER", dueAt: due }, after)).toBe(false));
});
