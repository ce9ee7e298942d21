import type { Page } from "@playwright/test";

/** "2026-03-08T17:00", some days from now at 17:00 in the browser's own time zone (what datetime-local takes). */
export function localDateTime(page: Page, days: number): Promise<string> {
  return page.evaluate((d) => {
    const date = new Date(Date.now() + d * 86_400_000);
    date.setHours(17, 0, 0, 0);
    return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  }, days);
}
