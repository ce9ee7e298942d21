import type { Page } from "@playwright/test";
import type { Question } from "../lib/quiz/schema";
import { getQuestion } from "./support/bank";
import { expect, expectAccessible, signUp, test, uniqueEmail } from "./support/fixtures";

const PASSWORD = "a careful reader of Bishara";


async function newStudent(page: Page) {
  await signUp(page, { name: "Quiz Taker", email: uniqueEmail("quiz"), password: PASSWORD, role: "Student" });
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** Reads which question is on screen from its prompt. */
async function currentQuestion(page: Page, ids: string[]): Promise<Question> {
  const prompt = (await page.locator("legend").first().textContent())?.trim();
  // Classify questions share a prompt: the quoted statement tells them apart.
  const quote = page.locator("fieldset blockquote");
  const statement = (await quote.count()) > 0 ? (await quote.textContent())?.trim() : undefined;
  const question = ids
    .map((id) => getQuestion(id))
    .find((q) => q !== undefined && q.prompt === prompt && (q.type !== "classify" || q.statement === statement));
  if (!question) throw new Error(`unknown question on screen: ${prompt}`);
  return question;
}

/** Answers the question on screen with the keyboard only (Tab, arrows, Space, Enter). */
async function answerWithKeyboard(page: Page, question: Question) {
  const fieldset = page.locator("fieldset").first();
  switch (question.type) {
    case "single":
    case "classify":
    case "true-false": {
      const target = question.type === "single" ? question.options.find((o) => o.id === question.answer)?.text : question.type === "true-false" ? (question.answer ? "True" : "False") : undefined;
      const radio = target ? fieldset.getByRole("radio", { name: target, exact: true }) : fieldset.getByRole("radio").first();
      await radio.focus();
      await page.keyboard.press("Space");
      break;
    }
    case "multiple": {
      const first = question.options.find((o) => question.answer.includes(o.id));
      await fieldset.getByRole("checkbox", { name: first?.text ?? "", exact: true }).focus();
      await page.keyboard.press("Space");
      break;
    }
    case "order":
      // The starting order is already an answer: move the first item down once, by keyboard.
      await fieldset.getByRole("button", { name: /down$/ }).first().focus();
      await page.keyboard.press("Enter");
      break;
    case "match":
      for (const select of await fieldset.getByRole("combobox").all()) {
        await select.focus();
        await page.keyboard.press("ArrowDown");
      }
      break;
  }
  await page.getByRole("button", { name: "Check answer" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#answer-feedback")).toBeFocused();
}

test("a student takes a lesson quiz with the keyboard, leaves half-way, resumes, finishes and sees score, explanations and mastery", async ({ page }) => {
  await newStudent(page);
  await page.goto("/quiz");
  await expectAccessible(page);
  const lessonCard = page.getByRole("listitem").filter({ hasText: "The eye of the beholder" });
  await lessonCard.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/quiz\/attempt\//);
  const attemptUrl = page.url();
  const attemptId = attemptUrl.split("/").pop() ?? "";
  const view = await (await page.request.get(`/api/v1/attempts/${attemptId}`)).json();
  const ids: string[] = view.items.map((item: { question: { id: string } }) => item.question.id);
  expect(ids.length).toBeGreaterThanOrEqual(5);
  await expectAccessible(page);

  const half = Math.ceil(ids.length / 2);
  for (let i = 0; i < half; i++) {
    const question = await currentQuestion(page, ids);
    await answerWithKeyboard(page, question);
    await expect(page.locator("#answer-feedback")).toContainText(/Correct|Partly right|Not quite/);
    await expect(page.locator("#answer-feedback")).toContainText(question.explanation);
    await expect(page.locator("#answer-feedback").getByRole("link").first()).toHaveAttribute("href", /\/lessons\/[a-z-]+#[a-z0-9-]+$/);
    if (i === 0) await expectAccessible(page);
    await page.getByRole("button", { name: "Next question" }).focus();
    await page.keyboard.press("Enter");
  }

  // Leave, come back: the same attempt, with exactly the answered questions answered.
  await page.goto("/lessons");
  await page.goto("/quiz");
  await expect(lessonCard.getByRole("button", { name: "Resume the quiz" })).toBeVisible();
  await lessonCard.getByRole("button", { name: "Resume the quiz" }).click();
  await expect(page).toHaveURL(attemptUrl);
  await expect(page.getByRole("progressbar", { name: `Answered ${half} of ${ids.length} questions` })).toBeVisible();

  for (let i = half; i < ids.length; i++) {
    await answerWithKeyboard(page, await currentQuestion(page, ids));
    if (i < ids.length - 1) {
      await page.getByRole("button", { name: "Next question" }).focus();
      await page.keyboard.press("Enter");
    }
  }
  await page.getByRole("button", { name: "Finish and see your score" }).focus();
  await page.keyboard.press("Enter");
  // Focus moves to the score, so a screen reader announces it and Tab carries on from there.
  await expect(page.getByRole("heading", { name: /Your score: \d+%/ })).toBeFocused();
  await expect(page.getByRole("heading", { name: "Your mastery changed" })).toBeVisible();
  await expect(page.getByText(/Not started → /).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your answers" })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Quiz scores over time" })).toBeVisible();
  await expect(page.getByRole("meter").first()).toBeVisible();
  await expectAccessible(page);
});

test("the browser never receives an answer key before the question is answered", async ({ page }) => {
  await newStudent(page);
  const bodies: string[] = [];
  page.on("response", async (response) => {
    if (response.url().includes("/quiz/attempt/") || response.url().includes("/api/v1/attempts")) bodies.push(await response.text().catch(() => ""));
  });
  await page.goto("/quiz");
  await page.getByRole("listitem").filter({ hasText: "Potato diplomacy" }).getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/quiz\/attempt\//);
  await page.reload();
  await expect(page.getByRole("button", { name: "Check answer" })).toBeVisible();
  const attemptId = page.url().split("/").pop() ?? "";
  const api = await (await page.request.get(`/api/v1/attempts/${attemptId}`)).json();
  const questions = api.items.map((item: { question: { id: string } }) => getQuestion(item.question.id));
  const html = await page.content();
  for (const question of questions) {
    for (const text of [html, ...bodies, JSON.stringify(api)]) {
      expect(text).not.toContain(question.explanation);
    }
  }
  expect(JSON.stringify(api)).not.toMatch(/"answer"|"explanation"/);
});
