// Stored XSS: a student, a teacher, a class, an assignment and a teacher-written question whose
// texts are script and markup payloads, made through the real forms. Every page that shows them
// (and the CSV) must show them as text: no injected element, no script run (window.__xss stays
// unset), no dialog, no CSP violation, no page error.
import fs from "node:fs";
import type { Page } from "@playwright/test";
import { getQuestion } from "./support/bank";
import { expect, signInAsNewTeacher, signUp, test, TYPED_URL, uniqueEmail, watchForProblems } from "./support/fixtures";
import { localDateTime } from "../tooling/local-date-time";

const PASSWORD = "a careful reader of Bishara";

// Each under the 80-character name limit; each tries a different way in.
const STUDENT = `=1+1<img src=x onerror="window.__xss=1">Stu<script>window.__xss=2</script>`;
const TEACHER = `<svg onload="window.__xss=3">Tea</svg>"'&amp;<b>bold</b>`;
const CLASS = `<iframe src=javascript:window.__xss=4></iframe>Cls<img src=x onerror=__xss=5>`;
const TITLE = `<a href="javascript:window.__xss=6">Assignment</a><style>*{display:none}</style>`;
const PROMPT = `<img src=x onerror="window.__xss=7"> Which year? <script>window.__xss=8</script> {{7*7}} \${7*7}`;
const RIGHT = `<b onmouseover="window.__xss=9">2001</b>`;
const WRONG = `<details open ontoggle="window.__xss=10">1999</details>`;
const EXPLANATION = `</textarea><script>window.__xss=11</script><img src=x onerror="window.__xss=12">`;

/** Elements a payload would create if it were parsed as markup. */
const INJECTED = "img[src='x'], svg[onload], iframe, [onerror], [onload], [onmouseover], [ontoggle], a[href^='javascript:']";

type Watched = { page: Page; problems: string[] };

/** A page in its own context whose problems, dialogs included, are checked after every step. */
async function person(newContextPage: () => Promise<Page>, role: "Student" | "Teacher", name: string): Promise<Watched> {
  const page = await newContextPage();
  const problems: string[] = [];
  watchForProblems(page, problems);
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.context().addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const email = uniqueEmail(`xss-${role.toLowerCase()}`);
  if (role === "Teacher") await signInAsNewTeacher(page, { name, email, password: PASSWORD });
  else await signUp(page, { name, email, password: PASSWORD, role });
  await expect(page).toHaveURL(role === "Teacher" ? /\/teacher$/ : /\/dashboard$/);
  return { page, problems };
}

/** The page shows each text literally, and nothing the payloads contain has become markup or run. */
async function expectInert({ page, problems }: Watched, texts: string[], where: string) {
  await page.waitForLoadState("networkidle");
  const body = page.locator("main");
  for (const text of texts) await expect(body, `${where}: ${text}`).toContainText(text);
  const state = await page.evaluate((selector) => {
    const w = window as unknown as { __xss?: unknown; __csp?: string[] };
    return {
      xss: w.__xss ?? null,
      csp: w.__csp ?? [],
      injected: [...document.querySelectorAll(selector)].map((e) => e.outerHTML.slice(0, 120)),
      // An injected script would be a script element whose code is the payload's.
      scripts: [...document.scripts].filter((s) => s.text.trimStart().startsWith("window.__xss")).length,
      styles: [...document.querySelectorAll("style")].filter((s) => (s.textContent ?? "").includes("*{display:none}")).length,
      title: document.title,
    };
  }, INJECTED);
  expect(state.xss, `${where}: a payload ran`).toBeNull();
  expect(state.injected, `${where}: elements made from a payload`).toEqual([]);
  expect(state.scripts, `${where}: injected script elements`).toBe(0);
  expect(state.styles, `${where}: injected style elements`).toBe(0);
  expect(state.csp, `${where}: CSP violations`).toEqual([]);
  expect(problems, `${where}: CSP reports, page errors or dialogs`).toEqual([]);
  return state;
}

