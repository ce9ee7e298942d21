import { expect, expectAccessible, test } from "./support/fixtures";

for (const path of ["/", "/lessons/the-eye-of-the-beholder", "/timeline", "/signin"]) {
  test(`${path} fits a phone screen without sideways scrolling`, async ({ page }) => {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });
}
