// The header's links and an article's tabs prefetch their page only once someone reaches for one
// (decision 0053): a page that has just loaded spends no main-thread time decoding pages nobody has
// asked for.
import type { Locator, Page, Request } from "@playwright/test";
import { testArticleDoc } from "../tooling/test-article";
import { storeDraftArticle } from "./support/articles";
import { DEMO, expect, signInAsNewTeacher, test, uniqueEmail } from "./support/fixtures";

/** A router prefetch (not a navigation) of this path. */
function isPrefetchOf(request: Request, path: string): boolean {
  const headers = request.headers();
  const prefetch = headers["next-router-prefetch"] !== undefined || headers["next-router-segment-prefetch"] !== undefined;
  return prefetch && new URL(request.url()).pathname === path;
}

/** The paths among `paths` that the page prefetches from now on, in order. */
function recordPrefetches(page: Page, paths: string[]): string[] {
  const prefetched: string[] = [];
  page.on("request", (request) => {
    for (const path of paths) if (isPrefetchOf(request, path)) prefetched.push(path);
  });
  return prefetched;
}

/** Once the page has settled, none of the watched links has been prefetched. */
async function expectNothingPrefetchedOnLoad(page: Page, prefetched: string[], visible: Locator) {
  await expect(visible).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(prefetched, "nothing prefetched while the page starts").toEqual([]);
}

/** Reaching for the link (`reach`: hover or focus) prefetches its page. */
async function expectPrefetchOn(page: Page, link: Locator, path: string, reach: "hover" | "focus") {
  const prefetch = page.waitForRequest((request) => isPrefetchOf(request, path));
  await (reach === "hover" ? link.hover() : link.focus());
  await prefetch;
}

test("the header's links wait for a pointer, a touch or the keyboard before prefetching", async ({ page }) => {
  // Header-only links: the home page's own links to lessons and the timeline prefetch as they always did.
  const prefetched = recordPrefetches(page, ["/signin", "/signup"]);
  await page.goto("/");
  const header = page.getByRole("banner");
  await expectNothingPrefetchedOnLoad(page, prefetched, header.getByRole("link", { name: "Sign in" }));

  // A pointer over "Sign in" prefetches it, and only it; the keyboard's focus counts as reaching too.
  await expectPrefetchOn(page, header.getByRole("link", { name: "Sign in" }), "/signin", "hover");
  expect(prefetched).not.toContain("/signup");
  await expectPrefetchOn(page, header.getByRole("link", { name: "Sign up" }), "/signup", "focus");

  // And the link still takes the reader there.
  await header.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("a signed-in teacher's header links wait too, and still lead to their pages", async ({ page }) => {
  // Header-only links: the teacher's home links to questions and classes in its own text, which prefetch as usual.
  const prefetched = recordPrefetches(page, ["/teacher/articles", "/account"]);
  await signInAsNewTeacher(page, { name: "Petra Prefetch", email: uniqueEmail("prefetch"), password: "a careful reader of Bishara" });
  const header = page.getByRole("banner");
  const articles = header.getByRole("link", { name: "Articles" });
  await expectNothingPrefetchedOnLoad(page, prefetched, articles);

  await expectPrefetchOn(page, articles, "/teacher/articles", "hover");
  expect(prefetched).not.toContain("/account");

  await articles.click();
  await expect(page).toHaveURL(/\/teacher\/articles$/);
  await expect(page.getByRole("heading", { level: 1, name: "Articles" })).toBeVisible();
});

test("an article's tabs in the labelling workspace wait too, and still lead to their pages", async ({ page }) => {
  // The draft is stored straight into the test database: the importer is not this test's subject.
  const teacher = await signInAsNewTeacher(page, { name: "Tomas Tabs", email: uniqueEmail("prefetch-tabs"), password: DEMO.password });
  const articleId = await storeDraftArticle(teacher.id, testArticleDoc("Tabs that wait"), "prefetch-tabs");
  const details = `/teacher/articles/${articleId}/details`;
  const questions = `/teacher/articles/${articleId}/questions`;
  await page.getByRole("banner").getByRole("link", { name: "Articles" }).click();

  const prefetched = recordPrefetches(page, [details, questions]);
  await page.getByRole("link", { name: "Tabs that wait" }).click();
  const tabs = page.getByRole("navigation", { name: "This article" });
  await expectNothingPrefetchedOnLoad(page, prefetched, tabs.getByRole("link", { name: "Label the text" }));

  await expectPrefetchOn(page, tabs.getByRole("link", { name: "Details, lessons and notes" }), details, "hover");
  expect(prefetched).not.toContain(questions);
  await expectPrefetchOn(page, tabs.getByRole("link", { name: "Questions on this article" }), questions, "focus");

  await tabs.getByRole("link", { name: "Details, lessons and notes" }).click();
  await expect(page).toHaveURL(new RegExp(`${details}$`));
  await expect(tabs.getByRole("link", { name: "Details, lessons and notes" })).toHaveAttribute("aria-current", "page");
});
