/**
 * The repository stands alone: a fresh clone holds everything its code, tests and scripts read.
 * A tracked file that names a place outside the repository (a sibling `shared` folder, the machine
 * it was written on) works on that machine and fails everywhere else, so it fails here instead.
 */
import { execFileSync } from "node:child_process";
import { lstatSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const THIS_FILE = path.relative(ROOT, import.meta.filename);

/**
 * Paths that only exist on one machine. Written as regular expressions so that this file, which
 * must name them, says so once, here. `/tmp` is allowed: scripts make scratch files there at run time.
 */
const OUTSIDE = [
  { what: "a folder beside the repository", pattern: /\.\.[\\/]+shared\b/ },
  { what: "the machine's workspace", pattern: /(?<![\w.-])\/work\// },
  { what: "a home directory", pattern: /(?<![\w.-])\/(?:root|home|Users)\/[\w.-]/ },
  { what: "a Windows user folder", pattern: /\b[A-Z]:\\+Users\\/i },
];

/** Every place in `text` that names a path outside the repository, as "line N: what (excerpt)". */
export function outsideReferences(text: string): string[] {
  const found: string[] = [];
  text.split("\n").forEach((line, index) => {
    for (const { what, pattern } of OUTSIDE) {
      const match = pattern.exec(line);
      if (match) found.push(`line ${index + 1}: ${what} (${JSON.stringify(line.slice(Math.max(0, match.index - 20), match.index + 60))})`);
    }
  });
  return found;
}

function trackedFiles(): string[] {
  return execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 })
    .split("\0")
    .filter((file) => file !== "");
}

describe("the repository stands alone", () => {
  const files = trackedFiles();

  it("lists the tracked files (this test reads the real checkout)", () => {
    expect(files).toContain("package.json");
    expect(files).toContain("content/source/fatal-attraction-iv.txt");
    expect(files).toContain(THIS_FILE);
  });

  it("has no tracked file that names a path outside the repository", () => {
    const problems: string[] = [];
    for (const file of files) {
      if (file === THIS_FILE) continue; // it names the patterns it looks for
      const full = path.join(ROOT, file);
      if (!lstatSync(full, { throwIfNoEntry: false })?.isFile()) continue; // deleted in the work tree, or a link (checked below)
      // latin1 reads any bytes, so a path inside a binary file is found too.
      for (const reference of outsideReferences(readFileSync(full, "latin1"))) problems.push(`${file} ${reference}`);
    }
    expect(problems).toEqual([]);
  });

  it("has no tracked symbolic link that points outside the repository", () => {
    const escaping = files.filter((file) => {
      const full = path.join(ROOT, file);
      if (!lstatSync(full, { throwIfNoEntry: false })?.isSymbolicLink()) return false;
      const target = path.resolve(path.dirname(full), readlinkSync(full));
      const relative = path.relative(ROOT, target);
      return relative.startsWith("..") || path.isAbsolute(relative);
    });
    expect(escaping).toEqual([]);
  });

  it("finds each kind of outside path, and leaves paths inside the repository alone", () => {
    const up = "..";
    expect(outsideReferences(`const SOURCE = path.resolve(dir, "${up}/${up}/${up}/shared/text/article.txt");`)).toHaveLength(1);
    expect(outsideReferences(`// see ${"/"}work/notes/stack-facts.md`)).toHaveLength(1);
    expect(outsideReferences(`--out ${"/"}work/main/bench/tmp/run-1`)).toHaveLength(1);
    expect(outsideReferences(`cache: ${"/"}root/.cache/ms-playwright`)).toHaveLength(1);
    expect(outsideReferences(`cd ${"/"}home/alice/backchannel`)).toHaveLength(1);
    expect(outsideReferences(`C:${"\\"}Users${"\\"}alice${"\\"}backchannel`)).toHaveLength(1);
    expect(outsideReferences("ok\nstill ok\n" + `${up}/shared/x`)).toEqual([expect.stringMatching(/^line 3: a folder beside the repository/)]);
    // Paths inside the repository, run-time scratch space and URLs are fine.
    expect(outsideReferences('sourceFile: "content/source/fatal-attraction-iv.txt"')).toEqual([]);
    expect(outsideReferences('import { x } from "../../lib/content";')).toEqual([]);
    expect(outsideReferences("mkdtemp(path.join(os.tmpdir(), 'bc-')) // e.g. /tmp/bc-abc123")).toEqual([]);
    expect(outsideReferences(`https://example.com${"/"}work/page and lib/network${"/"}work/`)).toEqual([]);
  });
});
