// A path whose percent-escapes do not decode (`/lessons/%E0%A4%A`) makes Next's router throw
// while it matches a dynamic route, and its last-resort answer is a bare 500 without the security
// headers (issue 15). The proxy runs on every path with a `%` (its matcher) and refuses these first.

/** Whether every segment of a raw (still encoded) path decodes as UTF-8. */
export function isDecodablePath(rawPath: string): boolean {
  try {
    for (const segment of rawPath.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}
