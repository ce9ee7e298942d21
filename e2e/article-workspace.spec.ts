// A teacher brings in her own article and labels it (issue 16): a bad upload is refused with a
// clear message and stores nothing; the pasted article gets suggestions; every sentence is
// labelled with the keyboard (several at once with shift, one suggestion accepted); a sentence
// is split; a context note is written; the article is published. A teacher who is not her
// colleague never sees it. axe runs on every screen. After the first page everyone clicks.
import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, signInAsNewTeacher, test, uniqueEmail } from "./support/fixtures";

const PASSWORD = "a careful reader of Bishara";
const TITLE = "Talks by the lake";

/** Written for this test: a heading, a quotation with "said", an opinion, an imagined line. */
const ARTICLE = [
  TITLE,
  "The two foreign ministers arrived in Geneva on 9 September 2016. They talked for thirteen hours.",
  "“We have agreed on a plan,” Kerry said.",
  "The plan was meant to stop the fighting in Aleppo.",
  "I think the plan was a mistake from the start.",
  "The second day",
  "Reporters waited outside the hotel until midnight.",
  "I imagine Lavrov leaning back in his chair, smiling at his old friend.",
  "The ceasefire collapsed within a week.",
  "Both men would meet again in Lausanne.",
].join("\n");

/** Which key labels a sentence: 1 fact, 2 quote, 3 opinion, 4 imagined, 5 editorial note. */
function keyFor(text: string): string {
  if (text === "The second day") return "5";
  if (text.startsWith("I imagine")) return "4";
  if (text.startsWith("I think")) return "3";
  if (text.includes("said")) return "2";
  return "1";
}

const headerLink = (page: Page, name: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });
const focusedSentence = (page: Page) => page.locator('[data-sid][tabindex="0"]');
const sentence = (page: Page, text: string): Locator => page.locator("[data-sid]").filter({ hasText: text });
const progress = (page: Page) => page.getByRole("meter", { name: "Sentences labelled" });

