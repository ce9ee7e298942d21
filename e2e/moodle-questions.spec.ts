// Questions to and from Moodle (decision 0046), by clicks: a teacher duplicates a built-in question,
// downloads the built-in bank as GIFT (which the independent parser gift-pegjs reads) and her own
// questions as Moodle XML, brings that XML back in and sees the question, then brings in a file
// written elsewhere and sees a report per question (line and why) for what cannot map, and a
// malformed file refused with its line and question. The gradebook offers Moodle's and Canvas's
// layouts. axe runs on every screen; screenshots at desktop and phone width.
import fs from "node:fs";
import path from "node:path";
import { parse } from "gift-pegjs";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, screenshots, signInAsNewTeacher, test, uniqueEmail } from "./support/fixtures";

const SAMPLE = path.resolve(import.meta.dirname, "../tests/fixtures/moodle-sample.xml");

async function download(page: Page, link: string): Promise<{ name: string; text: string }> {
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: link, exact: true }).click();
  const file = await downloading;
  const where = await file.path();
  return { name: file.suggestedFilename(), text: fs.readFileSync(where, "utf8") };
}

test("a teacher moves questions to and from Moodle as GIFT and Moodle XML", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await signInAsNewTeacher(page, { name: "Mona Moodle", email: uniqueEmail("moodle"), password: "a careful reader of Bishara" });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Questions", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your questions" })).toBeVisible();

  // A question of her own: a copy of a built-in one.
  await page.locator("summary", { hasText: "The eye of the beholder" }).first().click();
  await page
    .getByRole("button", { name: /^Duplicate “.*” into an editable copy$/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/teacher\/questions\/t-[a-z0-9]+\?copied=1$/);
  const prompt = (await page.getByLabel("Question", { exact: true }).inputValue()).trim();
  await page.getByRole("link", { name: "← Your questions" }).click();
  await expect(page.getByRole("heading", { name: "Written by you (1)" })).toBeVisible();

  // The built-in bank as GIFT: every question but the ordering ones, which the file lists as left out.
  const gift = await download(page, "The built-in questions as GIFT");
  expect(gift.name).toBe("backchannel-built-in-questions.gift.txt");
  const parsed = parse(gift.text);
  expect(parsed.length).toBeGreaterThan(100);
  expect(gift.text).toContain("GIFT has no ordering type");

  // Her own questions as Moodle XML, brought back in: the same question, now twice.
  const xml = await download(page, "Your questions as Moodle XML");
  expect(xml.name).toBe("backchannel-your-questions.moodle.xml");
  expect(xml.text).toContain('<question type="');
  const ownFile = testInfo.outputPath("own.moodle.xml");
  fs.writeFileSync(ownFile, xml.text);
  await page.getByLabel("Question file").setInputFiles(ownFile);
  await page.getByRole("button", { name: "Bring questions in" }).click();
  await expect(page.getByText("1 question brought in from the Moodle XML file.")).toBeVisible();
  const report = page.getByRole("region", { name: "Import report" });
  await expect(report.getByRole("link", { name: prompt })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Written by you (2)" })).toBeVisible();

  // A file written in Moodle: three questions come in, two are reported with their line and why.
  await page.getByLabel("Question file").setInputFiles(SAMPLE);
  await page.getByRole("button", { name: "Bring questions in" }).click();
  await expect(page.getByText("3 questions brought in from the Moodle XML file; 2 not brought in (see why below).")).toBeVisible();
  await expect(report.getByRole("heading", { name: "Brought in (3)" })).toBeVisible();
  await expect(report.getByRole("heading", { name: "Not brought in (2)" })).toBeVisible();
  await expect(report.getByText("Line 137: “Name the minister”")).toBeVisible();
  await expect(report.getByText("Backchannel has no short-answer questions; it was not brought in.")).toBeVisible();
  await expect(report.getByText("Line 161: “No source”")).toBeVisible();
  await expect(report.getByText(/It names no paragraph of the article/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Written by you (5)" })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, testInfo, "moodle-import-report");

  // A malformed file is refused whole, with its line and question; nothing is stored.
  const broken = testInfo.outputPath("broken.xml");
  fs.writeFileSync(
    broken,
    '<?xml version="1.0"?>\n<quiz>\n  <question type="truefalse">\n    <name><text>Half written</text></name>\n    <questiontext><text>Oops</questiontext>\n  </question>\n</quiz>\n',
  );
  await page.getByLabel("Question file").setInputFiles(broken);
  await page.getByRole("button", { name: "Bring questions in" }).click();
  await expect(page.getByText(/This Moodle XML file cannot be read: line 5 in the question “Half written” that starts on line 3/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Written by you (5)" })).toBeVisible();
  await expectAccessible(page);

  // The gradebook downloads in Moodle's and Canvas's import layouts too.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Classes", exact: true }).click();
  await page.getByLabel("Class name").fill("Moodle class");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page).toHaveURL(/\/teacher\/classes\/[a-z0-9]+$/);
  await page.getByRole("link", { name: "See scores, statuses and mastery in the gradebook" }).click();
  await expect(page.getByRole("heading", { name: "Gradebook", exact: true })).toBeVisible();
  const canvas = await download(page, "CSV for Canvas");
  expect(canvas.name).toMatch(/^gradebook-moodle-class-\d{4}-\d{2}-\d{2}\.canvas\.csv$/);
  expect(canvas.text.split("\r\n").slice(0, 2)).toEqual(['\uFEFF"Student","ID","SIS User ID","SIS Login ID","Section"', '"Points Possible","","","",""']);
  const moodle = await download(page, "CSV for Moodle");
  expect(moodle.text.startsWith('\uFEFF"First name","Last name","Email address"')).toBe(true);
  await expectAccessible(page);
  await screenshots(page, testInfo, "gradebook-layouts");
});
