// The labelling workspace on a long draft (issue 16, decision 0045): only the paragraphs near the
// focus are in the page, yet the keys reach a sentence hundreds of rows away ("Go to the first
// sentence without a label", u, j, k, shift), scroll it into view and label it; the focus
// survives scrolling away; Find reaches a sentence that is not drawn; every row says its place.
// The draft is stored straight into the test database (the importer is not this test's subject).
import type { Page } from "@playwright/test";
import { E2E_DATABASE_URL } from "../playwright.config";
import type { ArticleDoc } from "../lib/articles/schema";
import { createAccountIn } from "../tooling/accounts";
import { testArticleDoc } from "../tooling/test-article";
import { storeDraftArticle } from "./support/articles";
import { DEMO, expect, expectAccessible, test, uniqueEmail } from "./support/fixtures";

const PARAGRAPHS = 130;
const PER_PARAGRAPH = 5;
const TOTAL = PARAGRAPHS * PER_PARAGRAPH;
/** The two sentences left without a label: far down the draft, and the very last one. */
const FAR = { paragraph: 120, sentence: 3 };
const LAST = { paragraph: PARAGRAPHS, sentence: PER_PARAGRAPH };

const textOf = (paragraph: number, sentence: number) =>
  paragraph === FAR.paragraph && sentence === FAR.sentence
    ? "The far-away sentence waited for its label in the hundred and twentieth paragraph."
    : `Sentence ${sentence} of paragraph ${paragraph} reports what happened that day.`;

function longDoc(): ArticleDoc {
  const base = testArticleDoc("A long draft to label");
  const blocks = Array.from({ length: PARAGRAPHS }, (_, p) => ({
    id: `p${p + 1}`,
    kind: "paragraph" as const,
    sentences: Array.from({ length: PER_PARAGRAPH }, (_, s) => {
      const unlabelled = (p + 1 === FAR.paragraph && s + 1 === FAR.sentence) || (p + 1 === LAST.paragraph && s + 1 === LAST.sentence);
      return { id: `p${p + 1}s${s + 1}`, text: textOf(p + 1, s + 1), label: unlabelled ? null : ("reported-fact" as const) };
    }),
  }));
  return {
    ...base,
    blocks,
    lessons: [{ id: "l1", title: "All of it", blockIds: blocks.map((b) => b.id), objectives: [], summary: null }],
    contextNotes: [],
    glossary: [],
    phases: [],
    events: [],
    nextId: 10_000,
  };
}

const focusedSentence = (page: Page) => page.locator('[data-sid][tabindex="0"]');
const progress = (page: Page) => page.getByRole("meter", { name: "Sentences labelled" });

test("on a long draft the keys reach, scroll to and label a sentence hundreds of rows away", async ({ page }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("long-draft-teacher");
  const teacher = await createAccountIn(E2E_DATABASE_URL, { name: "Ms Lindqvist", email, password: DEMO.password, role: "TEACHER" });
  const articleId = await storeDraftArticle(teacher.id, longDoc(), "long-draft");

  await page.goto(`/teacher/articles/${articleId}`);
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "A long draft to label" })).toBeVisible();

  // The whole draft counts; only a part of it is drawn, and each row says where it is.
  await expect(progress(page)).toHaveAttribute("aria-valuenow", String(TOTAL - 2));
  await expect(progress(page)).toHaveAttribute("aria-valuemax", String(TOTAL));
  const drawn = await page.locator("[data-sid]").count();
  expect(drawn).toBeGreaterThan(0);
  expect(drawn).toBeLessThan(TOTAL / 4);
  await expect(page.locator('[data-sid="p1s1"]')).toHaveAttribute("aria-label", `Sentence 1 of ${TOTAL}: Reported fact`);
  await expect(page.locator('[data-sid="p120s3"]')).toHaveCount(0);
  await expect(page.getByText(`The article has ${TOTAL} sentences; only the paragraphs near the one you are on are in the page.`)).toBeAttached();
  await expectAccessible(page);

  // "Go to the first sentence without a label": 600 rows down, drawn, focused and on screen.
  await page.getByRole("button", { name: "Go to the first sentence without a label" }).click();
  const far = page.locator('[data-sid="p120s3"]');
  await expect(far).toBeFocused();
  await expect(far).toBeInViewport();
  const farNumber = (FAR.paragraph - 1) * PER_PARAGRAPH + FAR.sentence;
  await expect(far).toHaveAttribute("aria-label", `Sentence ${farNumber} of ${TOTAL}: no label yet`);
  await page.keyboard.press("3");
  await expect(far).toContainText("Author’s opinion");
  await expect(progress(page)).toHaveAttribute("aria-valuenow", String(TOTAL - 1));

  // j and k across a paragraph's end; shift+j selects into the next paragraph, 0 clears both, 1 labels both.
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(page.locator('[data-sid="p121s1"]')).toBeFocused();
  await page.keyboard.press("k");
  await expect(page.locator('[data-sid="p120s5"]')).toBeFocused();
  await page.keyboard.press("Shift+J");
  await page.keyboard.press("0");
  await expect(page.locator('[data-sid="p120s5"]')).toContainText("No label yet");
  await expect(page.locator('[data-sid="p121s1"]')).toContainText("No label yet");
  await expect(progress(page)).toHaveAttribute("aria-valuenow", String(TOTAL - 3));
  await page.keyboard.press("1");
  await expect(page.locator('[data-sid="p121s1"]')).toContainText("Reported fact");
  await expect(progress(page)).toHaveAttribute("aria-valuenow", String(TOTAL - 1));

  // Scrolled back to the top with the wheel: the focused row stays in the page with the focus,
  // so u still works, and brings the last sentence of the draft into view.
  await page.mouse.wheel(0, -1_000_000);
  await expect(page.getByRole("heading", { level: 1, name: "A long draft to label" })).toBeInViewport();
  await expect(focusedSentence(page)).toBeFocused();
  await page.keyboard.press("u");
  const last = page.locator(`[data-sid="p${LAST.paragraph}s${LAST.sentence}"]`);
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await page.keyboard.press("1");
  await expect(progress(page)).toHaveAttribute("aria-valuenow", String(TOTAL));
  await expect(page.getByText("All changes saved.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Go to the first sentence without a label" })).toHaveCount(0);

  // Saved: after leaving and coming back, Find reaches the far sentence, which is not drawn at the top.
  await page.getByRole("link", { name: "Details, lessons and notes" }).click();
  await page.getByRole("link", { name: "Label the text" }).click();
  await expect(progress(page)).toHaveAttribute("aria-valuenow", String(TOTAL));
  await expect(far).toHaveCount(0);
  await page.getByRole("searchbox", { name: "Find" }).fill("far-away");
  await page.getByRole("button", { name: "Find next" }).click();
  await expect(far).toBeFocused();
  await expect(far).toBeInViewport();
  await expect(far).toContainText("Author’s opinion");
  await expect(page.getByRole("search", { name: "Find a sentence" }).getByRole("status")).toHaveText("1 of 1");
  await page.getByRole("searchbox", { name: "Find" }).fill("not in this article");
  await page.getByRole("button", { name: "Find next" }).click();
  await expect(page.getByText("No sentence has “not in this article”.")).toBeVisible();
  await expectAccessible(page);
});
