// Which Chromium to drive: $CHROMIUM_PATH, else Playwright's own download if one is present,
// else Debian's /usr/bin/chromium (Playwright's download cannot be fetched on these machines).
import fs from "node:fs";
import { chromium } from "@playwright/test";

export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  try {
    const bundled = chromium.executablePath();
    if (bundled && fs.existsSync(bundled)) return undefined; // let Playwright use its own
  } catch {
    // no bundled browser registered
  }
  if (fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  throw new Error("No Chromium found: set CHROMIUM_PATH, or install Debian's chromium (apt-get install -y chromium).");
}
