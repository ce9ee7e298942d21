import { lessonText, lessons } from "./support/content";
import { DEMO, expect, expectAccessible, signIn, signUp, test, uniqueEmail } from "./support/fixtures";

test.describe("lessons", () => {
  test("the lesson list shows the four lessons in order with reading times", async ({ page }) => {
    await page.goto("/lessons");
    const titles = page.getByRole("listitem").getByRole("heading", { level: 2 });
    await expect(titles).toHaveText(["Potato diplomacy", "The eye of the beholder", "Messrs Fix-it: the fixers", "Messrs Fix-it: an imagined conversation"]);
    await expect(page.getByText(/Lesson 1 · \d+ min read/)).toBeVisible();
    await expectAccessible(page);
  });

  test("a lesson shows labelled paragraphs, context notes, glossary, attribution and neighbours", async ({ page }) => {
    const response = await page.goto("/lessons/the-eye-of-the-beholder");
    // Prerendered at build time: served from the static cache, no rendering or database work.
    expect(response?.headers()["x-nextjs-prerender"]).toBeTruthy();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The eye of the beholder");
    await expect(page.getByText("Lesson 2 of 4")).toBeVisible();
    await expect(page.getByRole("heading", { name: "In this lesson you will" })).toBeVisible();

    const quote = page.locator("#eye-p04");
    await expect(quote).toHaveAttribute("data-label", "on-record-quote");
    await expect(quote).toContainText("I looked the man in the eye");
    await expect(quote).toContainText("On-record quote");

    // The author's opinion about Libya is labelled as opinion and corrected by a context note.
    const libya = page.locator("#eye-p11");
    await expect(libya).toHaveAttribute("data-label", "opinion");
    await expect(libya.getByRole("complementary").filter({ hasText: "Resolution 1973" })).toBeVisible();

    await expect(page.getByRole("heading", { name: "Key terms" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Previous: Potato diplomacy/ })).toHaveAttribute("href", "/lessons/potato-diplomacy");
    await expect(page.getByRole("link", { name: /Next: Messrs Fix-it: the fixers/ })).toHaveAttribute("href", "/lessons/messrs-fix-it");
    await expect(page.locator("article footer")).toContainText("Marwan Bishara");
    await expect(page.locator("article footer")).toContainText("Al Jazeera, 2016");
    await expectAccessible(page);
  });

  test("prerendered lessons are sent as pure ASCII and read in the browser exactly as the article", async ({ page }) => {
    // npm run build escapes every non-ASCII character (decision 0018); the reader must not see a difference.
    for (const path of ["/", "/lessons", "/timeline"]) {
      const body = await (await page.request.get(path)).body();
      expect(
        body.every((byte) => byte < 0x80),
        `${path} is sent as ASCII`,
      ).toBe(true);
    }
    for (const lesson of lessons) {
      const path = `/lessons/${lesson.slug}`;
      const body = await (await page.request.get(path)).body();
      expect(
        body.every((byte) => byte < 0x80),
        `${path} is sent as ASCII`,
      ).toBe(true);
    }
    // Read in the browser as a reader moves through them: the first lesson, then "Next" each time.
    await page.goto(`/lessons/${lessons[0]?.slug}`);
    for (const [index, lesson] of lessons.entries()) {
      if (index > 0) await page.getByRole("link", { name: `Next: ${lesson.title} →` }).click();
      await expect(page).toHaveURL(new RegExp(`/lessons/${lesson.slug}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(lesson.title);
      const blocks = lessonText(lesson);
      expect(blocks.length).toBeGreaterThan(0);
      for (const { id, texts } of blocks) for (const text of texts) await expect(page.locator(`[id="${id}"]`), id).toContainText(text);
    }
  });

  test("the imagined dialogue is never shown as fact", async ({ page }) => {
    await page.goto("/lessons/the-imagined-conversation");
    const speeches = page.locator("[data-label='imagined-dialogue']");
    expect(await speeches.count()).toBeGreaterThanOrEqual(15);
    for (const speech of await speeches.all()) await expect(speech).toContainText("Imagined dialogue");
    await expect(page.locator("[data-label='reported-fact']", { hasText: "SL:" })).toHaveCount(0);
    await expectAccessible(page);
  });

  test("a paragraph can be linked to directly", async ({ page }) => {
    await page.goto("/lessons/the-eye-of-the-beholder#eye-p09");
    await expect(page.locator("#eye-p09")).toBeInViewport();
    await page
      .locator("#eye-p09")
      .getByRole("link", { name: /Link to this paragraph/ })
      .click();
    await expect(page).toHaveURL(/#eye-p09$/);
  });

  test("an unknown lesson is a 404", async ({ page }) => {
    const response = await page.goto("/lessons/no-such-lesson");
    expect(response?.status()).toBe(404);
  });

  test("a signed-in learner marks a lesson read and sees it on the lesson list", async ({ page }) => {
    await signIn(page, DEMO.student2);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Lessons" }).click();
    await page.getByRole("link", { name: "Messrs Fix-it: the fixers" }).click();
    const button = page.getByRole("button", { name: /Mark lesson as read|mark as not read/ });
    if ((await button.getAttribute("aria-pressed")) === "true") await button.click();
    await page.getByRole("button", { name: "Mark lesson as read" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Marked as read." })).toBeVisible();
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Lessons" }).click();
    await expect(page.getByRole("progressbar", { name: "Messrs Fix-it: the fixers: reading progress" })).toHaveAttribute("aria-valuenow", "100");
  });

  test("reading a lesson opened from the list moves its bar, and reading to the end counts as read", async ({ page }) => {
    await signUp(page, { name: "Rita Reader", email: uniqueEmail("reader"), password: "a careful reader of Bishara", role: "Student" });
    await expect(page.getByRole("heading", { name: "Next up" })).toBeVisible();
    await expect(page.getByText("Start with Lesson 1: Potato diplomacy")).toBeVisible();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Lessons" }).click();
    await page.getByRole("link", { name: "The eye of the beholder" }).click();
    await expect(page).toHaveURL(/\/lessons\/the-eye-of-the-beholder$/);
    const bar = page.getByRole("progressbar", { name: "Your reading progress in this lesson" });
    await expect(bar).toHaveAttribute("aria-valuenow", "0");

    // Half-way: the page's own bar follows the reader (the header never flips to signed out).
    await page.locator("#eye-p09").scrollIntoViewIfNeeded();
    await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow"))).toBeGreaterThan(0);
    expect(Number(await bar.getAttribute("aria-valuenow"))).toBeLessThan(100);
    await expect(page.getByRole("button", { name: "Mark lesson as read" })).toBeVisible();

    await page.locator("#lesson-end").scrollIntoViewIfNeeded();
    await expect(bar).toHaveAttribute("aria-valuenow", "100");
    await expect(page.getByRole("status").filter({ hasText: "You have read to the end: this lesson counts as read." })).toBeVisible();
    await expect(page.getByRole("button", { name: "✓ Read — mark as not read" })).toBeVisible();

    // The lesson ends with its quiz.
    await expect(page.getByRole("heading", { name: "Check your reading" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Practice quiz on this lesson" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    await expect(page.getByText("You have read 1 of 4 lessons.")).toBeVisible();
    await expect(page.getByRole("progressbar", { name: "The eye of the beholder: reading progress" })).toHaveAttribute("aria-valuenow", "100");
  });

  test("anonymous readers are invited to sign in to track progress and to take the lesson's quiz", async ({ page }) => {
    await page.goto("/lessons/potato-diplomacy");
    await expect(page.getByRole("link", { name: "Sign in", exact: true }).last()).toHaveAttribute("href", "/signin?callbackUrl=%2Flessons%2Fpotato-diplomacy");
    await expect(page.getByRole("link", { name: "Sign in to take the quiz" })).toHaveAttribute("href", "/signin?callbackUrl=%2Flessons%2Fpotato-diplomacy");
  });

  test("print hides the site chrome and keeps the text", async ({ page }) => {
    await page.goto("/lessons/potato-diplomacy");
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("banner")).toBeHidden();
    await expect(page.locator("#opening-p01")).toBeVisible();
  });
});

test.describe("timeline", () => {
  test("shows four phases with their events, each linking to the text", async ({ page }) => {
    await page.goto("/timeline");
    await expect(page.getByRole("heading", { level: 2, name: /^Phase \d/ })).toHaveCount(4);
    const summit = page.locator("#slovenia-summit");
    await expect(summit).toContainText("16 June 2001");
    await summit.getByRole("link", { name: "Lesson 2, paragraph 4", exact: true }).click();
    await expect(page).toHaveURL(/\/lessons\/the-eye-of-the-beholder#eye-p03$/);
  });

  test("is keyboard navigable and accessible", async ({ page }) => {
    await page.goto("/timeline");
    await expectAccessible(page);
    const phaseLink = page.getByRole("navigation", { name: "Phases" }).getByRole("link").first();
    await phaseLink.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#phase-/);
  });
});