test("a teacher brings in an article, labels every sentence, writes a note and publishes", async ({ page, newContextPage }) => {
  test.setTimeout(180_000);
  await signInAsNewTeacher(page, { name: "Tess Teacher", email: uniqueEmail("teacher"), password: PASSWORD });

  await headerLink(page, "Articles").click();
  await expect(page.getByRole("heading", { level: 1, name: "Articles" })).toBeVisible();
  await expect(page.getByText("None yet. Bring in an article")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Bring in an article" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bring in an article" })).toBeVisible();
  await expect(page.getByLabel("Usage note")).toHaveValue("Reproduced for classroom study with attribution.");
  await expectAccessible(page);

  // A picture renamed .docx: refused by its content, beside the file input, the typed title kept.
  await page.getByRole("radio", { name: "Upload a file" }).check();
  await page.getByLabel("Title").fill(TITLE);
  const png = Buffer.from(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a0f70000000049454e44ae426082",
    "hex",
  );
  await page
    .getByLabel("File", { exact: true })
    .setInputFiles({ name: "article.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: png });
  await page.getByRole("button", { name: "Bring it in" }).click();
  const fileError = page.locator("#field-file-error");
  await expect(fileError).toBeVisible();
  await expect(fileError).not.toBeEmpty();
  await expect(page.getByLabel("File", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Title")).toHaveValue(TITLE);
  await expectAccessible(page);
  // Nothing was stored.
  await page.getByRole("link", { name: "← Articles" }).click();
  await expect(page.getByText("None yet. Bring in an article")).toBeVisible();
  await page.getByRole("link", { name: "Bring in an article" }).click();

  // A bad web address is said beside its field; the pasted text is kept.
  await page.getByLabel("Article text").fill(ARTICLE);
  await page.getByLabel("Author").fill("A. Writer");
  await page.getByLabel("Publisher").fill("The Test Gazette");
  await page.getByLabel("Date").fill("2016-09");
  await page.getByLabel("Web address (optional)").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Bring it in" }).click();
  await expect(page.getByText("Give a full web address starting with http:// or https://")).toBeVisible();
  await expect(page.getByLabel("Article text")).toHaveValue(ARTICLE);
  await page.getByLabel("Web address (optional)").fill("https://example.org/talks-by-the-lake");
  await page.getByRole("button", { name: "Bring it in" }).click();

  // The workspace: nothing labelled, suggestions shown but not applied.
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText("A. Writer · The Test Gazette · 2016-09")).toBeVisible();
  await expect(progress(page)).toHaveAttribute("aria-valuenow", "0");
  const total = Number(await progress(page).getAttribute("aria-valuemax"));
  expect(total).toBeGreaterThanOrEqual(10);
  const quote = sentence(page, "Kerry said");
  await expect(quote).toContainText("No label yet");
  await expect(quote).toContainText("Suggestion: On-record quote");
  await expect(sentence(page, "I think the plan")).toContainText("Suggestion: Author’s opinion");
  await expect(page.getByRole("button", { name: "Publish" })).toHaveAttribute("aria-disabled", "true");
  await expect(page.getByText(`${total} sentences have no label yet`)).toBeVisible();
  await expectAccessible(page);

  // One suggestion accepted with its button.
  await quote.getByRole("button", { name: "Accept suggestion" }).click();
  await expect(quote).toContainText("On-record quote");
  await expect(quote).not.toContainText("No label yet");

  // The first paragraph's two sentences at once: shift+arrow selects, 1 labels both.
  await sentence(page, "arrived in Geneva").click();
  await expect(focusedSentence(page)).toBeFocused();
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("1");
  await expect(sentence(page, "arrived in Geneva")).toContainText("Reported fact");
  await expect(sentence(page, "thirteen hours")).toContainText("Reported fact");

  // Every other sentence with j and the number keys, from the top.
  await page.getByRole("button", { name: "Go to the first sentence without a label" }).click();
  await expect(focusedSentence(page)).toBeFocused();
  await expect(focusedSentence(page)).toContainText("The plan was meant");
  for (let i = 0; i < total; i++) {
    const current = focusedSentence(page);
    const text = (await current.locator("p").nth(1).textContent()) ?? "";
    if ((await current.textContent())?.includes("No label yet")) await page.keyboard.press(keyFor(text));
    await page.keyboard.press("j");
  }
  await expect(progress(page)).toHaveAttribute("aria-valuenow", String(total));
  await expect(page.getByText(`${total} of ${total} sentences labelled`)).toBeAttached();
  await expect(sentence(page, "I imagine Lavrov")).toContainText("Imagined dialogue");
  await expect(sentence(page, "I think the plan")).toContainText("Author’s opinion");
  await expect(sentence(page, "The second day")).toContainText("Editorial note");
  await expect(page.getByText("All changes saved.")).toBeVisible();

  // "Why this label": n opens the note for the focused sentence.
  await sentence(page, "I think the plan").click();
  await page.keyboard.press("n");
  await expect(page.getByLabel(/Why this label/)).toBeFocused();
  await page.keyboard.type("The author judges the plan: “I think”.");
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(sentence(page, "I think the plan")).toContainText("note written");

  // A sentence split in two: the second part keeps the label, so one more sentence, all labelled.
  await sentence(page, "The ceasefire collapsed").click();
  await page.getByText("Split, join, hide").click();
  await page.getByLabel("Split this sentence before the word").selectOption({ label: "4: within" });
  await page.getByRole("button", { name: "Split", exact: true }).click();
  await expect(sentence(page, "collapsed within")).toHaveCount(0);
  await expect(sentence(page, "within a week.")).toContainText("Reported fact");
  await expect(progress(page)).toHaveAttribute("aria-valuenow", String(total + 1));
  await expect(page.getByText("All changes saved.")).toBeVisible();
  await expectAccessible(page);

  // A context note, on the details page.
  await page.getByRole("link", { name: "Details, lessons and notes" }).click();
  await expect(page.getByRole("heading", { name: "Write a context note" })).toBeVisible();
  await page.getByLabel("Paragraph", { exact: true }).selectOption({ index: 1 });
  await page.getByLabel("The claim").fill("They talked for thirteen hours.");
  await page.getByLabel("Verdict").selectOption("imprecise");
  await page.getByLabel("What the record says").fill("The talks lasted about fourteen hours, with breaks.");
  const source = page.getByRole("group", { name: "Source" });
  await source.getByLabel("Title").fill("Press briefing, 10 September 2016");
  await source.getByLabel("Web address").fill("https://example.org/briefing");
  await page.getByRole("button", { name: "Add the note" }).click();
  await expect(page.getByText("Note added.")).toBeVisible();
  await expect(page.getByText("Imprecise: “They talked for thirteen hours.”")).toBeVisible();
  await expectAccessible(page);

  // Published: version 1.
  await page.getByRole("link", { name: "Label the text" }).click();
  await expect(page.getByText("Not published yet")).toBeVisible();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published version 1.")).toBeVisible();
  await expect(page.getByText(/Published version 1 on .*; the draft is the same\./)).toBeVisible();
  // A change after publishing stays in the draft until it is published again.
  await sentence(page, "Both men would meet").click();
  await page.keyboard.press("3");
  await expect(page.getByText(/Published version 1 on .*, draft has unpublished changes\./)).toBeVisible();
  await page.keyboard.press("1");
  await expect(page.getByText("All changes saved.")).toBeVisible();

  // Downloaded as JSON and brought in again: the same text, labels and note, as a new draft.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download as JSON" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^talks-by-the-lake.*\.json$/);
  const exported = await download.path();
  await page.getByRole("link", { name: "← Articles" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: TITLE })).toContainText("Published v1");
  await page.getByRole("link", { name: "Bring in an article" }).click();
  await page.getByRole("radio", { name: "A Backchannel .json file" }).check();
  await page.getByLabel("File", { exact: true }).setInputFiles(exported);
  await page.getByRole("button", { name: "Bring it in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText("Not published yet")).toBeVisible();
  await expect(progress(page)).toHaveAttribute("aria-valuenow", String(total + 1));
  await expect(sentence(page, "I think the plan")).toContainText("note written");
  await page.getByRole("link", { name: "Details, lessons and notes" }).click();
  await expect(page.getByText("Imprecise: “They talked for thirteen hours.”")).toBeVisible();
  await page.getByRole("link", { name: "← Articles" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: TITLE })).toHaveCount(2);

  // Another teacher, not a colleague, does not see it.
  const other = await newContextPage();
  await signInAsNewTeacher(other, { name: "Olga Other", email: uniqueEmail("other"), password: PASSWORD });
  await headerLink(other, "Articles").click();
  await expect(other.getByRole("heading", { level: 1, name: "Articles" })).toBeVisible();
  await expect(other.getByText("None yet. Articles your co-teachers publish")).toBeVisible();
  await expect(other.getByText(TITLE)).toHaveCount(0);
});