// A sweep of every page that shows what people typed, not a journey: its subject is the addresses.
test("names, class names, titles and teacher-written questions are shown as text everywhere", { tag: TYPED_URL }, async ({ newContextPage }) => {
  test.setTimeout(300_000);
  const builtIn = getQuestion("q-slovenia-summit-year");
  if (!builtIn) throw new Error("bank changed");

  // The teacher: a class and a question of their own, both made of payloads.
  const teacher = await person(newContextPage, "Teacher", TEACHER);
  const t = teacher.page;
  await t.getByLabel("Class name").fill(CLASS);
  await t.getByRole("button", { name: "Create class" }).click();
  await expect(t).toHaveURL(/\/teacher\/classes\/[a-z0-9]+$/);
  const classUrl = new URL(t.url()).pathname;
  const code = ((await t.getByText(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/).textContent()) ?? "").trim();

  await t.goto("/teacher/questions");
  await t.locator("summary", { hasText: "The eye of the beholder" }).first().click();
  await t
    .getByRole("button", { name: `Duplicate “${builtIn.prompt}” into an editable copy` })
    .first()
    .click();
  await expect(t).toHaveURL(/\/teacher\/questions\/t-[a-z0-9]{12}\?copied=1$/);
  const questionUrl = new URL(t.url()).pathname;
  await t.getByLabel("Question", { exact: true }).fill(PROMPT);
  await t.getByLabel("Options").fill(`${WRONG}\n* ${RIGHT}\n2003`);
  await t.getByLabel("Explanation").fill(EXPLANATION);
  await t.getByRole("button", { name: "Save changes" }).click();
  await expect(t.getByText("Saved.", { exact: true })).toBeVisible();

  // The student joins the class.
  const student = await person(newContextPage, "Student", STUDENT);
  const s = student.page;
  await s.goto(`/classes/join?code=${code.replace("-", "")}`);
  await s.getByRole("button", { name: "Join class" }).click();
  await expect(s).toHaveURL(/\/classes\?joined=/);

  // The teacher sets an assignment made of the payload question only.
  await t.goto(classUrl);
  await t.getByLabel("What to assign").selectOption({ label: "Lesson: Potato diplomacy" });
  await t.getByLabel("Title (optional)").fill(TITLE);
  await t.getByLabel("Due", { exact: true }).fill(await localDateTime(t, 7));
  await t.getByRole("checkbox", { name: PROMPT }).check();
  await t.getByRole("button", { name: "Set assignment" }).click();
  await expect(t.getByText("The assignment is set.")).toBeVisible();

  // The student starts it, gets it wrong on purpose, and finishes.
  await s.goto("/classes");
  await expectInert(student, [CLASS, TEACHER, TITLE], "student /classes");
  await s.getByRole("button", { name: `Take the quiz: ${TITLE}` }).click();
  await expect(s).toHaveURL(/\/quiz\/attempt\//);
  await expectInert(student, [PROMPT, RIGHT, WRONG], "quiz attempt (open)");
  const attemptId = s.url().split("/").pop() ?? "";
  const attempt = await (await s.request.get(`/api/v1/attempts/${attemptId}`)).json();
  const item = attempt.items[0] as { question: { id: string; options: { id: string; text: string }[] } };
  const wrongOption = item.question.options.find((o) => o.text === WRONG);
  expect(wrongOption, "the options come back as the text typed").toBeDefined();
  const answered = await s.request.put(`/api/v1/attempts/${attemptId}/answers/${item.question.id}`, {
    data: { response: { type: "single", choice: wrongOption?.id } },
  });
  expect(answered.status()).toBe(201);
  await s.reload();
  await expectInert(student, [PROMPT, RIGHT, WRONG, EXPLANATION], "quiz attempt (answered)");
  await s.getByRole("button", { name: "Finish and see your score" }).click();
  await expect(s.getByRole("heading", { name: /Your score: \d+%/ })).toBeVisible();
  await expectInert(student, [PROMPT, EXPLANATION], "quiz results");

  for (const path of ["/dashboard", "/classes"]) {
    await s.goto(path);
    await expectInert(student, [], `student ${path}`);
  }
  await expect(s.getByRole("banner")).toContainText(STUDENT); // the account menu in the header
  await s.goto("/dashboard");
  await expectInert(student, [STUDENT], "student /dashboard");
  await s.goto("/account");
  await expectInert(student, [], "student /account");
  await expect(s.getByLabel("Name", { exact: true })).toHaveValue(STUDENT);

  // The teacher's pages: home, class, gradebook, question analysis, question list and editor.
  await t.goto("/teacher");
  await expectInert(teacher, [CLASS], "teacher /teacher");
  await expect(t.getByRole("banner")).toContainText(TEACHER);
  await t.goto(classUrl);
  const classPage = await expectInert(teacher, [CLASS, STUDENT, TITLE], "class page");
  expect(classPage.title).toContain(CLASS);
  await t.goto(`${classUrl}/reports`);
  await expectInert(teacher, [CLASS, STUDENT, TITLE], "gradebook");
  await t.goto(`${classUrl}/reports/questions`);
  await expectInert(teacher, [CLASS, PROMPT, WRONG], "question analysis");
  await t.goto("/teacher/questions");
  await expectInert(teacher, [PROMPT], "question list");
  await t.goto(questionUrl);
  await expectInert(teacher, [], "question editor");
  await expect(t.getByLabel("Question", { exact: true })).toHaveValue(PROMPT);
  await expect(t.getByLabel("Explanation")).toHaveValue(EXPLANATION);
  await expect(t.getByLabel("Options")).toHaveValue(`${WRONG}\n* ${RIGHT}\n2003`);

  // The CSV is a download of text, never a page: names are quoted, a formula is neutralised.
  const csvResponse = await t.request.get(`/api/v1/teacher/classes/${classUrl.split("/").pop()}/gradebook`);
  expect(csvResponse.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csvResponse.headers()["content-disposition"]).toMatch(/^attachment; filename="gradebook-[\w-]+-\d{4}-\d{2}-\d{2}\.csv"$/);
  expect(csvResponse.headers()["x-content-type-options"]).toBe("nosniff");
  const [download] = await Promise.all([
    t.waitForEvent("download"),
    t.goto(`${classUrl}/reports`).then(() => t.getByRole("link", { name: "Download CSV" }).click()),
  ]);
  const csv = fs.readFileSync(await download.path(), "utf8");
  expect(csv).toContain(`"'${STUDENT.replaceAll('"', '""')}"`);
  expect(csv).toContain(`"${TITLE.replaceAll('"', '""')}: status"`);

  expect(teacher.problems).toEqual([]);
  expect(student.problems).toEqual([]);
});
