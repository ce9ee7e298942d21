// A teacher writes a question on her own imported article by clicks: the source picker (by
// mouse and keyboard, filtered by lesson), the refusal without sources (nothing typed is lost),
// an item-flaw warning while typing, the preview as a student sees it, the saved question in the
// list; then a source sentence changes and she reviews and confirms it.
import type { Page } from "@playwright/test";
import { E2E_DATABASE_URL } from "../playwright.config";
import { databaseTarget } from "../lib/database-url";
import { toolingClient } from "../tooling/database-client";
import { createAccountIn } from "../tooling/accounts";
import { testArticleDoc } from "../tooling/test-article";
import { storeDraftArticle } from "./support/articles";
import { DEMO, expect, expectAccessible, test, uniqueEmail } from "./support/fixtures";

const PROMPT = "When did Kerry and Lavrov first meet in Geneva?";

/** Edits a sentence of the draft and flags the article's questions, as publishing that edit does (lib/articles/publish.ts). */
async function changeSentence(articleId: string, sentenceId: string, text: string) {
  const target = databaseTarget(E2E_DATABASE_URL);
  if (target.provider !== "sqlite") throw new Error("the browser tests run on SQLite files");
  const client = toolingClient(target);
  try {
    const doc = testArticleDoc();
    const draft = { ...doc, blocks: doc.blocks.map((b) => ({ ...b, sentences: b.sentences.map((s) => (s.id === sentenceId ? { ...s, text } : s)) })) };
    await client.article.update({ where: { id: articleId }, data: { draft } });
    await client.question.updateMany({ where: { articleId }, data: { sourceChangedAt: new Date() } });
  } finally {
    await client.$disconnect();
  }
}

async function shoot(page: Page, name: string, fullPage = true) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage, animations: "disabled", caret: "hide" });
}

test("a teacher writes a single-choice question by picking two sentences, sees a warning and the preview, and saves it", async ({ page }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("article-teacher");
  const teacher = await createAccountIn(E2E_DATABASE_URL, { name: "Ms Okafor", email, password: DEMO.password, role: "TEACHER" });
  const articleId = await storeDraftArticle(teacher.id, testArticleDoc(), "geneva-talks");

  // The article's questions page asks her to sign in first, then opens.
  await page.goto(`/teacher/articles/${articleId}/questions`);
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Questions" })).toBeVisible();
  await expect(page.getByText("None yet.")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Write a question" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Write a question" })).toBeVisible();
  const picker = page.getByTestId("source-picker");
  const sources = page.getByRole("region", { name: /^Rests on/ });
  await expect(sources).toContainText("Rests on: no sentences yet.");

  // Written first, saved without sources: refused with the message, nothing typed is lost.
  await page.getByLabel("Question", { exact: true }).fill(PROMPT);
  await page.getByLabel("Options").fill("* March 2013, after a long exchange of letters between the two ministers\nJune 2015\nMay 2011");
  await page.getByLabel("Explanation").fill("The article dates their first meeting in Geneva to March 2013.");
  const checks = page.getByRole("region", { name: "Check this question" });
  await expect(checks.getByRole("listitem").filter({ hasText: "by far the longest option" })).toBeVisible();
  await page.getByRole("button", { name: "Save question" }).click();
  await expect(sources.getByText("Choose the sentences this question rests on.")).toBeVisible();
  await expect(page.getByLabel("Question", { exact: true })).toHaveValue(PROMPT);

  // One sentence by click, one by keyboard; the lesson filter narrows the text.
  // A sentence wraps like prose: click on its first words, as a reader would.
  await picker.getByText("Kerry and Lavrov first met in Geneva in March 2013.").click({ position: { x: 12, y: 8 } });
  const second = picker.getByRole("checkbox", { name: /^They spoke for three hours about Syria\. \(Reported fact\)$/ });
  await second.focus();
  await page.keyboard.press("Space");
  await expect(second).toBeChecked();
  await shoot(page, "keyboard-focus", false);
  await expect(sources.getByRole("heading")).toHaveText("Rests on: 2 sentences in Lesson 1, paragraph 1");
  await expect(sources.getByText("Choose the sentences this question rests on.")).toBeHidden();
  await page.getByLabel("Show").selectOption({ label: "Lesson 2: After Vienna" });
  await expect(picker.getByText("Kerry and Lavrov first met")).toBeHidden();
  await expect(picker.getByRole("checkbox", { name: /^The ceasefire collapsed within a week/ })).toBeVisible();
  await page.getByLabel("Show").selectOption({ label: "All lessons" });

  // The preview is the student's view: the options as radio buttons, no key.
  const preview = page.getByRole("region", { name: "Preview as a student sees it" });
  await expect(preview.getByRole("group", { name: PROMPT })).toBeVisible();
  await expect(preview.getByRole("radio", { name: "June 2015" })).toBeVisible();
  await expect(preview.getByText("*")).toHaveCount(0);

  // Shorter key, no warning; a screenshot of the editor with its picker on desktop and on a phone.
  await page.getByLabel("Options").fill("* March 2013\nJune 2015\nMay 2011");
  await expect(checks).toBeHidden();
  await expect(preview.getByRole("radio", { name: "March 2013" })).toBeVisible();
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, "editor-desktop");
  // The window's worth the README shows (docs/screenshots/source-picker.png is a copy of it).
  await shoot(page, "source-picker", false);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await shoot(page, "editor-phone");
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole("button", { name: "Save question" }).click();
  await expect(page.getByText("Saved. The question is in the list below.")).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(PROMPT) });
  await expect(row.getByRole("cell").nth(0)).toHaveText("Single choice");
  await expect(row).toContainText("2 sentences in Lesson 1, paragraph 1");
  await expect(row).toContainText("In use");

  // A later edit changes one of its sentences: flagged, reviewed, confirmed.
  await changeSentence(articleId, "s2", "They spoke for four hours about Syria.");
  await page.reload();
  await expect(row).toContainText("Source changed");
  await row.getByText("Review").click();
  await expect(row.getByText("They spoke for three hours about Syria.")).toBeVisible();
  await expect(row.getByText("They spoke for four hours about Syria.")).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "review");
  await row.getByRole("button", { name: "Confirm, the question still holds" }).click();
  await expect(row).toContainText("In use");
  await expect(row).not.toContainText("Source changed");

  // Opened again, it shows its sources ticked; an edit to the wording saves in place.
  await row.getByRole("link", { name: PROMPT }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit a question" })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Rests on/ }).getByRole("heading")).toHaveText("Rests on: 2 sentences in Lesson 1, paragraph 1");
  await expect(page.getByTestId("source-picker").getByRole("checkbox", { name: /^They spoke for four hours about Syria\./ })).toBeChecked();
  await page.getByLabel("Question", { exact: true }).fill("In which month did Kerry and Lavrov first meet in Geneva?");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /^← Questions on/ }).click();
  await expect(page.getByRole("row", { name: /In which month did Kerry and Lavrov first meet in Geneva\?/ })).toBeVisible();
});
