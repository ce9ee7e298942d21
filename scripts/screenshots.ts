// `npm run screenshots`: the README's pictures, taken from the real app so they never go stale.
// Builds if needed, starts the production server on a fresh SQLite file with the demo accounts,
// plays a class through the browser (tooling/demo-class.ts), then photographs the student
// dashboard, a lesson (desktop and phone), the timeline, a quiz question with its feedback and the
// teacher's gradebook and question analysis, and the labelling workspace of an article the teacher
// brings in, into docs/screenshots/. Options: --build auto|always|never, --port P.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Page } from "@playwright/test";
import { startSeededApp } from "../tooling/seeded-app";
import { chromiumExecutable } from "../tooling/browser";
import { getQuestion } from "../lib/quiz/bank";
import { answerThroughApi, attemptQuestionIds, DEMO_STUDENT, DEMO_TEACHER, playDemoClass, signedInContext } from "../tooling/demo-class";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = path.join(ROOT, "docs", "screenshots");
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 412, height: 915 };

/** Waits until the page has settled: no requests in flight, fonts loaded, client components drawn. */
async function settle(page: Page): Promise<void> {
  // "No request for half a second" is a heuristic: on a busy machine, go on after a while.
  await page.waitForLoadState("networkidle", { timeout: 20_000 }).catch(() => console.warn(`  (${page.url()}: the network did not go quiet within 20 s)`));
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(300);
}

/** Scrolls a paragraph to just below the top of the window (a little of what comes before stays visible). */
async function scrollToParagraph(page: Page, id: string): Promise<void> {
  await page.locator(`#${id}`).evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 24));
}

async function shoot(page: Page, name: string, { fullPage = false }: { fullPage?: boolean } = {}): Promise<void> {
  await settle(page);
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage, animations: "disabled", caret: "hide" });
  console.log(`  ${path.relative(ROOT, file)} (${Math.round(fs.statSync(file).size / 1024)} KiB)`);
}

/**
 * A quiz question answered wrongly on screen, so the picture shows the feedback: the right answer,
 * the explanation and the paragraphs to check. Questions before the first multiple-choice one are
 * answered through the API, so the one on screen can be answered with a click.
 */
