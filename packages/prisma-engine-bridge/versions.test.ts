// The WebAssembly engine must be the build the Prisma CLI expects: the CLI checks the engine's
// version hash, and an engine from another release reads migrations and schemas its own way.
// package.json pins them; this fails when an upgrade moves one without the other.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import bridge from "./package.json" with { type: "json" };

/** The version Node finds from this package: its own node_modules first, then the repository's. */
function installed(name: string): string {
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "node_modules", name, "package.json");
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
    if (path.dirname(dir) === dir) throw new Error(`${name} is not installed`);
  }
}

describe("pinned versions", () => {
  it("pins every dependency exactly, and gets those versions installed", () => {
    for (const [name, version] of Object.entries(bridge.dependencies)) {
      expect(version, name).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
      expect(installed(name), name).toBe(version);
    }
  });
  it("uses the schema engine build of the installed Prisma CLI, and adapters of the same release", () => {
    // "7.10.0-4.0edf…": the release, then the engine commit the CLI was built against.
    expect(bridge.dependencies["@prisma/schema-engine-wasm"]).toBe(installed("@prisma/engines-version"));
    expect(bridge.dependencies["@prisma/schema-engine-wasm"].startsWith(`${installed("prisma")}-`)).toBe(true);
    expect(bridge.dependencies["@prisma/adapter-pg"]).toBe(installed("prisma"));
    expect(bridge.dependencies["@prisma/adapter-better-sqlite3"]).toBe(installed("prisma"));
  });
});
