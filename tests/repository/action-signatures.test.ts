import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { actionSignatureProblems, programFor, serverActionFiles } from "./action-signatures";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("server action signatures", () => {
  it("every action takes FormData or plain JSON only", () => {
    const files = serverActionFiles(ROOT, ["app", "components", "lib"]);
    expect(files.length).toBeGreaterThan(5);
    expect(actionSignatureProblems(programFor(ROOT, files), files, ROOT)).toEqual([]);
  }, 60_000);

  // The check itself: it names what React could carry but our actions must not take.
  const scratch = mkdtempSync(path.join(tmpdir(), "action-signatures-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  it("names a Date, Map, Set, bigint, function, class or any, and passes JSON and FormData", () => {
    const file = path.join(scratch, "actions.ts");
    writeFileSync(
      file,
      `"use server";
class Thing { x = 1; }
type State = { message?: string; errors: Record<string, string[]>; values: { name: string; n: number | null }[] };
export async function fine(_: State, form: FormData, raw: unknown, tag?: "a" | "b") { return [form, raw, tag]; }
export async function when(at: Date) { return at; }
export async function nested(input: { ids: Set<string> }) { return input; }
export async function mapped(m: Map<string, number>) { return m; }
export async function big(n: bigint) { return n; }
export async function callback(f: () => void) { return f; }
export async function instance(t: Thing) { return t; }
export async function loose(x: any) { return x; }
`,
    );
    const problems = actionSignatureProblems(programFor(ROOT, [file]), [file], scratch);
    expect(problems.map((p) => p.split(" takes ")[0])).toEqual([
      "actions.ts: when(at)",
      "actions.ts: nested(input)",
      "actions.ts: mapped(m)",
      "actions.ts: big(n)",
      "actions.ts: callback(f)",
      "actions.ts: instance(t)",
      "actions.ts: loose(x)",
    ]);
    expect(problems[0]).toBe('actions.ts: when(at) takes Date; server actions take FormData or plain JSON only (README, "Rules of the house")');
    expect(problems[1]).toContain('Set<string> (in "ids")');
  }, 60_000);
});