async function quizWithFeedback(page: Page): Promise<void> {
  await page.goto("/quiz");
  await page.getByRole("listitem").filter({ hasText: "Messrs Fix-it: the fixers" }).getByRole("button", { name: "Start the quiz" }).click();
  await page.waitForURL(/\/quiz\/attempt\//);
  const attemptId = page.url().split("/").pop() ?? "";
  const ids = await attemptQuestionIds(page, attemptId);
  const target = ids.findIndex((id) => getQuestion(id)?.type === "single");
  if (target === -1) throw new Error("this quiz has no single-choice question to answer on screen");
  if (target > 0) {
    await answerThroughApi(page, attemptId, { count: target });
    await page.reload();
  }
  const question = getQuestion(ids[target] ?? "");
  if (question?.type !== "single") throw new Error("unexpected question type");
  const wrong = question.options.find((option) => option.id !== question.answer);
  if (!wrong) throw new Error(`question ${question.id} has no wrong option`);
  await page.getByRole("radio", { name: wrong.text, exact: true }).check();
  await page.getByRole("button", { name: "Check answer" }).click();
  await page.locator("#answer-feedback").waitFor();
  // The feedback takes the focus (for screen readers); the picture needs no focus ring.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** A short article written for the picture (not a real one): a heading, a quotation, an opinion, an imagined line. */
const SAMPLE_ARTICLE = [
  "Talks by the lake",
  "The two foreign ministers arrived in Geneva on 9 September 2016. They talked for thirteen hours, with two short breaks.",
  "“We have agreed on a plan that can reduce the violence,” Kerry said at the press conference. The plan was meant to stop the fighting around Aleppo.",
  "I think the plan was a mistake from the start: it asked the two men to trust each other more than their governments did.",
  "The second day",
  "Reporters waited outside the hotel until midnight.",
  "I imagine Lavrov leaning back in his chair, smiling at his old friend across the table.",
  "The ceasefire collapsed within a week. Both men would meet again in Lausanne.",
].join("\n");

/**
 * The teacher brings in an article and labels its first paragraphs with the keyboard, so the
 * picture shows labels, suggestions waiting to be accepted, the tools panel and the progress bar.
 */
async function articleWorkspace(page: Page): Promise<void> {
  await page.goto("/teacher/articles/new");
  await page.getByLabel("Article text").fill(SAMPLE_ARTICLE);
  await page.getByLabel("Author").fill("A. Writer");
  await page.getByLabel("Publisher").fill("The Example Gazette");
  await page.getByLabel("Date").fill("2016-09");
  await page.getByRole("button", { name: "Bring it in" }).click();
  await page.getByRole("meter", { name: "Sentences labelled" }).waitFor();
  await page.locator("[data-sid]").first().click();
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("1");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("a");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("1");
  await page.keyboard.press("ArrowDown");
  await page.getByText("All changes saved.").waitFor();
  await page.evaluate(() => window.scrollTo(0, 330));
}

async function main() {
  const { values } = parseArgs({ options: { build: { type: "string", default: "auto" }, port: { type: "string" } } });
  if (!["auto", "always", "never"].includes(values.build)) throw new Error("--build must be auto, always or never");
  const app = await startSeededApp({
    name: "screenshots",
    build: values.build as "auto" | "always" | "never",
    port: values.port ? Number(values.port) : undefined,
  });
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch(executablePath ? { executablePath } : {});
  try {
    const { reportsPath } = await playDemoClass(browser, app.baseUrl);
    fs.mkdirSync(OUT, { recursive: true });
    console.log("Taking screenshots…");

    const student = await signedInContext(browser, app.baseUrl, DEMO_STUDENT, undefined, DESKTOP);
    await student.page.goto("/dashboard");
    await shoot(student.page, "student-dashboard", { fullPage: true });
    // The reading column at an opinion the record contradicts: labels, a context note, fact-checks.
    await student.page.goto("/lessons/the-eye-of-the-beholder");
    await scrollToParagraph(student.page, "eye-p10");
    await shoot(student.page, "lesson");
    // The end of a lesson: the reader's bar and the quiz it ends with (assigned, then practice).
    await scrollToParagraph(student.page, "lesson-end");
    await shoot(student.page, "lesson-end");
    await quizWithFeedback(student.page);
    await shoot(student.page, "quiz-feedback", { fullPage: true });
    // "Show in text" opens the paragraph inside the quiz.
    await student.page
      .locator("#answer-feedback")
      .getByRole("link", { name: /^Lesson \d+, paragraph \d+$/ })
      .first()
      .click();
    await student.page.getByRole("dialog").waitFor();
    await shoot(student.page, "quiz-show-in-text");
    await student.context.close();

    const phone = await signedInContext(browser, app.baseUrl, DEMO_STUDENT, undefined, PHONE);
    await phone.page.goto("/lessons/the-eye-of-the-beholder");
    await scrollToParagraph(phone.page, "eye-p04");
    await shoot(phone.page, "lesson-phone");
    await phone.context.close();

    const visitor = await browser.newContext({ baseURL: app.baseUrl, viewport: DESKTOP });
    visitor.setDefaultTimeout(60_000);
    const page = await visitor.newPage();
    await page.goto("/timeline");
    await shoot(page, "timeline");
    await visitor.close();

    const teacher = await signedInContext(browser, app.baseUrl, DEMO_TEACHER, undefined, DESKTOP);
    await teacher.page.goto("/teacher");
    await shoot(teacher.page, "teacher-home", { fullPage: true });
    await teacher.page.goto(reportsPath);
    await shoot(teacher.page, "teacher-gradebook");
    // A gradebook cell opens that student's work: every answer against the key, and the time taken.
    await teacher.page
      .getByRole("table", { name: /status and best score/ })
      .getByRole("link", { name: /^Amira Haddad, / })
      .first()
      .click();
    await teacher.page.getByRole("heading", { level: 2, name: /^Amira Haddad: / }).waitFor();
    await shoot(teacher.page, "teacher-student-work");
    await teacher.page.goBack();
    await teacher.page.goto(`${reportsPath}/questions`);
    await shoot(teacher.page, "teacher-question-analysis");
    await articleWorkspace(teacher.page);
    await shoot(teacher.page, "article-workspace");
    await teacher.context.close();
  } finally {
    await browser.close();
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
