// The whole class loop, played as people click it (issue 12): a teacher creates a class and sets a
// lesson; a new student joins with the code, opens the assignment, reads the lesson to the end,
// takes its quiz, sees their own answers against the right ones; the teacher opens that student's
// work from the gradebook cell. After each person's first page, everything is a click.
import { answerEveryQuestion, attemptQuestionIds } from "./support/quiz-player";
import { DEMO, expect, expectAccessible, signIn, signUp, test, uniqueEmail } from "./support/fixtures";
import { createClassWithLesson } from "./support/class-setup";

test("a class loop by clicks: set, join, read, quiz, feedback, gradebook", async ({ page: teacher, newContextPage }) => {
  test.setTimeout(300_000);
  const className = `Loop class ${Date.now().toString(36)}`;
  const assignment = "Lesson: Potato diplomacy";

  // The teacher creates a class and sets the first lesson, due in a week.
  await signIn(teacher, DEMO.teacher);
  await expect(teacher).toHaveURL(/\/teacher$/);
  const code = await createClassWithLesson(teacher, { className, assignment });

  // A new student: one clear first step, and a way to join the class.
  const student = await newContextPage();
  await signUp(student, { name: "Lena Loop", email: uniqueEmail("loop"), password: "a careful reader of Bishara", role: "Student" });
  await expect(student).toHaveURL(/\/dashboard$/);
  await expect(student.getByText("Start with Lesson 1: Potato diplomacy")).toBeVisible();
  await student.getByRole("link", { name: "Join your class" }).click();
  await student.getByLabel("Class code").fill(code);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByText(`You have joined ${className}.`)).toBeVisible();

  // The assignment card links to its lesson: read first, then the quiz.
  const card = student.getByRole("listitem").filter({ hasText: assignment });
  await expect(card).toContainText("then take its quiz");
  await card.getByRole("link", { name: "Lesson 1: Potato diplomacy" }).click();
  await expect(student).toHaveURL(/\/lessons\/potato-diplomacy$/);
  const bar = student.getByRole("progressbar", { name: "Your reading progress in this lesson" });
  await expect(bar).toHaveAttribute("aria-valuenow", "0");
  await student.locator("#opening-p05").scrollIntoViewIfNeeded();
  await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow"))).toBeGreaterThan(0);
  await student.locator("#lesson-end").scrollIntoViewIfNeeded();
  await expect(bar).toHaveAttribute("aria-valuenow", "100");
  await expect(student.getByRole("status").filter({ hasText: "this lesson counts as read" })).toBeVisible();

  // The lesson ends with the assigned quiz.
  await student.getByRole("button", { name: `Take the assigned quiz: ${assignment}` }).click();
  await expect(student).toHaveURL(/\/quiz\/attempt\//);
  const ids = await attemptQuestionIds(student);
  expect(ids.length).toBeGreaterThanOrEqual(5);
  // One question answered wrongly on purpose, remembered by its number (classify prompts repeat).
  const missed = await answerEveryQuestion(student, { missOne: true });
  expect(missed, "the quiz had a question that can be answered wrongly").toBeDefined();
  await student.getByRole("button", { name: "Finish and see your score" }).click();
  await expect(student.getByRole("heading", { name: /Your score: \d+%/ })).toBeVisible();
  // Their own answer against the right one, for the question they missed.
  const answers = student
    .getByRole("list")
    .filter({ has: student.getByText(/^1\. /) })
    .first();
  const missedItem = answers.locator(":scope > li").nth((missed ?? 1) - 1);
  await expect(missedItem).toContainText("You answered");
  await expect(missedItem).toContainText("The answer");
  await expectAccessible(student);

  // The teacher opens that student's work from the gradebook cell.
  await teacher.getByRole("link", { name: "Gradebook", exact: true }).click();
  const gradebook = teacher.getByRole("table", { name: /status and best score/ });
  await expect(gradebook.getByRole("row", { name: /Lena Loop/ })).toContainText("Read");
  await gradebook.getByRole("link", { name: new RegExp(`Lena Loop, ${assignment}`) }).click();
  await expect(teacher.getByRole("heading", { level: 2, name: `Lena Loop: ${assignment}` })).toBeVisible();
  await expect(teacher.getByText(/took \d+ (s|min)/)).toBeVisible();
  await expect(teacher.getByRole("article")).toHaveCount(ids.length);
  const missedArticle = teacher.getByRole("article", { name: new RegExp(`^Question ${missed}\\. `) });
  await expect(missedArticle).toContainText("Student answered");
  await expect(missedArticle).toContainText(/✗ Wrong/);
  await expectAccessible(teacher);
});
