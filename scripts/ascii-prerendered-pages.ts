// The second half of `npm run build`: rewrites the HTML that `next build` prerendered
// (.next/server/app/**/*.html) so that it is pure ASCII, which Node sends much faster
// (tooling/ascii-html.ts, docs/decisions/0018-ascii-prerendered-pages.md). It records what it
// did in .next/ascii-html.json (buildId, pages, rewritten), which the benchmarks check before they reuse a build.
// It fails when it finds no page: that means Next moved its output, not that there is nothing to do.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ASCII_MARKER_FILE, asciiHtml, isAscii } from "../tooling/ascii-html";

const ROOT = path.resolve(import.meta.dirname, "..");

function htmlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  // Relative paths as strings: Dirent.parentPath needs Node 20.12, and package.json allows 20.9.
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html"))
    .map((file) => path.join(dir, file))
    .filter((file) => fs.statSync(file).isFile());
}

export type AsciiReport = { buildId: string; pages: number; rewritten: number };

/** Rewrites the prerendered HTML of the build in `dist` (a `.next` folder) as ASCII. */
export function asciiPrerenderedPages(dist: string): AsciiReport {
  const buildIdFile = path.join(dist, "BUILD_ID");
  if (!fs.existsSync(buildIdFile)) throw new Error("No build in .next: run `npm run build` (next build, then this step).");
  const buildId = fs.readFileSync(buildIdFile, "utf8").trim();
  // next start copies a prerendered page into route-cache/ on its first request; a copy made
  // before this step would keep serving the old bytes.
  fs.rmSync(path.join(dist, "server", "route-cache"), { recursive: true, force: true });
  const pagesDir = path.join(dist, "server", "app");
  const files = htmlFiles(pagesDir);
  if (files.length === 0) {
    throw new Error(
      `No prerendered pages in ${path.relative(ROOT, pagesDir) || pagesDir}: Next has moved its HTML output; update scripts/ascii-prerendered-pages.ts (docs/decisions/0029-upgrading-next-react-prisma.md).`,
    );
  }
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
  const report = { buildId, pages: files.length, rewritten };
  fs.writeFileSync(path.join(dist, ASCII_MARKER_FILE), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const { buildId, pages, rewritten } = asciiPrerenderedPages(path.join(ROOT, ".next"));
    console.log(`Prerendered pages made ASCII: ${rewritten} of ${pages} rewritten (build ${buildId}).`);
  } catch (error) {
    // One line, and the build fails.
    console.error(`ascii-prerendered-pages: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
