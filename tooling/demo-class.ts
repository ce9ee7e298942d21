// A demo class played through the real app in a browser, so that the dashboard, the gradebook and
// the reports have something to show: the demo teacher creates a class and sets three lessons; the
// two demo students and two new ones join with the code; they read lessons and take the assigned
// quizzes (answers sent through the quiz API, like the browser tests do), some right, some wrong,
// one left half-way. Nothing is written to the database directly.
// Idempotent: when the teacher already has the class, it is returned as it is.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { asShown, rightResponse } from "./answers";
import { randomWrongResponse } from "./simulated-answers";
import { getQuestion } from "../lib/quiz/bank";
import { localDateTime } from "./local-date-time";

export const DEMO_PASSWORD = "kerry-lavrov-2016";
export const DEMO_TEACHER = "teacher@backchannel.test";
export const DEMO_STUDENT = "amira@backchannel.test";
export const DEMO_STUDENT_2 = "leo@backchannel.test";
export const DEMO_CLASS = "Year 12 Politics";

const NEW_STUDENT_PASSWORD = "a careful reader of Bishara";
const ASSIGNMENTS = ["Lesson: Potato diplomacy", "Lesson: The eye of the beholder", "Lesson: Messrs Fix-it: the fixers"] as const;

export type DemoClass = { classPath: string; reportsPath: string };

/** A new browser context signed in through the sign-in form. */
export async function signedInContext(
  browser: Browser,
  baseUrl: string,
  email: string,
  password = DEMO_PASSWORD,
  viewport = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport });
  // Generous: these scripts often run beside builds and tests on a small machine.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
  return { context, page };
}

async function signedUpContext(browser: Browser, baseUrl: string, name: string, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  await page.goto("/signup");
  await page.getByRole("radio", { name: "Student" }).check();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(NEW_STUDENT_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/dashboard$/);
  return { context, page };
}

/** Scrolls through a lesson (the page records how far the reader got), optionally marking it read. */
export async function readLesson(page: Page, slug: string, { share = 1, markRead = false }: { share?: number; markRead?: boolean } = {}): Promise<void> {
  await page.goto(`/lessons/${slug}`);
  // The tracker renders its button once the session is known and the page is interactive.
  await page.getByRole("button", { name: /Mark lesson as read|mark as not read/ }).waitFor();
  const blocks = await page.locator("[data-block-id]").all();
  for (const block of blocks.slice(0, Math.max(1, Math.round(blocks.length * share)))) {
    await block.scrollIntoViewIfNeeded();
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(1_500); // the position is saved after an 800 ms pause in scrolling
  if (markRead) {
    // Reading to the end marks the lesson read by itself; the button is for a lesson left early.
    const readAlready = await page
      .getByRole("button", { name: "✓ Read — mark as not read" })
      .waitFor({ timeout: 5_000 })
      .then(
        () => true,
        () => false,
      );
    if (!readAlready) {
      await page.getByRole("button", { name: "Mark lesson as read" }).click();
      await page.getByText("Marked as read.").waitFor();
    }
  }
}

/**
 * Retries a request whose connection was reset: the server closes idle keep-alive connections,
 * and one may close just as a request goes out on it. Only for requests that are safe to repeat.
 */
async function retryOnReset<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= 3 || !(error instanceof Error) || !/ECONNRESET|socket hang up|EPIPE/.test(error.message)) throw error;
    }
  }
}

export async function attemptQuestionIds(page: Page, attemptId: string): Promise<string[]> {
  return (await attemptQuestions(page, attemptId)).map((question) => question.id);
}

/** An attempt's questions as the learner's API shows them: option ids are that attempt's tokens. */
async function attemptQuestions(page: Page, attemptId: string): Promise<(Parameters<typeof asShown>[1] & { id: string })[]> {
  const response = await retryOnReset(() => page.request.get(`/api/v1/attempts/${attemptId}`));
  const view = (await response.json()) as { items: { question: Parameters<typeof asShown>[1] & { id: string } }[] };
  return view.items.map((item) => item.question);
}

/**
 * Answers questions of an attempt through the quiz API: the ones at positions in `wrong` wrongly,
 * the first `count` only (all by default).
 */
export async function answerThroughApi(page: Page, attemptId: string, { wrong = [], count }: { wrong?: number[]; count?: number } = {}): Promise<string[]> {
  const shown = await attemptQuestions(page, attemptId);
  const ids = shown.map((question) => question.id);
  let seed = 1;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  for (const [index, id] of ids.slice(0, count ?? ids.length).entries()) {
    const question = getQuestion(id);
    if (!question) throw new Error(`question ${id} is not in the built-in bank`);
    // Picked by text from what the API showed, as a learner picks: option ids are per-attempt tokens.
    const body = asShown(question, shown[index]!, wrong.includes(index) ? randomWrongResponse(question, random) : rightResponse(question));
    // The same answer again is acknowledged with 200 (the API is idempotent), so a retry is safe.
    const response = await retryOnReset(() => page.request.put(`/api/v1/attempts/${attemptId}/answers/${id}`, { data: { response: body } }));
    if (response.status() !== 201 && response.status() !== 200) throw new Error(`answering ${id} failed: ${response.status()} ${await response.text()}`);
  }
  return ids;
}

