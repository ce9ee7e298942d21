import type { Page } from "@playwright/test";
import type { Question } from "../lib/quiz/schema";
import { getQuestion } from "./support/bank";
import { answerByClicks, attemptQuestionIds, canAnswerWrong, currentQuestion } from "./support/quiz-player";
import { expect, expectAccessible, signInAsNewTeacher, signUp, test, uniqueEmail } from "./support/fixtures";
import { LABELS } from "../lib/content/labels";
import { createClassWithLesson } from "./support/class-setup";

const PASSWORD = "a careful reader of Bishara";

async function newStudent(page: Page) {
  await signUp(page, { name: "Quiz Taker", email: uniqueEmail("quiz"), password: PASSWORD, role: "Student" });
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** Answers the question on screen with the keyboard only (Tab, arrows, Space, Enter). */
async function answerWithKeyboard(page: Page, question: Question) {
  const fieldset = page.locator("fieldset").first();
  switch (question.type) {
    case "single":
    case "classify":
    case "true-false": {
      const target =
        question.type === "single"
          ? question.options.find((o) => o.id === question.answer)?.text
          : question.type === "true-false"
            ? question.answer
              ? "True"
              : "False"
            : undefined;
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

/** The header's Quizzes link, as a student clicks it. */
async function openQuizzes(page: Page) {
  await page.getByRole("link", { name: "Quizzes", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Quizzes" })).toBeVisible();
}

test("a student takes a lesson quiz with the keyboard, leaves half-way, resumes, finishes and sees score, explanations and mastery", async ({ page }) => {
  test.setTimeout(120_000);
  await newStudent(page);
  await openQuizzes(page);
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
    // Focus moves to the next question's heading (a frame later); a keyboard user goes on from there.
    await expect(page.getByRole("heading", { name: `Question ${i + 2} of ${ids.length}` })).toBeFocused();
  }

  // Leave, come back: the same attempt, with exactly the answered questions answered.
  await page.getByRole("link", { name: "Back to all quizzes" }).click();
  await expect(lessonCard.getByRole("button", { name: "Resume the quiz" })).toBeVisible();
  await lessonCard.getByRole("button", { name: "Resume the quiz" }).click();
  await expect(page).toHaveURL(attemptUrl);
  await expect(page.getByRole("progressbar", { name: `Answered ${half} of ${ids.length} questions` })).toBeVisible();

  for (let i = half; i < ids.length; i++) {
    await answerWithKeyboard(page, await currentQuestion(page, ids));
    if (i < ids.length - 1) {
      await page.getByRole("button", { name: "Next question" }).focus();
      await page.keyboard.press("Enter");
      await expect(page.getByRole("heading", { name: `Question ${i + 2} of ${ids.length}` })).toBeFocused();
    }
  }
  await page.getByRole("button", { name: "Finish and see your score" }).focus();
  await page.keyboard.press("Enter");
  // Focus moves to the score, so a screen reader announces it and Tab carries on from there.
  await expect(page.getByRole("heading", { name: /Your score: \d+%/ })).toBeFocused();
  await expect(page.getByRole("heading", { name: "Your mastery changed" })).toBeVisible();
  await expect(page.getByText(/Not started → /).first()).toBeVisible();
  // A level is never announced as a change to itself.
  await expect(page.getByText(/(Attempted → Attempted|Familiar → Familiar|Proficient → Proficient)/)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Your answers" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "See your progress" }).click();
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
  await openQuizzes(page);
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

  // Option ids are this attempt's tokens: no id of the bank reaches the API or the controls on screen.
  const authoredIds = (q: Question) => ("options" in q ? q.options : "items" in q ? q.items : "left" in q ? [...q.left, ...q.right] : []).map((o) => o.id);
  type Shown = { options?: { id: string }[]; items?: { id: string }[]; left?: { id: string }[]; right?: { id: string }[] };
  const shownIds = (q: Shown) => [...(q.options ?? []), ...(q.items ?? []), ...(q.left ?? []), ...(q.right ?? [])].map((o) => o.id);
  for (const [index, question] of (questions as Question[]).entries()) {
    const shown = shownIds(api.items[index].question as Shown);
    expect(shown.length, question.id).toBe(authoredIds(question).length);
    for (const id of authoredIds(question)) expect(shown, question.id).not.toContain(id);
  }
  const legend = (await page.locator("legend").first().textContent())?.trim();
  const onScreen = (questions as Question[]).find((q) => q.prompt === legend);
  const values = await page
    .locator("fieldset")
    .first()
    .locator("input[type=radio], input[type=checkbox], select option")
    .evaluateAll((nodes) => nodes.map((n) => (n as HTMLInputElement).value));
  expect(onScreen, "the question on screen is one of the attempt's").toBeDefined();
  for (const id of authoredIds(onScreen!)) expect(values).not.toContain(id);
});

/** A wrong answer by clicks where the type allows one; order starts out of order already. */
async function answerWrongly(page: Page, question: Question) {
  const fieldset = page.locator("fieldset").first();
  switch (question.type) {
    case "single":
      await fieldset.getByRole("radio", { name: question.options.find((o) => o.id !== question.answer)?.text ?? "", exact: true }).check();
      break;
    case "multiple":
      await fieldset.getByRole("checkbox", { name: question.options.find((o) => !question.answer.includes(o.id))?.text ?? "", exact: true }).check();
      break;
    case "true-false":
      await fieldset.getByRole("radio", { name: question.answer ? "False" : "True", exact: true }).check();
      break;
    case "classify":
      await fieldset.getByRole("radio", { name: LABELS[question.answer === "opinion" ? "reported-fact" : "opinion"].name, exact: true }).check();
      break;
    case "order":
      break;
    case "match": {
      for (const left of question.left) {
        const wrong = question.right.find((r) => r.id !== question.answer[left.id]);
        await fieldset.getByRole("combobox", { name: left.text, exact: true }).selectOption({ label: wrong?.text ?? "" });
      }
      break;
    }
  }
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(page.locator("#answer-feedback")).toBeFocused();
}

/** What the marked answer must say for a wrong answer of each type: the learner's choice and the right one, in words. */
async function expectWrongMarked(page: Page, question: Question) {
  const section = page.locator("section[aria-labelledby=question-heading]");
  if (question.type === "order") {
    await expect(section.getByText(/^✗ Belongs at position \d$/).first()).toBeVisible();
    return;
  }
  if (question.type === "match") {
    await expect(section.getByText(/^✗ Wrong match: the answer is /).first()).toBeVisible();
    await expect(section.getByText("Your match:").first()).toBeVisible();
    return;
  }
  // The learner's own choice stays in view, marked wrong, and the right one is marked too.
  const chosen = section.locator("li[data-chosen=true]").first();
  await expect(chosen).toContainText("✗ Your answer: wrong");
  await expect(section.getByText(question.type === "multiple" ? "✓ Also right: you did not choose it" : "✓ The right answer").first()).toBeVisible();
}

test("feedback marks the student's own answer against the right one; Show in text opens the paragraph in the quiz; results say You answered / The answer; practice retries the missed ones", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await newStudent(page);
  await openQuizzes(page);
  await page.getByRole("button", { name: "Start mixed review" }).click();
  await expect(page).toHaveURL(/\/quiz\/attempt\//);
  const attemptId = page.url().split("/").pop() ?? "";
  const view = await (await page.request.get(`/api/v1/attempts/${attemptId}`)).json();
  const ids: string[] = view.items.map((item: { question: { id: string } }) => item.question.id);

  // Three questions answered wrongly, each marked in words; the rest left for "Finish now".
  const seen = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const question = await currentQuestion(page, ids);
    seen.add(question.type);
    await answerWrongly(page, question);
    await expectWrongMarked(page, question);
    await expect(page.locator("#answer-feedback")).toContainText(/Not quite|Partly right/);
    if (i === 0) {
      await expectAccessible(page);
      // Show in text: the paragraph opens over the quiz, with its place and kind; Escape closes
      // it and focus goes back to the link.
      const link = page.locator("#answer-feedback").getByRole("link").first();
      const place = (await link.textContent())?.trim() ?? "";
      expect(place).toMatch(/^Lesson \d+, paragraph \d+$/);
      await link.click();
      const dialog = page.getByRole("dialog", { name: place });
      await expect(dialog).toBeVisible();
      await expect(dialog.locator("mark")).not.toBeEmpty();
      await expect(
        dialog
          .getByText(
            new RegExp(
              Object.values(LABELS)
                .map((l) => l.name)
                .join("|"),
            ),
          )
          .first(),
      ).toBeVisible();
      await expect(dialog.getByRole("link", { name: "Open in the lesson" })).toHaveAttribute("href", /\/lessons\/[a-z-]+#[a-z0-9-]+$/);
      await expectAccessible(page);
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
      await expect(link).toBeFocused();
      await expect(page).toHaveURL(new RegExp(`/quiz/attempt/${attemptId}$`));
    }
    await page.getByRole("button", { name: "Next question" }).click();
  }

  await page.getByRole("button", { name: /^Finish now/ }).click();
  await expect(page.getByRole("heading", { name: /Your score: \d+%/ })).toBeFocused();
  const answers = page.getByRole("region", { name: "Your answers" });
  await expect(answers.getByText("You answered:")).toHaveCount(3);
  await expect(answers.getByText("The answer:")).toHaveCount(3);
  await expect(answers.getByText("✗ Not answered (counts as wrong).")).toHaveCount(ids.length - 3);
  await expectAccessible(page);

  // Practice: retry exactly the missed questions, in a new attempt graded the same way.
  await page.getByRole("button", { name: /^Retry the \d+ I missed$/ }).click();
  await expect(page).not.toHaveURL(new RegExp(`/quiz/attempt/${attemptId}$`));
  await expect(page.getByRole("button", { name: "Check answer" })).toBeVisible();
  const retryId = page.url().split("/").pop() ?? "";
  const retry = await (await page.request.get(`/api/v1/attempts/${retryId}`)).json();
  const retryIds: string[] = retry.items.map((item: { question: { id: string } }) => item.question.id);
  expect(retryIds.length).toBe(ids.length);
  expect([...retryIds].sort()).toEqual([...ids].sort());

  // The list shows where the student stands, and that these are practice.
  await page.getByRole("link", { name: "Back to all quizzes" }).click();
  const mixed = page.getByRole("listitem").filter({ hasText: "Mixed review" });
  await expect(mixed).toContainText("Practice");
  // The open retry is not the mixed review: its card shows the finished quiz's best and starts a new one.
  await expect(mixed).toContainText(/Best \d+%/);
  await expect(mixed.getByRole("button", { name: "Start mixed review" })).toBeVisible();
  await expect(mixed.getByRole("meter", { name: "Mixed review: best score" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Potato diplomacy" })).toContainText("Not started");
  await expectAccessible(page);
});

test("a network blip loses nothing: a failed save keeps the choice, offers Retry, and saves once when the browser is back online", async ({
  page,
  context,
}) => {
  await newStudent(page);
  await openQuizzes(page);
  await page.getByRole("listitem").filter({ hasText: "The eye of the beholder" }).getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/quiz\/attempt\//);
  const attemptId = page.url().split("/").pop() ?? "";
  const view = await (await page.request.get(`/api/v1/attempts/${attemptId}`)).json();
  const ids: string[] = view.items.map((item: { question: { id: string } }) => item.question.id);
  const question = await currentQuestion(page, ids);

  // Choose an answer (by clicks), then lose the connection and press Check.
  const fieldset = page.locator("fieldset").first();
  if (question.type === "match") {
    for (const select of await fieldset.getByRole("combobox").all()) await select.selectOption({ index: 1 });
  } else if (question.type !== "order") {
    await fieldset.locator("input").first().check();
  }
  await context.setOffline(true);
  await page.getByRole("button", { name: "Check answer" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Couldn’t save" });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole("button", { name: "Retry" })).toBeVisible();
  // The quiz is still here (no error page) and the choice is kept.
  await expect(page.getByRole("heading", { name: /^Question 1 of / })).toBeVisible();
  if (question.type !== "order" && question.type !== "match") {
    await expect(fieldset.locator("input").first()).toBeChecked();
    // Held until it is saved: the server may have it already, and answers are final.
    await expect(fieldset.locator("input").first()).toBeDisabled();
  }
  await expect(page.getByRole("progressbar", { name: `Answered 0 of ${ids.length} questions` })).toBeVisible();
  await expectAccessible(page);

  // Back online: the answer is sent again by itself, graded, and counted once.
  await context.setOffline(false);
  await expect(page.locator("#answer-feedback")).toBeVisible();
  await expect(alert).toBeHidden();
  await expect(page.getByRole("progressbar", { name: `Answered 1 of ${ids.length} questions` })).toBeVisible();
  const after = await (await page.request.get(`/api/v1/attempts/${attemptId}`)).json();
  expect(after.items.filter((item: { status: string }) => item.status === "answered")).toHaveLength(1);
});

test("an anonymous visitor tries the sample question on the home page, and /quiz says why it asks to sign in", async ({ page }) => {
  await page.goto("/");
  const sample = page.getByRole("region", { name: "Try a question" });
  await expect(sample.getByRole("button", { name: "Check answer" })).toBeDisabled();
  // The page carries the public view only.
  expect(await page.content()).not.toContain(getQuestion("q-cl-weird-awkward")?.explanation ?? "missing sample question");
  await sample.getByRole("radio", { name: "Reported fact", exact: true }).check();
  await sample.getByRole("button", { name: "Check answer" }).click();
  await expect(sample.getByRole("status")).toBeFocused();
  await expect(sample.getByRole("status")).toContainText("✗ Not quite.");
  await expect(sample.locator("li[data-chosen=true]")).toContainText("✗ Your answer: wrong");
  await expect(sample.getByText("✓ The right answer")).toBeVisible();
  await expectAccessible(page);

  const link = sample.getByRole("link", { name: /^Lesson \d+, paragraph \d+$/ });
  await link.click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expect(page.getByRole("dialog")).toContainText("Author’s opinion");
  // The paragraph is a reported fact whose first sentence is the author's opinion: that sentence is
  // marked as opinion where a sighted reader sees it, not only for screen readers.
  await expect(page.getByRole("dialog").getByText("Author’s opinion", { exact: true })).toBeVisible();
  await expect(page.getByRole("dialog")).toContainText("Why this label:");
  await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
  await expect(link).toBeFocused();

  await sample.getByRole("link", { name: "Take a whole quiz" }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fquiz$/);
  await expect(page.getByText("Sign in to take quizzes and keep your score.")).toBeVisible();
  await expectAccessible(page);
});

test("assigned quizzes have their own section with the due date; the rest are practice", async ({ page, newContextPage }) => {
  test.setTimeout(120_000);
  const teacher = await newContextPage();
  await signInAsNewTeacher(teacher, { name: "Quiz Teacher", email: uniqueEmail("quiz-teacher"), password: PASSWORD });
  const code = await createClassWithLesson(teacher, { className: "Quiz list class" });

  await newStudent(page);
  await page.getByRole("link", { name: "Classes", exact: true }).first().click();
  await page.getByRole("link", { name: "Join a class" }).click();
  await page.getByLabel("Class code").fill(code);
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page.getByText("You have joined Quiz list class.")).toBeVisible();

  await openQuizzes(page);
  const assigned = page.getByRole("region", { name: "Assigned to you" });
  await expect(assigned.getByRole("heading", { name: "Lesson: Potato diplomacy" })).toBeVisible();
  await expect(assigned).toContainText("Quiz list class · due");
  await expect(assigned).toContainText("Not started");
  const practice = page.getByRole("region", { name: "Practice" });
  await expect(practice.getByRole("listitem").filter({ hasText: "Potato diplomacy" })).toContainText("Practice ·");
  await expectAccessible(page);
});

test("a question missed in a “never” assignment stays out of Review my mistakes (issue 15, F1; decision 0032)", async ({ page, newContextPage }) => {
  test.setTimeout(240_000);
  const teacher = await newContextPage();
  await signInAsNewTeacher(teacher, { name: "Never Teacher", email: uniqueEmail("never-teacher"), password: PASSWORD });
  const code = await createClassWithLesson(teacher, { className: "Never class", reveal: "Never (scores only)" });

  await newStudent(page);
  await page.getByRole("link", { name: "Classes", exact: true }).first().click();
  await page.getByRole("link", { name: "Join a class" }).click();
  await page.getByLabel("Class code").fill(code);
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page.getByText("You have joined Never class.")).toBeVisible();

  // The assignment, every question answered wrongly where it can be: all of them are missed.
  await openQuizzes(page);
  await page.getByRole("region", { name: "Assigned to you" }).getByRole("button", { name: "Take the quiz: Lesson: Potato diplomacy" }).click();
  await expect(page).toHaveURL(/\/quiz\/attempt\//);
  const assigned = await attemptQuestionIds(page);
  const missedPrompts: string[] = [];
  for (let index = 0; index < assigned.length; index++) {
    const question = await currentQuestion(page, assigned);
    if (canAnswerWrong(question)) missedPrompts.push(question.prompt);
    await answerByClicks(page, question, canAnswerWrong(question) ? "wrong" : "right");
    // Answers hidden: no verdict, no explanation.
    await expect(page.getByText(/✓ Correct|✗ Not quite|Partly right/)).toHaveCount(0);
    if (index < assigned.length - 1) await page.getByRole("button", { name: "Next question" }).click();
  }
  expect(missedPrompts.length).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Finish and see your score" }).click();
  await expect(page.getByRole("heading", { name: "Quiz handed in" })).toBeVisible();

  // A practice quiz on another lesson, one question missed: that one may come back for review.
  await page.getByRole("link", { name: "More quizzes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Quizzes" })).toBeVisible();
  const practiceCard = page.getByRole("region", { name: "Practice" }).getByRole("listitem").filter({ hasText: "The eye of the beholder" });
  await practiceCard.getByRole("button", { name: /the quiz$/ }).click();
  await expect(page).toHaveURL(/\/quiz\/attempt\//);
  const practiceIds = await attemptQuestionIds(page);
  let practiced = await currentQuestion(page, practiceIds);
  for (let index = 1; !canAnswerWrong(practiced) && index < practiceIds.length; index++) {
    await answerByClicks(page, practiced, "right");
    await page.getByRole("button", { name: "Next question" }).click();
    practiced = await currentQuestion(page, practiceIds);
  }
  await answerByClicks(page, practiced, "wrong");
  await expect(page.locator("#answer-feedback")).toBeVisible();

  // A missed question is due again a minute later (FSRS's first learning step).
  await page.waitForTimeout(61_000);
  await openQuizzes(page);
  const review = page.getByRole("region", { name: "Review my mistakes" });
  await expect(review).toContainText("1 question due for review");
  await review.getByRole("button", { name: "Start review" }).click();
  await expect(page).toHaveURL(/\/quiz\/attempt\//);
  const reviewIds = await attemptQuestionIds(page);
  expect(reviewIds).toEqual([practiced.id]);
  await expect(page.locator("legend").first()).toHaveText(practiced.prompt);
  for (const prompt of missedPrompts.filter((p) => p !== practiced.prompt)) await expect(page.getByText(prompt, { exact: true })).toHaveCount(0);
  await expectAccessible(page);
});
