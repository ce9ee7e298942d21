/**
 * The labelling workspace keeps zod out of its first load (decision 0050): evaluating zod and
 * building the edit schemas cost about a quarter of a second of main-thread time on Lighthouse's
 * throttled phone, on a page whose goal is TBT < 200 ms. The server parses every edit it saves, so
 * the browser needs only the plain modules. This reads the imports the bundler follows (values,
 * not types; `import()` is a later chunk) from the workspace's client component.
 */
import { describe, expect, it } from "vitest";
import { reachableImports, valueImports } from "../../tooling/source-imports";

const WORKSPACE = "components/articles/workspace.tsx";

describe("what the bundler follows", () => {
  it("counts value imports and re-exports, not types or import()", () => {
    const source = [
      'import { z } from "zod";',
      'import type { A } from "./a";',
      'import { type B, type C } from "./b";',
      'import { type D, e } from "./d";',
      'import "./side-effect";',
      'export { f } from "./f";',
      'export type { G } from "./g";',
      'const later = () => import("./later");',
    ].join("\n");
    expect(valueImports("x.ts", source)).toEqual(["zod", "./d", "./side-effect", "./f"]);
  });
});

describe("the labelling workspace's first load", () => {
  const reached = reachableImports(WORKSPACE);

  it("reaches the workspace's own modules", () => {
    // A guard against a walker that silently reaches nothing.
    expect([...reached.keys()]).toEqual(
      expect.arrayContaining(["lib/articles/apply-edit.ts", "lib/articles/workspace-state.ts", "lib/articles/suggest.ts", "@tanstack/react-virtual"]),
    );
  });

  it("never reaches zod", () => {
    const trail = reached.get("zod");
    expect(trail ? trail.join(" → ") : "zod is not reached").toBe("zod is not reached");
  });
});
