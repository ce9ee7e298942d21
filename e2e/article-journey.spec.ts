// Issue 16's whole journey, by clicks: a teacher brings in a short article written for this test,
// labels every sentence, writes a context note, two dated events and five questions that rest on
// sentences she picks, publishes, and sets its first lesson for a new class; a student joins,
// reads the lesson (its labels and the note beside the paragraph), finds the events on the
// article's timeline, takes the assigned quiz, misses one question; the teacher finds that
// paragraph on the question analysis' heatmap. After each person's first page, everything is a click.
import type { Page } from "@playwright/test";
import { createClassWithLesson } from "./support/class-setup";
import { expect, expectAccessible, signInAsNewTeacher, signUp, test, uniqueEmail } from "./support/fixtures";

const PASSWORD = "a careful reader of Bishara";
const TITLE = "Talks in the snow";
const ARTICLE = [
  TITLE,
  "The two ministers met in Vienna on 30 October 2015. Seventeen countries sent delegations.",
  "“We have a long way to go,” Lavrov said.",
  "I think the meeting achieved very little.",
  "The second round",
  "The talks resumed in Munich in February 2016.",
  "I imagine Kerry smiling at the cameras.",
].join("\n");

/** The key for each sentence: 1 fact, 2 quote, 3 opinion, 4 imagined, 5 editorial note. */
function keyFor(text: string): string {
  if (text === "The second round") return "5";
  if (text.startsWith("I imagine")) return "4";
  if (text.startsWith("I think")) return "3";
  if (text.includes("said")) return "2";
  return "1";
}

type Written = { type: "Single choice" | "True or false"; prompt: string; options?: string[]; right: string; wrong: string; source: RegExp };
/** Five questions on the first lesson, each resting on a sentence of it. */
const QUESTIONS: Written[] = [
  {
    type: "Single choice",
    prompt: "In which city did the two ministers meet on 30 October 2015?",
    options: ["* Vienna", "Munich", "Geneva"],
    right: "Vienna",
    wrong: "Munich",
    source: /^The two ministers met in Vienna/,
  },
  {
    type: "Single choice",
    prompt: "How many countries sent delegations to the talks?",
    options: ["* Seventeen", "Seven", "Twelve"],
    right: "Seventeen",
    wrong: "Seven",
    source: /^Seventeen countries/,
  },
  {
    type: "Single choice",
    prompt: "Who said “We have a long way to go”?",
    options: ["* Lavrov", "Kerry", "A delegate"],
    right: "Lavrov",
    wrong: "Kerry",
    source: /^“We have a long way/,
  },
  {
    type: "True or false",
    prompt: "The article reports that the ministers met in Vienna in October 2015.",
    right: "True",
    wrong: "False",
    source: /^The two ministers met in Vienna/,
  },
  { type: "True or false", prompt: "The article reports that two countries sent delegations.", right: "False", wrong: "True", source: /^Seventeen countries/ },
];
/** The one the student gets wrong: its paragraph is the one the heatmap must show. */
const MISSED = QUESTIONS[1]!;

const headerLink = (page: Page, name: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });
const focusedSentence = (page: Page) => page.locator('[data-sid][tabindex="0"]');

