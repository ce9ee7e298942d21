// The request budget in the shared fixture is what keeps a request loop from coming back unseen
// (issue 12): prove it trips on a loop, and that a navigation starts a fresh count.
import { expect, test, watchRequestBudget, REQUEST_BUDGET } from "./support/fixtures";

test("a page that sends the same request in a loop is reported; a new navigation starts a fresh count", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  watchRequestBudget(page, problems);
  await page.goto("/");
  const fetchHealth = (times: number) =>
    page.evaluate(async (n) => {
      for (let i = 0; i < n; i++) await fetch("/api/health", { cache: "no-store" });
    }, times);

  await fetchHealth(REQUEST_BUDGET.get);
  expect(problems, "within the budget").toEqual([]);

  await page.getByRole("link", { name: "Timeline" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/timeline/i);
  await fetchHealth(REQUEST_BUDGET.get);
  expect(problems, "the count starts again after a client-side navigation").toEqual([]);

  await fetchHealth(1);
  expect(problems).toEqual([expect.stringContaining("request loop: GET /api/health sent more than 4 times in one navigation")]);
  await context.close();
});
