// Late work, counted by the teacher's choice (issue 15, decision 0036), by clicks: the teacher sets
// a lesson whose late work does not count (choosing it with the keyboard), then closes it early so
// it is already past due; a student who joins is told before she starts that her attempt will be
// marked late and will not count, takes the quiz, and sees the Late tag; the teacher's gradebook
// shows the late marker and the score that does not count, and counting late work re-grades it.
import type { Locator, Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, signIn, test } from "./support/fixtures";
import { studentFromJoinLink } from "./support/join-link";
import { answerEveryQuestion } from "./support/quiz-player";
import { localDateTime } from "../tooling/local-date-time";

const NOTICE = "Your due date has passed. An attempt you start now is marked late and does not count toward your grade: your teacher does not count late work.";
const ASSIGNMENT = "Lesson: Potato diplomacy";

/** The element at desktop width and at 390 px (a phone), saved beside the test's output. */
async function shoot(page: Page, target: Locator, name: string) {
  const desktop = page.viewportSize();
  await target.screenshot({ path: test.info().outputPath(`${name}-desktop.png`) });
  await page.setViewportSize({ width: 390, height: 844 });
  await target.screenshot({ path: test.info().outputPath(`${name}-phone.png`) });
  if (desktop) await page.setViewportSize(desktop);
}

