// The teacher's screens on a phone: nothing makes the page scroll sideways; wide tables scroll
// inside their own labelled wrapper instead.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, signInAsNewTeacher, test, uniqueEmail } from "./support/fixtures";
import { studentFromJoinLink } from "./support/join-link";

async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test("class, reports and questions pages fit a phone; tables scroll in their wrappers", async ({ page, newContextPage }) => {
  test.setTimeout(120_000);
  await signInAsNewTeacher(page, { name: "Phone Teacher", email: uniqueEmail("phone-teacher"), password: "a careful reader of Bishara" });
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await page.getByLabel("Class name").fill("A class with a rather long name for a small screen");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page).toHaveURL(/\/teacher\/classes\//);
  const code = ((await page.getByText(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/).textContent()) ?? "").trim();

  // Three assignments make the gradebook wider than the screen.
  for (const label of ["Lesson: Potato diplomacy", "Lesson: The eye of the beholder", "Mixed review of the whole article"]) {
    await page.getByLabel("What to assign").selectOption({ label });
    const due = await page.evaluate(() => {
      const date = new Date(Date.now() + 5 * 86_400_000);
      return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    });
    await page.getByLabel("Due", { exact: true }).fill(due);
    await page.getByRole("button", { name: "Set assignment" }).click();
    await expect(page.getByRole("heading", { level: 3, name: label })).toBeVisible();
  }

  // The student follows the join link on their phone and creates an account on the way.
  const student = await studentFromJoinLink(await newContextPage(), { name: "Phone Student", code, join: false });
  expect(await pageOverflow(student)).toBeLessThanOrEqual(0);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByText(/You have joined/)).toBeVisible();
  expect(await pageOverflow(student)).toBeLessThanOrEqual(0);
  await expectAccessible(student);

  await page.reload();
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Gradebook", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Gradebook" })).toBeVisible();
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  const wrapper = page.getByRole("region", { name: "Gradebook table" });
  const scrolls = await wrapper.evaluate((element) => element.scrollWidth > element.clientWidth);
  expect(scrolls).toBe(true);
  await expectAccessible(page);

  // The new teacher screens fit too: a student's work (from a gradebook cell), editing an
  // assignment, the projector view, and the home page with what needs attention.
  await wrapper.getByRole("link", { name: /Phone Student, Lesson: Potato diplomacy/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Phone Student: Lesson: Potato diplomacy" })).toBeVisible();
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("phone-student-work.png"), fullPage: true });
  await page.getByRole("link", { name: "Students and assignments", exact: true }).click();
  await page.getByRole("link", { name: "Edit the assignment “Lesson: Potato diplomacy”" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Edit “Lesson: Potato diplomacy”" })).toBeVisible();
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("phone-edit.png"), fullPage: true });
  await page.getByRole("link", { name: "← Students and assignments" }).click();
  await page.screenshot({ path: test.info().outputPath("phone-class.png"), fullPage: true });
  await page.getByRole("link", { name: "Show the code on the projector, with a QR code" }).click();
  await expect(page.getByTestId("join-qr")).toBeVisible();
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("phone-projector.png"), fullPage: true });
  await page.getByRole("link", { name: "← Students and assignments" }).click();
  await page.getByRole("link", { name: "Gradebook", exact: true }).click();

  await page.getByRole("link", { name: "Question analysis", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Question analysis" })).toBeVisible();
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await expectAccessible(page);

  await page.getByRole("link", { name: "← All classes" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Needs your attention" })).toBeVisible();
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: test.info().outputPath("phone-home.png"), fullPage: true });

  const header = page.getByRole("navigation", { name: "Main" });
  await header.getByRole("link", { name: "Questions", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your questions" })).toBeVisible();
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await page.getByRole("link", { name: "Write a question" }).click();
  await expect(page).toHaveURL(/\/teacher\/questions\/new$/);
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await header.getByRole("link", { name: "Questions", exact: true }).click();
  await expect(page).toHaveURL(/\/teacher\/questions$/);
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
});
