// Reading `npm audit --json`: the high and critical advisories, and which of them are not in the
// accepted list (scripts/audit-accepted.json, each explained in docs/decisions/0011-…).

export type Advisory = { id: string; package: string; severity: string; title: string };
export type Accepted = { id: string; package: string; reason: string };

type Via = string | { source?: number; name?: string; title?: string; url?: string; severity?: string };
type AuditJson = { vulnerabilities?: Record<string, { severity?: string; via?: Via[] }>; error?: { summary?: string } };

const SERIOUS = new Set(["high", "critical"]);

/** The high/critical advisories in a report, by GHSA id (or npm's number when there is no URL). */
export function seriousAdvisories(report: unknown): Advisory[] {
  const json = report as AuditJson;
  if (!json || typeof json !== "object" || !json.vulnerabilities) {
    throw new Error(`npm audit gave no report${json?.error?.summary ? `: ${json.error.summary}` : ""}`);
  }
  const found = new Map<string, Advisory>();
  for (const [name, vulnerability] of Object.entries(json.vulnerabilities)) {
    for (const via of vulnerability.via ?? []) {
      // A string names another vulnerable package; the advisory itself is listed under that one.
      if (typeof via === "string" || !SERIOUS.has(via.severity ?? "")) continue;
      const id = via.url?.match(/GHSA-[\w-]+/)?.[0] ?? String(via.source ?? via.title ?? "unknown");
      found.set(id, { id, package: via.name ?? name, severity: via.severity ?? "", title: via.title ?? "" });
    }
  }
  return [...found.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export function unaccepted(advisories: Advisory[], accepted: Accepted[]): Advisory[] {
  const ids = new Set(accepted.map((a) => a.id));
  return advisories.filter((a) => !ids.has(a.id));
}