test("a teacher's own article, from import to the heatmap, by clicks", async ({ page: teacher, newContextPage }) => {
  test.setTimeout(300_000);
  await signInAsNewTeacher(teacher, { name: "Tara Journey", email: uniqueEmail("journey"), password: PASSWORD });

  // Brought in by pasting.
  await headerLink(teacher, "Articles").click();
  await teacher.getByRole("link", { name: "Bring in an article" }).click();
  await teacher.getByLabel("Title").fill(TITLE);
  await teacher.getByLabel("Article text").fill(ARTICLE);
  await teacher.getByLabel("Author").fill("A. Writer");
  await teacher.getByLabel("Publisher").fill("The Test Gazette");
  await teacher.getByLabel("Date").fill("2016-02");
  await teacher.getByRole("button", { name: "Bring it in" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();

  // Every sentence labelled with the keyboard.
  const progress = teacher.getByRole("meter", { name: "Sentences labelled" });
  const total = Number(await progress.getAttribute("aria-valuemax"));
  await teacher.getByRole("button", { name: "Go to the first sentence without a label" }).click();
  await expect(focusedSentence(teacher)).toBeFocused();
  for (let i = 0; i < total; i++) {
    const current = focusedSentence(teacher);
    const text = (await current.locator("p").nth(1).textContent()) ?? "";
    if ((await current.textContent())?.includes("No label yet")) await teacher.keyboard.press(keyFor(text));
    await teacher.keyboard.press("j");
  }
  await expect(progress).toHaveAttribute("aria-valuenow", String(total));
  await expect(teacher.getByText("All changes saved.")).toBeVisible();

  // A context note on the first paragraph.
  await teacher.getByRole("link", { name: "Details, lessons and notes" }).click();
  await teacher.getByLabel("Paragraph", { exact: true }).selectOption({ index: 1 });
  await teacher.getByLabel("The claim").fill("Seventeen countries sent delegations.");
  await teacher.getByLabel("Verdict").selectOption("imprecise");
  await teacher.getByLabel("What the record says").fill("Seventeen countries, the EU and the UN took part.");
  const source = teacher.getByRole("group", { name: "Source" });
  await source.getByLabel("Title").fill("Joint statement, 30 October 2015");
  await source.getByLabel("Web address").fill("https://example.org/vienna-statement");
  await teacher.getByRole("button", { name: "Add the note" }).click();
  await expect(teacher.getByText("Note added.")).toBeVisible();

  // Two dated events: one the article reports, one it only imagines.
  const eventForm = teacher.locator("form").filter({ has: teacher.getByRole("heading", { name: "Add an event" }) });
  const addEvent = async (title: string, date: string, paragraph: RegExp) => {
    await eventForm.getByLabel("Title").fill(title);
    await eventForm.getByLabel("Date").fill(date);
    const select = eventForm.getByLabel("Paragraphs that tell of it");
    const value = await select.locator("option").filter({ hasText: paragraph }).getAttribute("value");
    await select.selectOption(value ?? "");
    await eventForm.getByRole("button", { name: "Add the event" }).click();
    await expect(teacher.getByText("Event added.")).toBeVisible();
  };
  await addEvent("Talks in Vienna", "2015-10-30", /The two ministers met in Vienna/);
  await addEvent("Kerry smiles for the cameras", "2016-02", /I imagine Kerry/);

  // Five questions, each resting on a sentence picked in the text.
  await teacher.getByRole("link", { name: "Label the text" }).click();
  await teacher.getByRole("link", { name: "Questions on this article" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Questions" })).toBeVisible();
  for (const q of QUESTIONS) {
    await teacher.getByRole("link", { name: "Write a question" }).click();
    await teacher.getByLabel("Type of question").selectOption({ label: q.type });
    await teacher.getByLabel("Question", { exact: true }).fill(q.prompt);
    if (q.options) await teacher.getByLabel("Options").fill(q.options.join("\n"));
    else await teacher.getByLabel("The statement is").selectOption({ label: q.right });
    await teacher.getByLabel("Explanation").fill("The article says so in the sentence this question rests on.");
    // The sentence it rests on, ticked from the keyboard in the text.
    const box = teacher.getByTestId("source-picker").getByRole("checkbox", { name: q.source });
    await box.focus();
    await teacher.keyboard.press("Space");
    await expect(box).toBeChecked();
    await teacher.getByRole("button", { name: "Save question" }).click();
    await expect(teacher.getByText("Saved. The question is in the list below.")).toBeVisible();
    await expect(teacher.getByRole("row", { name: new RegExp(q.prompt.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) })).toBeVisible();
  }
  await expectAccessible(teacher);

  // Published, then its first lesson set for a new class.
  await teacher.getByRole("link", { name: `← ${TITLE}` }).click();
  await teacher.getByRole("button", { name: "Publish" }).click();
  await expect(teacher.getByText("Published version 1.")).toBeVisible();
  await headerLink(teacher, "Classes").click();
  const className = `Journey class ${Date.now().toString(36)}`;
  const code = await createClassWithLesson(teacher, { className, assignment: `Lesson 1: ${TITLE}` });

  // A new student joins and reads the lesson from her assignment.
  const student = await newContextPage();
  await signUp(student, { name: "Jo Journey", email: uniqueEmail("journey-student"), password: PASSWORD, role: "Student" });
  await student.getByRole("link", { name: "Join your class" }).click();
  await student.getByLabel("Class code").fill(code);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByText(`You have joined ${className}.`)).toBeVisible();
  const card = student.getByRole("listitem").filter({ hasText: `Lesson: ${TITLE}` });
  await card.getByRole("link", { name: `Lesson 1: ${TITLE}` }).click();
  await expect(student).toHaveURL(/\/read\/[^/]+\/[^/]+$/);
  await expect(student.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  // Labels and the note beside its paragraph, as on the built-in lessons.
  const opinion = student.locator('[data-label="opinion"]').filter({ hasText: "I think the meeting" });
  await expect(opinion).toContainText("Author’s opinion");
  await expect(student.getByRole("complementary", { name: /Seventeen countries sent delegations/ })).toContainText(
    "Seventeen countries, the EU and the UN took part.",
  );
  const bar = student.getByRole("progressbar", { name: "Your reading progress in this lesson" });
  await student.locator("#lesson-end").scrollIntoViewIfNeeded();
  await expect(bar).toHaveAttribute("aria-valuenow", "100");
  await expectAccessible(student);

  // The article's page has its timeline, drawn as the built-in one is: the imagined event says so.
  await student.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: TITLE }).click();
  const timeline = student.getByRole("region", { name: "Timeline" });
  const reported = timeline.getByRole("listitem").filter({ hasText: "Talks in Vienna" });
  await expect(reported).toContainText("30 October 2015");
  await expect(reported).not.toContainText("The article mentions this only");
  await expect(timeline.getByRole("listitem").filter({ hasText: "Kerry smiles for the cameras" })).toContainText(
    "The article mentions this only in the imagined dialogue",
  );
  await expectAccessible(student);
  await reported.getByRole("link", { name: /^Lesson 1, paragraph \d+$/ }).click();
  await expect(student.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();

  // The assigned quiz: five questions, one missed on purpose.
  await student.getByRole("button", { name: `Take the assigned quiz: Lesson: ${TITLE}` }).click();
  await expect(student).toHaveURL(/\/quiz\/attempt\//);
  for (let index = 0; index < QUESTIONS.length; index++) {
    const prompt = (await student.locator("legend").first().textContent())?.trim();
    const q = QUESTIONS.find((candidate) => candidate.prompt === prompt);
    if (!q) throw new Error(`unknown question on screen: ${prompt}`);
    await student
      .locator("fieldset")
      .first()
      .getByRole("radio", { name: q === MISSED ? q.wrong : q.right, exact: true })
      .check();
    await student.getByRole("button", { name: "Check answer" }).click();
    await expect(student.locator("#answer-feedback")).toBeVisible();
    if (index < QUESTIONS.length - 1) await student.getByRole("button", { name: "Next question" }).click();
  }
  await student.getByRole("button", { name: "Finish and see your score" }).click();
  await expect(student.getByRole("heading", { name: "Your score: 80%" })).toBeVisible();

  // The teacher finds the missed paragraph on the heatmap of her article.
  await teacher.getByRole("link", { name: "Gradebook", exact: true }).click();
  await teacher.getByRole("link", { name: "Question analysis", exact: true }).click();
  const heatmap = teacher.getByRole("region", { name: "Where in the article mistakes happen" });
  await expect(heatmap.getByRole("heading", { name: TITLE })).toBeVisible();
  const missedParagraph = heatmap.getByRole("listitem").filter({ hasText: "Seventeen countries sent delegations." });
  await expect(missedParagraph).toContainText("1 wrong of 4");
  await expectAccessible(teacher);
});
