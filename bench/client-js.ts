// First-load JavaScript of every route, from the production build's own report
// (.next/diagnostics/route-bundle-stats.json), gzipped as a browser would receive it.
// Usage: npm run build && npm run bench:client-js   (prints a Markdown table)
import fs from "node:fs";
import zlib from "node:zlib";

type RouteStats = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };

export type ClientJsRow = { route: string; files: number; rawKiB: number; gzipKiB: number };

export function measureClientJs(statsFile = ".next/diagnostics/route-bundle-stats.json"): ClientJsRow[] {
  if (!fs.existsSync(statsFile)) throw new Error(`${statsFile} not found: run npm run build first.`);
  const stats = JSON.parse(fs.readFileSync(statsFile, "utf8")) as RouteStats[];
  const gzipCache = new Map<string, number>();
  const gzipSize = (file: string) => {
    let size = gzipCache.get(file);
    if (size === undefined) {
      size = zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
      gzipCache.set(file, size);
    }
    return size;
  };
  return stats
    .map((s) => ({
      route: s.route,
      files: s.firstLoadChunkPaths.length,
      rawKiB: s.firstLoadUncompressedJsBytes / 1024,
      gzipKiB: s.firstLoadChunkPaths.reduce((sum, file) => sum + gzipSize(file), 0) / 1024,
    }))
    .sort((a, b) => a.gzipKiB - b.gzipKiB);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = measureClientJs();
  const smallest = rows[0];
  console.log("| route | chunks | JS (KiB) | gzip (KiB) | vs smallest (gzip KiB) |\n|---|---:|---:|---:|---:|");
  for (const row of rows) {
    console.log(
      `| \`${row.route}\` | ${row.files} | ${row.rawKiB.toFixed(1)} | ${row.gzipKiB.toFixed(1)} | ${smallest ? `+${(row.gzipKiB - smallest.gzipKiB).toFixed(1)}` : ""} |`,
    );
  }
}
