import { describe, expect, it } from "vitest";
import { seriousAdvisories, unaccepted } from "./audit-report";

const report = {
  auditReportVersion: 2,
  vulnerabilities: {
    next: {
      severity: "high",
      via: [
        { source: 1, name: "next", title: "Cache poisoning", url: "https://github.com/advisories/GHSA-aaaa-bbbb-cccc", severity: "high" },
        { source: 2, name: "next", title: "Minor leak", url: "https://github.com/advisories/GHSA-dddd-eeee-ffff", severity: "moderate" },
      ],
    },
    "next-auth": { severity: "high", via: ["next"] },
    cookie: {
      severity: "critical",
      via: [{ source: 3, name: "cookie", title: "Bad parse", url: "https://github.com/advisories/GHSA-gggg-hhhh-iiii", severity: "critical" }],
    },
  },
};

describe("npm audit report", () => {
  it("lists each high or critical advisory once, by GHSA id", () => {
    expect(seriousAdvisories(report).map((a) => a.id)).toEqual(["GHSA-aaaa-bbbb-cccc", "GHSA-gggg-hhhh-iiii"]);
  });
  it("fails loudly when npm could not produce a report", () => {
    expect(() => seriousAdvisories({ error: { summary: "audit endpoint returned an error" } })).toThrow(/audit endpoint/);
  });
  it("an accepted advisory passes, a new one does not", () => {
    const left = unaccepted(seriousAdvisories(report), [{ id: "GHSA-aaaa-bbbb-cccc", package: "next", reason: "see 0011" }]);
    expect(left.map((a) => a.id)).toEqual(["GHSA-gggg-hhhh-iiii"]);
  });
});
