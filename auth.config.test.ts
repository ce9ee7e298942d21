import { describe, expect, it } from "vitest";
import { config } from "./proxy";
import { isProtectedPath, PROTECTED_PREFIXES } from "./auth.config";

describe("protected paths", () => {
  it("the proxy runs on exactly the protected prefixes, and anywhere on server action calls, form posts with an Origin and paths with a %", () => {
    expect(config.matcher).toEqual([
      ...PROTECTED_PREFIXES.map((prefix) => `${prefix}/:path*`),
      { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
      { source: "/:path(.*%.*)" },
      {
        source: "/:path*",
        has: [
          { type: "header", key: "origin" },
          { type: "header", key: "content-type", value: "(?:multipart/form-data|application/x-www-form-urlencoded|text/plain).*" },
        ],
      },
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
