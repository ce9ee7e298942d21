// The teacher's side end to end: a teacher signs up, creates a class and sets a lesson; two
// students join (one by following the join link without an account, one by typing the code);
// one finishes the lesson quiz; the teacher reads statuses, scores and heatmaps, downloads the
// CSV, gives an extension and edits a question; another teacher cannot open the class. axe runs
// on every teacher screen. After its first page everyone clicks (issue 12); the tests whose
// subject is a typed address (a refused URL) are tagged TYPED_URL.
import fs from "node:fs";
import type { Page } from "@playwright/test";
import { asShown, rightResponse, wrongResponse } from "../tooling/answers";
import { bank, getQuestion } from "./support/bank";
import { DEMO, expect, expectAccessible, signIn, signInAsNewTeacher, signUp, test, TYPED_URL, uniqueEmail } from "./support/fixtures";
import { joinLink, studentFromJoinLink } from "./support/join-link";
import { createClassWithLesson } from "./support/class-setup";
import { localDateTime } from "../tooling/local-date-time";

const PASSWORD = "a careful reader of Bishara";

/** A question as the API shows it to the learner (option ids are that attempt's tokens). */
type ShownQuestion = Parameters<typeof asShown>[1] & { id: string };

async function person(newContextPage: () => Promise<Page>, role: "Student" | "Teacher", name: string): Promise<Page> {
  const page = await newContextPage();
  const email = uniqueEmail(role.toLowerCase());
  if (role === "Teacher") await signInAsNewTeacher(page, { name, email, password: PASSWORD });
  else await signUp(page, { name, email, password: PASSWORD, role });
  await expect(page).toHaveURL(role === "Teacher" ? /\/teacher$/ : /\/dashboard$/);
  return page;
}

/** The header's link, as a person would click it. */
function headerLink(page: Page, name: string) {
  return page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });
}

/** The question types whose wrong answers the item analysis counts as "wrong choices". */
const CHOICE_TYPES = new Set(["single", "multiple", "true-false", "classify"]);