/** From the student's class page: starts an assignment and returns the attempt's id. */
async function startAssignment(page: Page, title: string): Promise<string> {
  await page.goto("/classes");
  await page.getByRole("button", { name: `Take the quiz: ${title}` }).click();
  await page.waitForURL(/\/quiz\/attempt\//);
  return page.url().split("/").pop() ?? "";
}

async function finishInBrowser(page: Page): Promise<void> {
  await page.reload();
  await page.getByRole("button", { name: "Finish and see your score" }).click();
  await page.getByRole("heading", { name: /Your score: \d+%/ }).waitFor();
}

/** Starts an assignment, answers it (some wrong) and finishes it on the quiz page. */
async function doAssignment(page: Page, title: string, wrong: number[]): Promise<void> {
  const attemptId = await startAssignment(page, title);
  await answerThroughApi(page, attemptId, { wrong });
  await finishInBrowser(page);
}

/** From the quiz list: starts the quiz on a lesson or phase (by its title), answers it and finishes it. */
async function doQuiz(page: Page, title: string, wrong: number[]): Promise<void> {
  await page.goto("/quiz");
  await page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: title, exact: true }) })
    .getByRole("button", { name: "Start the quiz" })
    .click();
  await page.waitForURL(/\/quiz\/attempt\//);
  await answerThroughApi(page, page.url().split("/").pop() ?? "", { wrong });
  await finishInBrowser(page);
}

async function findClass(teacher: Page): Promise<DemoClass | null> {
  await teacher.goto("/teacher");
  const link = teacher.getByRole("link", { name: DEMO_CLASS, exact: true });
  if ((await link.count()) === 0) return null;
  const href = await link.first().getAttribute("href");
  return href ? { classPath: href, reportsPath: `${href}/reports` } : null;
}

export async function playDemoClass(browser: Browser, baseUrl: string, log: (line: string) => void = console.log): Promise<DemoClass> {
  const teacher = await signedInContext(browser, baseUrl, DEMO_TEACHER);
  const contexts: BrowserContext[] = [teacher.context];
  try {
    const existing = await findClass(teacher.page);
    if (existing) {
      log(`The demo class already exists: ${existing.classPath}`);
      return existing;
    }

    log(`Teacher: creates “${DEMO_CLASS}” and sets ${ASSIGNMENTS.length} lessons…`);
    const t = teacher.page;
    await t.getByLabel("Class name").fill(DEMO_CLASS);
    await t.getByRole("button", { name: "Create class" }).click();
    await t.waitForURL(/\/teacher\/classes\/[a-z0-9]+$/);
    const classPath = new URL(t.url()).pathname;
    const code = ((await t.getByText(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/).textContent()) ?? "").trim();
    for (const [index, title] of ASSIGNMENTS.entries()) {
      await t.getByLabel("What to assign").selectOption({ label: title });
      await t.getByLabel("Due", { exact: true }).fill(await localDateTime(t, 5 + index * 7));
      await t.getByLabel("Attempts per student").fill("2");
      await t.getByRole("button", { name: "Set assignment" }).click();
      await t.getByRole("heading", { level: 3, name: title }).waitFor();
    }

    const amira = await signedInContext(browser, baseUrl, DEMO_STUDENT);
    const leo = await signedInContext(browser, baseUrl, DEMO_STUDENT_2);
    const sam = await signedUpContext(browser, baseUrl, "Sam Okafor", "sam.okafor@example.test");
    const priya = await signedUpContext(browser, baseUrl, "Priya Shah", "priya.shah@example.test");
    contexts.push(amira.context, leo.context, sam.context, priya.context);
    log("Students join the class with the code…");
    for (const { page } of [amira, leo, sam, priya]) {
      await page.goto(`/classes/join?code=${code.replace("-", "")}`);
      await page.getByRole("button", { name: "Join class" }).click();
      await page.waitForURL(/\/classes\?joined=/);
    }

    log("Amira reads two lessons and a half, takes two assigned quizzes and a phase quiz…");
    await readLesson(amira.page, "potato-diplomacy", { markRead: true });
    await doAssignment(amira.page, ASSIGNMENTS[0], [3]);
    await readLesson(amira.page, "the-eye-of-the-beholder", { markRead: true });
    await doAssignment(amira.page, ASSIGNMENTS[1], [1, 6]);
    await readLesson(amira.page, "messrs-fix-it", { share: 0.5 });
    await doQuiz(amira.page, "Iraq and Georgia: two steps back", [0, 3, 4]);

    log("Leo, Sam and Priya read and answer at their own pace…");
    await readLesson(leo.page, "potato-diplomacy", { markRead: true });
    await doAssignment(leo.page, ASSIGNMENTS[0], [0, 2, 5, 7]);
    const leoSecond = await startAssignment(leo.page, ASSIGNMENTS[1]);
    await answerThroughApi(leo.page, leoSecond, { wrong: [2], count: 4 });
    await readLesson(sam.page, "potato-diplomacy", { markRead: true });
    await doAssignment(sam.page, ASSIGNMENTS[0], []);
    await doAssignment(sam.page, ASSIGNMENTS[1], [4]);
    await readLesson(priya.page, "potato-diplomacy", { share: 0.6 });
    return { classPath, reportsPath: `${classPath}/reports` };
  } finally {
    for (const context of contexts) await context.close();
  }
}
