import { describe, expect, it } from "vitest";
import { config } from "./proxy";
import { isProtectedPath, PROTECTED_PREFIXES } from "./auth.config";

describe("protected paths", () => {
  it("the proxy runs on exactly the protected prefixes, and on server action calls anywhere", () => {
    expect(config.matcher).toEqual([
      ...PROTECTED_PREFIXES.map((prefix) => `${prefix}/:path*`),
      { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    ]);
  });
  it.each([
    ["/dashboard", true],
    ["/teacher/classes/1", true],
    ["/lessons/potato-diplomacy", false],
    ["/dashboards", false],
    ["/", false],
  ])("%s → %s", (path, expected) => expect(isProtectedPath(path)).toBe(expected));
});
