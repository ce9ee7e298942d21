// The header's links prefetch their page only once someone reaches for one (decision 0053): a page
// that has just loaded spends no main-thread time decoding pages nobody has asked for.
import type { Request } from "@playwright/test";
import { expect, signInAsNewTeacher, test, uniqueEmail } from "./support/fixtures";

/** A router prefetch (not a navigation) of this path. */
function isPrefetchOf(request: Request, path: string): boolean {
  const headers = request.headers();
  const prefetch = headers["next-router-prefetch"] !== undefined || headers["next-router-segment-prefetch"] !== undefined;
  return prefetch && new URL(request.url()).pathname === path;
}

test("the header's links wait for a pointer, a touch or the keyboard before prefetching", async ({ page }) => {
  const prefetched: string[] = [];
  page.on("request", (request) => {
    for (const path of ["/signin", "/signup"]) if (isPrefetchOf(request, path)) prefetched.push(path);
  });
  await page.goto("/");
  const header = page.getByRole("banner");
  await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(prefetched, "nothing prefetched while the page starts").toEqual([]);

  // (The home page's own links to lessons and the timeline still prefetch as they always did.)
  // A pointer over "Sign in" prefetches it, and only it.
  const signInPrefetch = page.waitForRequest((request) => isPrefetchOf(request, "/signin"));
  await header.getByRole("link", { name: "Sign in" }).hover();
  await signInPrefetch;
  expect(prefetched).not.toContain("/signup");

  // The keyboard's focus counts as reaching for a link too.
  const signUpPrefetch = page.waitForRequest((request) => isPrefetchOf(request, "/signup"));
  await header.getByRole("link", { name: "Sign up" }).focus();
  await signUpPrefetch;

  // And the link still takes the reader there.
  await header.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("a signed-in teacher's header links wait too, and still lead to their pages", async ({ page }) => {
  // Header-only links: the teacher's home links to questions and classes in its own text, which prefetch as usual.
  const prefetched: string[] = [];
  page.on("request", (request) => {
    for (const path of ["/teacher/articles", "/account"]) if (isPrefetchOf(request, path)) prefetched.push(path);
  });
  await signInAsNewTeacher(page, { name: "Petra Prefetch", email: uniqueEmail("prefetch"), password: "a careful reader of Bishara" });
  const header = page.getByRole("banner");
  await expect(header.getByRole("link", { name: "Articles" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(prefetched, "nothing prefetched while the teacher's home starts").toEqual([]);

  const articlesPrefetch = page.waitForRequest((request) => isPrefetchOf(request, "/teacher/articles"));
  await header.getByRole("link", { name: "Articles" }).hover();
  await articlesPrefetch;
  expect(prefetched).not.toContain("/account");

  await header.getByRole("link", { name: "Articles" }).click();
  await expect(page).toHaveURL(/\/teacher\/articles$/);
  await expect(page.getByRole("heading", { level: 1, name: "Articles" })).toBeVisible();
});
