import { expect, expectAccessible, test } from "./support/fixtures";

test("the home page says what Backchannel is, credits the source and has no accessibility violations", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("US–Russian relations");
  await expect(page.getByRole("contentinfo")).toContainText("Marwan Bishara");
  await expect(page.getByRole("contentinfo")).toContainText("Al Jazeera, 2016");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expectAccessible(page);
});

test("the health endpoint says only whether the database answers with its migrations applied", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  // No provider, latency or migration names for the public (issue 15).
  expect(await response.json()).toEqual({ status: "ok" });
});

test("an unknown address shows a helpful not-found page with status 404", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
});