test("late work that does not count: the student is told before she starts, both see it marked, counting it re-grades", async ({
  page: teacher,
  newContextPage,
}) => {
  test.setTimeout(240_000);
  const className = `Late class ${Date.now().toString(36)}`;

  // The teacher creates a class and sets a lesson; "Does not count" is chosen with the arrow key.
  await signIn(teacher, DEMO.teacher);
  await teacher.getByLabel("Class name").fill(className);
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: className })).toBeVisible();
  const code = (await teacher.getByText(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/).textContent())?.trim() ?? "";
  await teacher.getByLabel("What to assign").selectOption({ label: ASSIGNMENT });
  await teacher.getByLabel("Due", { exact: true }).fill(await localDateTime(teacher, 2));
  const lateWork = teacher.getByRole("group", { name: "Late work" });
  const afterReveal = teacher.getByRole("group", { name: "Attempts after the answers were shown" });
  await expect(lateWork.getByRole("radio", { name: /^Counts/ })).toBeChecked();
  await expect(afterReveal.getByRole("radio", { name: /^Do not count/ })).toBeChecked();
  await lateWork.getByRole("radio", { name: /^Counts/ }).focus();
  await teacher.keyboard.press("ArrowDown");
  await expect(lateWork.getByRole("radio", { name: /^Does not count/ })).toBeChecked();
  await expectAccessible(teacher);
  await shoot(teacher, lateWork.locator("xpath=.."), "late-work-choices");
  await teacher.getByRole("button", { name: "Set assignment" }).click();
  await expect(teacher.getByText("The assignment is set.")).toBeVisible();
  await expect(teacher.getByText("Late work does not count.")).toBeVisible();

  // A student joins.
  const student = await studentFromJoinLink(await newContextPage(), { name: "Lina Late", code });
  await expect(student.getByText(`You have joined ${className}.`)).toBeVisible();
  const card = student.getByRole("listitem").filter({ hasText: ASSIGNMENT });
  await expect(card).not.toContainText("due date has passed");

  // The teacher closes it early: it is now past due (the preview says her work becomes missing).
  await teacher.getByRole("link", { name: `Edit the assignment “${ASSIGNMENT}”` }).click();
  await expect(teacher.getByLabel("Opens", { exact: true })).not.toHaveValue("");
  await expect(teacher.getByRole("group", { name: "Late work" }).getByRole("radio", { name: /^Does not count/ })).toBeChecked();
  await teacher.getByLabel("Opens", { exact: true }).fill(await localDateTime(teacher, -2));
  await teacher.getByLabel("Due", { exact: true }).fill(await localDateTime(teacher, -1));
  await teacher.getByRole("button", { name: "Save changes" }).click();
  const preview = teacher.getByRole("region", { name: "Before you save: what changes for students" });
  await expect(preview).toContainText("Lina Late has not finished: the work becomes missing.");
  await preview.getByRole("button", { name: "Save these changes" }).click();
  await expect(teacher.getByText("Changes saved.")).toBeVisible();

  // Before she starts, she is told: marked late, and it will not count.
  await student.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Classes", exact: true }).click();
  await expect(card).toContainText("Missing");
  await expect(card.getByText(NOTICE)).toBeVisible();
  await expectAccessible(student);
  await shoot(student, card, "late-notice");

  // She takes the quiz by clicks, every answer right.
  await card.getByRole("button", { name: `Take the quiz: ${ASSIGNMENT}` }).click();
  await expect(student).toHaveURL(/\/quiz\/attempt\//);
  await expect(student.getByRole("heading", { level: 1 })).toContainText("Late");
  await expect(student.getByText("Started after your due date. It does not count toward your grade.")).toBeVisible();
  await answerEveryQuestion(student);
  await student.getByRole("button", { name: "Finish and see your score" }).click();
  await expect(student.getByRole("heading", { name: "Your score: 100%" })).toBeVisible();
  await expect(student.getByText("Started after your due date. It does not count toward your grade.")).toBeVisible();
  await expectAccessible(student);

  // Her list: the Late tag, and work that does not count.
  await student.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Classes", exact: true }).click();
  await expect(card.getByRole("heading", { name: `${ASSIGNMENT}Late` })).toBeVisible();
  await expect(card).toContainText("Late, not counted");
  await expect(card).not.toContainText("best score");
  await expectAccessible(student);
  await shoot(student, card, "student-list-late");

  // The teacher's gradebook: the late marker and the score that does not count.
  await teacher.getByRole("link", { name: "← Students and assignments" }).click();
  await teacher.getByRole("link", { name: "Gradebook", exact: true }).click();
  const gradebook = teacher.getByRole("table", { name: /status and best score/ });
  const cell = gradebook.getByRole("row", { name: /Lina Late/ }).getByRole("cell");
  await expect(cell).toContainText("Late, not counted");
  await expect(cell).toContainText("no score");
  await expect(cell).toContainText("late · 100% not counted");
  await expectAccessible(teacher);
  await shoot(teacher, cell, "gradebook-cell");

  // Her work: the attempt is kept and marked.
  await gradebook.getByRole("link", { name: new RegExp(`Lina Late, ${ASSIGNMENT}`) }).click();
  await expect(teacher.getByRole("heading", { level: 3, name: /Attempt 1: 100%/ })).toContainText("Late · not counted");
  await expect(teacher.getByText("Late work does not count.")).toBeVisible();
  await expectAccessible(teacher);
  await shoot(teacher, teacher.getByRole("main"), "student-work-late");

  // Counting late work re-grades it at once: done late, 100 %.
  await teacher.getByRole("link", { name: "← Gradebook" }).click();
  await teacher.getByRole("link", { name: "Students and assignments", exact: true }).click();
  await teacher.getByRole("link", { name: `Edit the assignment “${ASSIGNMENT}”` }).click();
  // The dates fill in once the form is live (as in teacher.spec.ts): a choice made before that is lost.
  await expect(teacher.getByLabel("Opens", { exact: true })).not.toHaveValue("");
  await teacher
    .getByRole("group", { name: "Late work" })
    .getByRole("radio", { name: /^Counts/ })
    .check();
  await teacher.getByRole("button", { name: "Save changes" }).click();
  const recount = teacher.getByRole("region", { name: "Before you save: what changes for students" });
  await expect(recount).toContainText("Lina Late’s late attempt will count toward the grade, marked late.");
  await recount.getByRole("button", { name: "Save these changes" }).click();
  await expect(teacher.getByText("Changes saved.")).toBeVisible();
  await teacher.getByRole("link", { name: "← Students and assignments" }).click();
  await teacher.getByRole("link", { name: "Gradebook", exact: true }).click();
  await expect(cell).toContainText("Done late");
  await expect(cell).toContainText("100%");
  await expect(cell).not.toContainText("not counted");
});