test("a teacher sets a lesson, students join and work, the teacher reads the reports", async ({ newContextPage }) => {
  test.setTimeout(240_000);

  // The teacher creates a class.
  const teacher = await person(newContextPage, "Teacher", "Tess Teacher");
  await expectAccessible(teacher);
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher.getByText("Name the class.")).toBeVisible();
  await teacher.getByLabel("Class name").fill("Year 10 History");
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher).toHaveURL(/\/teacher\/classes\/[a-z0-9]+$/);
  await expect(teacher.getByRole("heading", { level: 1, name: "Year 10 History" })).toBeVisible();
  const classUrl = new URL(teacher.url()).pathname;
  const code = (await teacher.getByText(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/).textContent())?.trim() ?? "";
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  const joinLinkOnPage = teacher.getByRole("link", { name: /\/classes\/join\?code=/ });
  await expect(joinLinkOnPage).toHaveAttribute("href", joinLink(code));
  await expectAccessible(teacher);

  // …and sets the first lesson, due in a week. A due date in the past is refused first.
  await teacher.getByLabel("What to assign").selectOption({ label: "Lesson: Potato diplomacy" });
  await teacher.getByLabel("Due", { exact: true }).fill(await localDateTime(teacher, -2));
  await teacher.getByRole("button", { name: "Set assignment" }).click();
  await expect(teacher.getByText("The due date must be in the future.")).toBeVisible();
  await expectAccessible(teacher);
  await teacher.getByLabel("Due", { exact: true }).fill(await localDateTime(teacher, 7));
  await teacher.getByLabel("Attempts per student").fill("2");
  await teacher.getByRole("button", { name: "Set assignment" }).click();
  await expect(teacher.getByText("The assignment is set.")).toBeVisible();
  await expect(teacher.getByRole("heading", { level: 3, name: "Lesson: Potato diplomacy" })).toBeVisible();

  // Two students join. Amira follows the link without an account: sign-in sends her to create
  // one, and she comes back to the join page with the code filled in.
  const amira = await studentFromJoinLink(await newContextPage(), { name: "Amira Student", code, join: false });
  await expect(amira.getByLabel("Class code")).toHaveValue(code.replace("-", ""));
  await expectAccessible(amira);
  await amira.getByRole("button", { name: "Join class" }).click();
  await expect(amira).toHaveURL(/\/classes\?joined=/);
  await expect(amira.getByText("You have joined Year 10 History.")).toBeVisible();
  await expectAccessible(amira);

  // Leo signs up on his own and types the code in lower case, from his new dashboard's first step.
  const leo = await person(newContextPage, "Student", "Leo Student");
  await leo.getByRole("link", { name: "Join your class" }).click();
  await expect(leo).toHaveURL(/\/classes\/join$/);
  await leo.getByLabel("Class code").fill("WRONG-CODE");
  await leo.getByRole("button", { name: "Join class" }).click();
  await expect(leo.getByText(/A class code has 8 letters and digits/)).toBeVisible();
  await leo.getByLabel("Class code").fill("zzzz-zzzz");
  await leo.getByRole("button", { name: "Join class" }).click();
  await expect(leo.getByText(/No class has this code/)).toBeVisible();
  await leo.getByLabel("Class code").fill(` ${code.toLowerCase()} `);
  await leo.getByRole("button", { name: "Join class" }).click();
  await expect(leo.getByText("You have joined Year 10 History.")).toBeVisible();
  await expect(leo.getByRole("heading", { level: 3, name: "Lesson: Potato diplomacy" })).toBeVisible();

  // Amira starts the assignment from her class page and finishes the quiz: one answer wrong.
  await amira.getByRole("button", { name: "Take the quiz: Lesson: Potato diplomacy" }).click();
  await expect(amira).toHaveURL(/\/quiz\/attempt\//);
  const attemptId = amira.url().split("/").pop() ?? "";
  const attempt = await (await amira.request.get(`/api/v1/attempts/${attemptId}`)).json();
  const shown: ShownQuestion[] = attempt.items.map((item: { question: ShownQuestion }) => item.question);
  const ids = shown.map((q) => q.id);
  let missed = false;
  for (const [i, id] of ids.entries()) {
    const question = getQuestion(id);
    if (!question) throw new Error(`unknown question ${id}`);
    // One answer is wrong, to the first question whose wrong choice the item analysis lists (any
    // choice type: a ten-question draw from the lesson's pool may hold no single-choice question; a
    // wrong match or order has no "wrong choice" to show), so the reports have a miss to show.
    const wrong = missed || !CHOICE_TYPES.has(question.type) ? null : wrongResponse(question);
    if (wrong) missed = true;
    // Option ids are the attempt's tokens: the answer is picked by text from what the API showed.
    const answer = await amira.request.put(`/api/v1/attempts/${attemptId}/answers/${id}`, {
      data: { response: asShown(question, shown[i]!, wrong ?? rightResponse(question)) },
    });
    expect(answer.status()).toBe(201);
  }
  expect(missed).toBe(true);
  await amira.reload();
  await amira.getByRole("button", { name: "Finish and see your score" }).click();
  await expect(amira.getByRole("heading", { name: /Your score: \d+%/ })).toBeVisible();
  const percent = Math.round(((ids.length - 1) / ids.length) * 100);
  await headerLink(amira, "Classes").click();
  await expect(amira).toHaveURL(/\/classes$/);
  await expect(amira.getByText(`Done · best score ${percent}%`)).toBeVisible();
  await expect(amira.getByRole("button", { name: "Try the quiz again: Lesson: Potato diplomacy" })).toBeVisible();

  // The teacher's class page counts what was handed in; an extension for Leo.
  await teacher.reload();
  await expect(teacher.getByText("Handed in: 1 of 2")).toBeVisible();
  await teacher.getByLabel("Assignment", { exact: true }).selectOption({ label: "Lesson: Potato diplomacy" });
  await teacher.getByLabel("Student", { exact: true }).selectOption({ label: "Leo Student" });
  await teacher.getByLabel("New due date (optional)").fill(await localDateTime(teacher, 10));
  await teacher.getByLabel("Extra attempts").fill("1");
  await teacher.getByRole("button", { name: "Save extension" }).click();
  await expect(teacher.getByText("Extension saved.")).toBeVisible();
  await expect(teacher.getByRole("button", { name: "Remove Leo Student’s extension" })).toBeVisible();
  await expectAccessible(teacher);
  await leo.reload();
  await expect(leo.getByText(/\(extended\)/)).toBeVisible();
  await expect(leo.getByText("Not started · 0 of 3 attempts used")).toBeVisible();

  // Reports: statuses and scores and the mastery heatmap on the gradebook page; question analysis
  // and the article heatmap on their own page.
  await teacher.getByRole("link", { name: "Gradebook", exact: true }).click();
  await expect(teacher).toHaveURL(`${classUrl}/reports`);
  await expect(teacher.getByRole("link", { name: "Gradebook", exact: true })).toHaveAttribute("aria-current", "page");
  const gradebook = teacher.getByRole("table", { name: /status and best score/ });
  await expect(gradebook.getByRole("row", { name: /Amira Student/ })).toContainText(`Done${percent}%`);
  await expect(gradebook.getByRole("row", { name: /Leo Student/ })).toContainText("Not started");
  await expect(gradebook.getByRole("row", { name: /Leo Student/ })).toContainText("extended");
  const heatmap = teacher.getByRole("table", { name: /mastery level/ });
  await expect(heatmap.getByRole("columnheader", { name: /Phase 1/ })).toBeVisible();
  await expect(heatmap.getByRole("row", { name: /Amira Student/ })).not.toContainText("Not started".repeat(4));
  await expect(
    heatmap
      .getByRole("row", { name: /Leo Student/ })
      .getByRole("cell")
      .first(),
  ).toContainText("Not started");
  await expectAccessible(teacher);
  await teacher.getByRole("link", { name: "Question analysis", exact: true }).click();
  await expect(teacher).toHaveURL(`${classUrl}/reports/questions`);
  await expect(teacher.getByRole("heading", { name: "Question analysis", level: 2 })).toBeVisible();
  await expect(teacher.getByText(/Wrong choices:/).first()).toBeVisible();
  await expect(teacher.getByText(/not computed \(fewer than 4 students answered\)/).first()).toBeVisible();
  const paragraphLink = teacher.getByRole("link", { name: /^Paragraph / }).first();
  await expect(paragraphLink).toHaveAttribute("href", /^\/lessons\/potato-diplomacy#[a-z0-9-]+$/);
  await expectAccessible(teacher);

  // The CSV (on the gradebook page): a BOM, every field quoted, one row per student.
  await teacher.getByRole("link", { name: "Gradebook", exact: true }).click();
  const [download] = await Promise.all([teacher.waitForEvent("download"), teacher.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^gradebook-year-10-history-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync(await download.path(), "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trimEnd().split("\r\n");
  // Score and status first, as before; then late, counted and the best score not counted (decision 0036).
  expect(lines[0]).toBe(
    '"Student","Email","Lesson: Potato diplomacy: best score (%)","Lesson: Potato diplomacy: status","Lesson: Potato diplomacy: late","Lesson: Potato diplomacy: counted","Lesson: Potato diplomacy: best not counted (%)"',
  );
  expect(lines).toHaveLength(3);
  expect(lines.find((l) => l.startsWith('"Amira Student"'))).toMatch(new RegExp(`,"${percent}","Done","no","yes",""$`));
  expect(lines.find((l) => l.startsWith('"Leo Student"'))).toMatch(/,"","Not started","no","yes",""$/);

  // Another teacher cannot download this class's CSV: the same 404 as for no class at all. (Typing
  // the class's addresses is the subject of its own test below.)
  const other = await newContextPage();
  await signIn(other, DEMO.teacher);
  const classId = classUrl.split("/").pop() ?? "";
  const foreignCsv = await other.request.get(`/api/v1/teacher/classes/${classId}/gradebook`);
  expect(foreignCsv.status()).toBe(404);
  expect(await foreignCsv.text()).not.toContain("Amira");
  expect((await other.request.get("/api/v1/teacher/classes/not-a-real-class/gradebook")).status()).toBe(404);
});

// Typed addresses are this test's subject: someone who has (or guesses) the address of a class
// or question that is not theirs gets the same 404 as for one that does not exist, and a student
// of the class gets 403 on the teacher's screens.
test(
  "another teacher's class, reports and question are 404 like ones that do not exist; a student of the class gets 403",
  { tag: TYPED_URL },
  async ({ newContextPage }) => {
    test.setTimeout(120_000);
    const teacher = await person(newContextPage, "Teacher", "Tara Owner");
    await teacher.getByLabel("Class name").fill("Year 10 Geography");
    await teacher.getByRole("button", { name: "Create class" }).click();
    await expect(teacher.getByRole("heading", { level: 1, name: "Year 10 Geography" })).toBeVisible();
    const classUrl = new URL(teacher.url()).pathname;
    const code = (await teacher.getByText(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/).textContent())?.trim() ?? "";
    await headerLink(teacher, "Questions").click();
    await teacher.locator("summary", { hasText: "The eye of the beholder" }).click();
    await teacher
      .getByRole("button", { name: /^Duplicate / })
      .first()
      .click();
    await expect(teacher).toHaveURL(/\/teacher\/questions\/t-[a-z0-9]{12}\?copied=1$/);
    const questionUrl = new URL(teacher.url()).pathname;

    const other = await newContextPage();
    await signIn(other, DEMO.teacher);
    for (const url of [classUrl, `${classUrl}/reports`, `${classUrl}/reports/questions`, "/teacher/classes/not-a-real-class"]) {
      const response = await other.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(other.getByRole("heading", { name: "Class not found" })).toBeVisible();
    }
    await expectAccessible(other);
    for (const url of [questionUrl, "/teacher/questions/t-notarealone0"]) {
      expect((await other.goto(url))?.status(), url).toBe(404);
      await expect(other.getByRole("heading", { name: "Question not found" })).toBeVisible();
    }

    const student = await studentFromJoinLink(await newContextPage(), { name: "Sami Member", code });
    await expect(student.getByText("You have joined Year 10 Geography.")).toBeVisible();
    for (const url of [classUrl, `${classUrl}/reports`]) expect((await student.goto(url))?.status(), url).toBe(403);
  },
);

test("a student who has an account follows the join link, goes to sign-up by mistake, signs in from there and lands on the join page", async ({
  newContextPage,
}) => {
  test.setTimeout(120_000);
  const teacher = await person(newContextPage, "Teacher", "Jonas Teacher");
  await teacher.getByLabel("Class name").fill("Year 12 Debate");
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Year 12 Debate" })).toBeVisible();
  const code = (await teacher.getByText(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/).textContent())?.trim() ?? "";
  const email = uniqueEmail("student");
  await signUp(await newContextPage(), { name: "Ines Returning", email, password: PASSWORD, role: "Student" });

  // On another device, signed out: the join link, then sign-up and back to sign-in keep the way back.
  const student = await newContextPage();
  await student.goto(joinLink(code));
  await expect(student).toHaveURL((url) => url.pathname === "/signin" && url.searchParams.get("callbackUrl") === joinLink(code));
  await student.getByRole("link", { name: "Create an account" }).click();
  await expect(student).toHaveURL((url) => url.pathname === "/signup" && url.searchParams.get("callbackUrl") === joinLink(code));
  await student.getByRole("main").getByRole("link", { name: "Sign in", exact: true }).click();
  await expect(student).toHaveURL((url) => url.pathname === "/signin" && url.searchParams.get("callbackUrl") === joinLink(code));
  await student.getByLabel("Email").fill(email);
  await student.getByLabel("Password").fill(PASSWORD);
  await student.getByRole("button", { name: "Sign in" }).click();
  await student.waitForURL((url) => url.pathname === "/classes/join");
  await expect(student.getByLabel("Class code")).toHaveValue(code.replace("-", ""));
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByText("You have joined Year 12 Debate.")).toBeVisible();
});

test("a teacher duplicates a built-in question, edits the copy and retires it", async ({ newContextPage }) => {
  test.setTimeout(120_000);
  const teacher = await person(newContextPage, "Teacher", "Quentin Questions");
  await headerLink(teacher, "Questions").click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Your questions" })).toBeVisible();
  await expectAccessible(teacher);
  const builtIn = bank.find((q) => q.id === "q-slovenia-summit-year");
  if (!builtIn) throw new Error("bank changed");
  await teacher.locator("summary", { hasText: "The eye of the beholder" }).click();
  await teacher
    .getByRole("button", { name: `Duplicate “${builtIn.prompt}” into an editable copy` })
    .first()
    .click();
  await expect(teacher).toHaveURL(/\/teacher\/questions\/t-[a-z0-9]{12}\?copied=1$/);
  await expect(teacher.getByText("Copied. Edit your copy below")).toBeVisible();
  await expectAccessible(teacher);

  // An edit that breaks a rule is refused next to the field; a good one is saved.
  await teacher.getByLabel("Options").fill("1999\n2001\n2003");
  await teacher.getByRole("button", { name: "Save changes" }).click();
  await expect(teacher.getByText("Mark the right option with a * at the start of its line.")).toBeVisible();

  // The item-writing checks advise while the teacher types, before saving, and clear once fixed.
  const checks = teacher.getByRole("region", { name: "Check this question" });
  await expect(checks).toBeHidden();
  await teacher.getByLabel("Options").fill("1999\n* 2001, when Bush looked Putin in the eye at Brdo Castle\n2003\nNever: they always met in Moscow");
  await expect(checks).toBeVisible();
  await expect(checks.getByRole("listitem").filter({ hasText: "by far the longest option" })).toBeVisible();
  await expect(checks.getByRole("listitem").filter({ hasText: "Absolute words" })).toBeVisible();
  await expectAccessible(teacher);
  await teacher.getByLabel("Options").fill("1999\n* 2001\n2003\nNever: they always met in Moscow");
  await expect(checks.getByRole("listitem").filter({ hasText: "by far the longest option" })).toBeHidden();
  await expect(checks.getByRole("listitem").filter({ hasText: "Absolute words" })).toBeVisible();
  await teacher.getByLabel("Options").fill("1999\n* 2001\n2003\n2008");
  await expect(checks).toBeHidden();
  await teacher.getByLabel("Question", { exact: true }).fill("In which year did Bush and Putin first meet, at a summit in Slovenia?");
  await teacher.getByRole("button", { name: "Save changes" }).click();
  await expect(teacher.getByText("Saved.", { exact: true })).toBeVisible();

  await headerLink(teacher, "Questions").click();
  const row = teacher.getByRole("row", { name: /first meet, at a summit in Slovenia/ });
  await expect(row).toContainText("In use");
  await row.getByRole("button", { name: /^Retire/ }).click();
  await expect(row).toContainText("Retired");
  await expect(row.getByRole("link")).toHaveAttribute("href", /^\/teacher\/questions\/t-[a-z0-9]{12}$/);

  await teacher.getByRole("link", { name: "Write a question" }).click();
  await expect(teacher).toHaveURL(/\/teacher\/questions\/new$/);
  await expectAccessible(teacher);
  await teacher.getByRole("button", { name: "Save question" }).click();
  await expect(teacher.getByText(/Mark the right option/)).toBeVisible();
  await expectAccessible(teacher);
  // Someone else's question being a 404 is checked with the typed addresses above.
});

test("removing a student and deleting an assignment ask first, Cancel changes nothing, and focus lands on the heading above", async ({ newContextPage }) => {
  test.setTimeout(120_000);
  const teacher = await person(newContextPage, "Teacher", "Careful Teacher");
  const code = await createClassWithLesson(teacher, { className: "Year 11 Politics" });

  const student = await studentFromJoinLink(await newContextPage(), { name: "Nadia Student", code });
  await expect(student.getByText("You have joined Year 11 Politics.")).toBeVisible();

  await teacher.reload();
  const nadia = teacher.getByRole("rowheader", { name: "Nadia Student" });
  await expect(nadia).toBeVisible();

  // An action that removes its own row hands focus to the heading above it (not to <body>).
  await teacher.getByLabel("Assignment", { exact: true }).selectOption({ label: "Lesson: Potato diplomacy" });
  await teacher.getByLabel("Student", { exact: true }).selectOption({ label: "Nadia Student" });
  await teacher.getByLabel("Extra attempts").fill("1");
  await teacher.getByRole("button", { name: "Save extension" }).click();
  await teacher.getByRole("button", { name: "Remove Nadia Student’s extension" }).click();
  await expect(teacher.getByRole("button", { name: "Remove Nadia Student’s extension" })).toBeHidden();
  await expect(teacher.getByRole("heading", { level: 3, name: "Lesson: Potato diplomacy" })).toBeFocused();

  await teacher.getByRole("button", { name: "Remove Nadia Student from the class" }).click();
  const question = teacher.getByRole("group", { name: /Remove Nadia Student from this class\?/ });
  await expect(question).toBeVisible();
  await expect(question.getByRole("button", { name: "Yes, remove Nadia Student" })).toBeFocused();
  await expectAccessible(teacher);
  await question.getByRole("button", { name: "Cancel" }).click();
  await expect(question).toBeHidden();
  await expect(teacher.getByRole("button", { name: "Remove Nadia Student from the class" })).toBeFocused();
  await teacher.reload();
  await expect(nadia).toBeVisible();

  await teacher.getByRole("button", { name: "Remove Nadia Student from the class" }).click();
  await teacher.getByRole("button", { name: "Yes, remove Nadia Student" }).click();
  await expect(teacher.getByRole("heading", { level: 2, name: "Students (0)" })).toBeFocused();
  await expect(nadia).toBeHidden();

  await teacher.getByRole("button", { name: "Delete the assignment “Lesson: Potato diplomacy”" }).click();
  await teacher.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(teacher.getByRole("heading", { level: 3, name: "Lesson: Potato diplomacy" })).toBeHidden();
  await expect(teacher.getByRole("heading", { level: 2, name: "Assignments" })).toBeFocused();
});

test("the owner invites co-teachers, who accept (or decline) on their page; she removes one, the other leaves", async ({ newContextPage }) => {
  test.setTimeout(240_000);
  const owner = await person(newContextPage, "Teacher", "Olga Owner");
  await owner.getByLabel("Class name").fill("Year 12 Diplomacy");
  await owner.getByRole("button", { name: "Create class" }).click();
  await expect(owner.getByRole("heading", { level: 1, name: "Year 12 Diplomacy" })).toBeVisible();

  // Chidi already has a (verified) teacher account; Lena has none yet when she is invited.
  const chidi = { name: "Chidi Colleague", email: uniqueEmail("coteacher"), page: await newContextPage() };
  await signInAsNewTeacher(chidi.page, { name: chidi.name, email: chidi.email, password: PASSWORD });
  const lena = { name: "Lena Leaver", email: uniqueEmail("coteacher"), page: await newContextPage() };
  const colleagues = [chidi, lena];

  // The owner invites by email; the answer says nothing about the account (decision 0038).
  const teachers = owner.getByRole("region", { name: "Teachers" });
  const sent = (email: string) => `Invitation sent to ${email}. They become a co-teacher when they accept it from their teacher page.`;
  const startsWith = (text: string) => new RegExp(`^${text.replace(/[.]/g, "\\.")}`);
  const answers: string[] = [];
  const unknown = uniqueEmail("nobody");
  for (const email of [chidi.email, unknown, lena.email]) {
    await owner.getByLabel("Colleague’s email").fill(email);
    await owner.getByRole("button", { name: "Send invitation" }).click();
    const status = teachers.getByRole("status").filter({ hasText: "Invitation sent to" });
    await expect(status).toHaveText(sent(email));
    answers.push(((await status.textContent()) ?? "").replace(email, "<email>"));
  }
  // A teacher's email, an unknown one and one with no account yet: the identical message.
  expect(new Set(answers).size).toBe(1);
  // Invited is not added: the owner alone teaches the class, three invitations wait.
  await expect(teachers.getByRole("list").first().getByRole("listitem")).toHaveText([/^Olga Owner \(created the class\)$/]);
  const pending = teachers.getByRole("list").nth(1);
  await expect(pending.getByRole("listitem")).toHaveText([lena.email, unknown, chidi.email].map(startsWith));
  await expectAccessible(owner);
  await owner.setViewportSize({ width: 1280, height: 900 });
  await teachers.screenshot({ path: test.info().outputPath("teachers-invited-desktop.png") });
  await owner.setViewportSize({ width: 390, height: 844 });
  await teachers.screenshot({ path: test.info().outputPath("teachers-invited-phone.png") });
  await owner.setViewportSize({ width: 1280, height: 900 });

  // The owner takes back the invitation to the unknown address; focus goes to the section's heading.
  await teachers.getByRole("button", { name: `Cancel invitation to ${unknown}` }).click();
  await expect(owner.getByRole("heading", { level: 2, name: "Teachers" })).toBeFocused();
  await expect(pending.getByRole("listitem")).toHaveText([lena.email, chidi.email].map(startsWith));

  // Chidi finds the invitation on his teacher page; Lena finds it once her teacher account exists
  // (made verified here; e2e/admin.spec.ts walks the approval itself).
  await headerLink(chidi.page, "Classes").click();
  await signInAsNewTeacher(lena.page, { name: lena.name, email: lena.email, password: PASSWORD });
  for (const [i, colleague] of colleagues.entries()) {
    const invitations = colleague.page.getByRole("region", { name: "Invitations to co-teach" });
    await expect(invitations.getByRole("listitem")).toHaveCount(1);
    await expect(invitations.getByRole("listitem")).toContainText("Year 12 Diplomacy");
    await expect(invitations.getByRole("listitem")).toContainText("From Olga Owner");
    // Not his class until he accepts.
    await expect(colleague.page.getByRole("link", { name: "Year 12 Diplomacy" })).toHaveCount(0);
    if (i === 0) {
      await expectAccessible(colleague.page);
      await colleague.page.setViewportSize({ width: 1280, height: 900 });
      await invitations.screenshot({ path: test.info().outputPath("teacher-invitations-desktop.png") });
      await colleague.page.setViewportSize({ width: 390, height: 844 });
      await invitations.screenshot({ path: test.info().outputPath("teacher-invitations-phone.png") });
      await colleague.page.setViewportSize({ width: 1280, height: 900 });
    }
    await invitations.getByRole("button", { name: "Accept the invitation to co-teach “Year 12 Diplomacy”" }).click();
    // Accepted: straight to the class, which is now also on the home page.
    await expect(colleague.page.getByRole("heading", { level: 1, name: "Year 12 Diplomacy" })).toBeVisible();
    await colleague.page.getByRole("link", { name: "← All classes" }).click();
    await expect(colleague.page.getByRole("region", { name: "Invitations to co-teach" })).toHaveCount(0);
    await colleague.page.getByRole("link", { name: "Year 12 Diplomacy" }).click();
    await expect(colleague.page.getByRole("heading", { level: 1, name: "Year 12 Diplomacy" })).toBeVisible();
  }
  await owner.reload();
  await expect(teachers.getByRole("listitem")).toHaveText([
    /^Olga Owner \(created the class\)$/,
    /^Chidi Colleague \(co-teacher\)\s*Remove$/,
    /^Lena Leaver \(co-teacher\)\s*Remove$/,
  ]);

  // A co-teacher may leave, but not remove anyone else.
  const lenaTeachers = lena.page.getByRole("region", { name: "Teachers" });
  await expect(lenaTeachers.getByRole("button", { name: "Leave this class" })).toBeVisible();
  await expect(lenaTeachers.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await expect(lenaTeachers.getByText("Only the teacher who created the class can invite co-teachers.")).toBeVisible();

  // The owner removes Chidi, after a confirm step; focus lands on the section's heading.
  await teachers.getByRole("button", { name: "Remove Chidi Colleague as co-teacher" }).click();
  const question = teachers.getByRole("group", { name: /Remove Chidi Colleague as co-teacher\?/ });
  await expect(question.getByRole("button", { name: "Yes, remove Chidi Colleague" })).toBeFocused();
  await expectAccessible(owner);
  await owner.setViewportSize({ width: 1280, height: 900 });
  await teachers.screenshot({ path: test.info().outputPath("teachers-confirm-desktop.png") });
  await owner.setViewportSize({ width: 390, height: 844 });
  await teachers.screenshot({ path: test.info().outputPath("teachers-confirm-phone.png") });
  await owner.setViewportSize({ width: 1280, height: 900 });
  await question.getByRole("button", { name: "Yes, remove Chidi Colleague" }).click();
  await expect(owner.getByRole("heading", { level: 2, name: "Teachers" })).toBeFocused();
  await expect(teachers.getByRole("listitem")).toHaveText([/^Olga Owner/, /^Lena Leaver/]);
  await expectAccessible(owner);

  // Chidi no longer has the class: not on his home page, and its page is gone for him.
  await chidi.page.reload();
  await expect(chidi.page.getByRole("heading", { level: 1, name: "Class not found" })).toBeVisible();
  await chidi.page.getByRole("link", { name: "See your classes" }).click();
  await expect(chidi.page.getByRole("heading", { level: 1, name: "Your classes" })).toBeVisible();
  await expect(chidi.page.getByRole("link", { name: "Year 12 Diplomacy" })).toHaveCount(0);

  // Invited again, Chidi declines: he is told so and the class stays off his page.
  await owner.getByLabel("Colleague’s email").fill(chidi.email);
  await owner.getByRole("button", { name: "Send invitation" }).click();
  await expect(teachers.getByRole("status").filter({ hasText: "Invitation sent to" })).toHaveText(sent(chidi.email));
  await headerLink(chidi.page, "Classes").click();
  await chidi.page.getByRole("button", { name: "Decline the invitation to co-teach “Year 12 Diplomacy”" }).click();
  await expect(chidi.page).toHaveURL(/\/teacher\?declined=1$/);
  await expect(chidi.page.getByRole("status").filter({ hasText: "Invitation declined. You have not been added to that class." })).toBeVisible();
  await expect(chidi.page.getByRole("region", { name: "Invitations to co-teach" })).toHaveCount(0);
  await expect(chidi.page.getByRole("link", { name: "Year 12 Diplomacy" })).toHaveCount(0);

  // Lena leaves of her own accord, and is told the class's work stays.
  await lenaTeachers.getByRole("button", { name: "Leave this class" }).click();
  await expectAccessible(lena.page);
  await lena.page.setViewportSize({ width: 1280, height: 900 });
  await lenaTeachers.screenshot({ path: test.info().outputPath("teachers-leave-desktop.png") });
  await lena.page.setViewportSize({ width: 390, height: 844 });
  await lenaTeachers.screenshot({ path: test.info().outputPath("teachers-leave-phone.png") });
  await lena.page.getByRole("button", { name: "Yes, leave the class" }).click();
  await expect(lena.page).toHaveURL(/\/teacher\?left=1$/);
  await expect(lena.page.getByRole("status").filter({ hasText: "You left the class. Its work and reports stay with the class." })).toBeVisible();
  await expect(lena.page.getByRole("link", { name: "Year 12 Diplomacy" })).toHaveCount(0);
  await expectAccessible(lena.page);
  await screenshot(lena.page, "teacher-home-left-phone");
  await lena.page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(lena.page, "teacher-home-left-desktop");

  // The owner's class still has its owner and nobody else.
  await owner.reload();
  await expect(teachers.getByRole("listitem")).toHaveText([/^Olga Owner \(created the class\)$/]);
});

/** A new student who follows the join link, starts the assignment from their class page and answers every question (the first wrong) through the API. */
async function studentTakesQuiz(student: Page, { name, code, className, assignment }: { name: string; code: string; className: string; assignment: string }) {
  await studentFromJoinLink(student, { name, code });
  await expect(student.getByText(`You have joined ${className}.`)).toBeVisible();
  await student.getByRole("button", { name: `Take the quiz: ${assignment}` }).click();
  await expect(student).toHaveURL(/\/quiz\/attempt\//);
  const attemptId = student.url().split("/").pop() ?? "";
  const attempt = await (await student.request.get(`/api/v1/attempts/${attemptId}`)).json();
  const shown: ShownQuestion[] = attempt.items.map((item: { question: ShownQuestion }) => item.question);
  const ids = shown.map((q) => q.id);
  for (const [i, id] of ids.entries()) {
    const question = getQuestion(id);
    if (!question) throw new Error(`unknown question ${id}`);
    const response = asShown(question, shown[i]!, i === 0 ? wrongResponse(question) : rightResponse(question));
    expect((await student.request.put(`/api/v1/attempts/${attemptId}/answers/${id}`, { data: { response } })).status()).toBe(201);
  }
  expect((await student.request.post(`/api/v1/attempts/${attemptId}/finish`)).status()).toBe(200);
  return { firstQuestion: getQuestion(ids[0] ?? ""), count: ids.length };
}

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test("a teacher opens a student's answers from the gradebook, edits the assignment with a preview, renames and archives the class, and shows the code on the projector", async ({
  newContextPage,
}) => {
  test.setTimeout(240_000);
  const teacher = await person(newContextPage, "Teacher", "Rita Teacher");
  // From here on the teacher only clicks.
  const code = await createClassWithLesson(teacher, { className: "Year 9 Civics", attempts: 2 });

  const amira = await newContextPage();
  const { firstQuestion, count } = await studentTakesQuiz(amira, {
    name: "Amira Pupil",
    code,
    className: "Year 9 Civics",
    assignment: "Lesson: Potato diplomacy",
  });
  const leo = await studentFromJoinLink(await newContextPage(), { name: "Leo Pupil", code });
  await expect(leo.getByText("You have joined Year 9 Civics.")).toBeVisible();

  // The projector view: the code in large letters and a QR code of the join link, as SVG.
  await teacher.getByRole("link", { name: "Show the code on the projector, with a QR code" }).click();
  await expect(teacher.getByRole("heading", { level: 2, name: "Join Year 9 Civics" })).toBeVisible();
  const bigCode = teacher.getByTestId("projector-code");
  await expect(bigCode).toHaveText(code);
  expect(Number.parseFloat(await bigCode.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(48);
  const qr = teacher.getByRole("img", { name: new RegExp(`QR code of the join link .*/classes/join\\?code=${code.replace("-", "")}$`) });
  await expect(qr).toBeVisible();
  await expect(qr.locator("svg path").first()).toBeAttached();
  expect((await qr.locator("svg").boundingBox())?.width ?? 0).toBeGreaterThan(200);
  await expectAccessible(teacher);
  await screenshot(teacher, "projector");

  // A gradebook cell opens the student's attempt: each question, their answer, the key, the time taken.
  await teacher.getByRole("link", { name: "← Students and assignments" }).click();
  await teacher.getByRole("link", { name: "Gradebook", exact: true }).click();
  const gradebook = teacher.getByRole("table", { name: /status and best score/ });
  await expect(gradebook.getByRole("row", { name: /Leo Pupil/ })).toContainText("Not started reading");
  await expectAccessible(teacher);
  await screenshot(teacher, "gradebook");
  await gradebook.getByRole("link", { name: /Amira Pupil, Lesson: Potato diplomacy/ }).click();
  await expect(teacher.getByRole("heading", { level: 2, name: "Amira Pupil: Lesson: Potato diplomacy" })).toBeVisible();
  await expect(teacher.getByRole("heading", { level: 3, name: /^Attempt 1: \d+%$/ })).toBeVisible();
  await expect(teacher.getByText(/took \d+ (s|min)/)).toBeVisible();
  await expect(teacher.getByRole("article")).toHaveCount(count);
  const first = teacher.getByRole("article").first();
  await expect(first).toContainText(firstQuestion?.prompt ?? "");
  await expect(first).toContainText(/✗ Wrong|◐ Partly right/);
  await expect(first).toContainText("Student answered");
  await expect(first).toContainText("The answer");
  await expect(first).toContainText(firstQuestion?.explanation ?? "");
  await expect(teacher.getByRole("article").nth(1)).toContainText("✓ Right");
  await expectAccessible(teacher);
  await screenshot(teacher, "student-work");

  // Editing the assignment: a bad date is refused next to the field; fewer attempts shows who is affected before saving.
  await teacher.getByRole("link", { name: "Students and assignments", exact: true }).click();
  await teacher.getByRole("link", { name: "Edit the assignment “Lesson: Potato diplomacy”" }).click();
  await expect(teacher.getByRole("heading", { level: 2, name: "Edit “Lesson: Potato diplomacy”" })).toBeVisible();
  await expect(teacher.getByLabel("Attempts per student")).toHaveValue("2");
  await expectAccessible(teacher);
  await expect(teacher.getByLabel("Due", { exact: true })).not.toHaveValue("");
  const due = await teacher.getByLabel("Due", { exact: true }).inputValue();
  await teacher.getByLabel("Due", { exact: true }).fill(await localDateTime(teacher, -3));
  await teacher.getByRole("button", { name: "Save changes" }).click();
  await expect(teacher.getByText("The due date must be after the opening date.")).toBeVisible();
  await expectAccessible(teacher);
  await teacher.getByLabel("Due", { exact: true }).fill(due);
  await teacher.getByLabel("Attempts per student").fill("1");
  await teacher.getByRole("button", { name: "Save changes" }).click();
  const preview = teacher.getByRole("region", { name: "Before you save: what changes for students" });
  await expect(preview).toContainText("1 student has started: Amira Pupil.");
  await expect(preview).toContainText("Allowing 1 attempt leaves Amira Pupil with no attempt left.");
  await expect(teacher.getByRole("heading", { name: "Before you save: what changes for students" })).toBeFocused();
  await expectAccessible(teacher);
  await screenshot(teacher, "edit-preview");
  await preview.getByRole("button", { name: "Save these changes" }).click();
  await expect(teacher.getByText("Changes saved.")).toBeVisible();
  await teacher.getByRole("link", { name: "← Students and assignments" }).click();
  await expect(teacher.getByText("Attempts: 1")).toBeVisible();

  // Rename, archive (students no longer see the class), unarchive.
  await teacher.getByLabel("Class name").fill("");
  await teacher.getByRole("button", { name: "Rename" }).click();
  await expect(teacher.getByText("Name the class.")).toBeVisible();
  await teacher.getByLabel("Class name").fill("Year 9 Civics (spring)");
  await teacher.getByRole("button", { name: "Rename" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Year 9 Civics (spring)" })).toBeVisible();
  await teacher.getByRole("button", { name: "Archive class" }).click();
  await teacher.getByRole("button", { name: "Yes, archive it" }).click();
  await expect(teacher.getByText("Archived: students no longer see this class.")).toBeVisible();
  await expect(teacher.getByRole("heading", { level: 2, name: "Name and archive" })).toBeFocused();
  await expectAccessible(teacher);
  // The student opens their classes page from the header.
  await headerLink(amira, "Classes").click();
  await expect(amira).toHaveURL(/\/classes$/);
  await expect(amira.getByText(/Year 9 Civics/)).toHaveCount(0);
  await teacher.getByRole("link", { name: "← All classes" }).click();
  const archived = teacher.getByRole("region", { name: "Archived" });
  await expect(archived.getByRole("link", { name: "Year 9 Civics (spring)" })).toBeVisible();
  await expect(teacher.getByRole("region", { name: "Classes" }).getByRole("link", { name: "Year 9 Civics (spring)" })).toHaveCount(0);
  await expectAccessible(teacher);
  await screenshot(teacher, "home-archived");
  await archived.getByRole("link", { name: "Year 9 Civics (spring)" }).click();
  // Its reports and CSV stay.
  await teacher.getByRole("link", { name: "Gradebook", exact: true }).click();
  const [download] = await Promise.all([teacher.waitForEvent("download"), teacher.getByRole("link", { name: "Download CSV" }).click()]);
  expect(fs.readFileSync(await download.path(), "utf8")).toContain('"Amira Pupil"');
  await teacher.getByRole("link", { name: "Students and assignments", exact: true }).click();
  await teacher.getByRole("button", { name: "Bring the class back" }).click();
  await expect(teacher.getByText("Archived: students no longer see this class.")).toBeHidden();
  await amira.reload();
  await expect(amira.getByText(/Year 9 Civics \(spring\)/).first()).toBeVisible();
});

test("the teacher's home lists late and missing work by name and the most-missed questions", async ({ newContextPage }) => {
  test.setTimeout(180_000);
  const teacher = await person(newContextPage, "Teacher", "Hana Home");
  const code = await createClassWithLesson(teacher, { className: "Year 8 Reading", dueInDays: 2 });
  await studentTakesQuiz(await newContextPage(), { name: "Amira Late", code, className: "Year 8 Reading", assignment: "Lesson: Potato diplomacy" });
  const sam = await studentFromJoinLink(await newContextPage(), { name: "Sam Missing", code });
  await expect(sam.getByText("You have joined Year 8 Reading.")).toBeVisible();

  // The teacher closes it early: the preview says what that does, and then the home page lists it.
  await teacher.getByRole("link", { name: "Edit the assignment “Lesson: Potato diplomacy”" }).click();
  await expect(teacher.getByLabel("Opens", { exact: true })).not.toHaveValue("");
  await teacher.getByLabel("Opens", { exact: true }).fill(await localDateTime(teacher, -2));
  await teacher.getByLabel("Due", { exact: true }).fill(await localDateTime(teacher, -1));
  await teacher.getByRole("button", { name: "Save changes" }).click();
  const preview = teacher.getByRole("region", { name: "Before you save: what changes for students" });
  await expect(preview).toContainText("Moving the due date earlier makes Amira Late’s attempt late.");
  await expect(preview).toContainText("Sam Missing has not finished: the work becomes missing.");
  await preview.getByRole("button", { name: "Save these changes" }).click();
  await expect(teacher.getByText("Changes saved.")).toBeVisible();
  await teacher.getByRole("link", { name: "← Students and assignments" }).click();
  await teacher.getByRole("link", { name: "← All classes" }).click();
  const attention = teacher.getByRole("region", { name: "Needs your attention" });
  await expect(attention).toContainText("1 missing: Sam Missing");
  await expect(attention).toContainText("1 late: Amira Late");
  await expect(attention.getByRole("heading", { name: "Most-missed questions" })).toBeVisible();
  await expect(teacher.getByRole("heading", { level: 2, name: "Create a class" })).toBeVisible();
  await expectAccessible(teacher);
  await screenshot(teacher, "home-attention");
});
