// The second half of `npm run build`: rewrites the HTML that `next build` prerendered
// (.next/server/app/**/*.html) so that it is pure ASCII, which Node sends much faster
// (scripts/lib/ascii-html.ts, docs/decisions/0018-ascii-prerendered-pages.md). It records what it
// did in .next/ascii-html.json (buildId, pages, rewritten), which the benchmarks check before they reuse a build.
import fs from "node:fs";
import path from "node:path";
import { ASCII_MARKER_FILE, asciiHtml, isAscii } from "./lib/ascii-html";

const ROOT = path.resolve(import.meta.dirname, "..");
const DIST = path.join(ROOT, ".next");

function htmlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  // Relative paths as strings: Dirent.parentPath needs Node 20.12, and package.json allows 20.9.
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html"))
    .map((file) => path.join(dir, file))
    .filter((file) => fs.statSync(file).isFile());
}

function main() {
  const buildIdFile = path.join(DIST, "BUILD_ID");
  if (!fs.existsSync(buildIdFile)) throw new Error("No build in .next: run `npm run build` (next build, then this step).");
  const buildId = fs.readFileSync(buildIdFile, "utf8").trim();
  // next start copies a prerendered page into route-cache/ on its first request; a copy made
  // before this step would keep serving the old bytes.
  fs.rmSync(path.join(DIST, "server", "route-cache"), { recursive: true, force: true });
  const files = htmlFiles(path.join(DIST, "server", "app"));
  let rewritten = 0;
  for (const file of files) {
    const html = fs.readFileSync(file, "utf8");
    const ascii = asciiHtml(html);
    if (!isAscii(ascii)) throw new Error(`${path.relative(ROOT, file)} still has non-ASCII characters after escaping`);
    if (ascii !== html) {
      fs.writeFileSync(file, ascii);
      rewritten += 1;
    }
  }
  fs.writeFileSync(path.join(DIST, ASCII_MARKER_FILE), `${JSON.stringify({ buildId, pages: files.length, rewritten }, null, 2)}\n`);
  console.log(`Prerendered pages made ASCII: ${rewritten} of ${files.length} rewritten (build ${buildId}).`);
}

main();
