// Plays the question on screen as a student does, by clicks: which question it is (from its
// prompt), and a right or a wrong answer to it. The tests know the keys; the browser never does.
import { expect, type Page } from "@playwright/test";
import type { Question } from "../../lib/quiz/schema";
import { LABELS } from "../../lib/content/labels";
import { getQuestion } from "./bank";

/** Reads which question is on screen from its prompt. */
export async function currentQuestion(page: Page, ids: readonly string[]): Promise<Question> {
  const prompt = (await page.locator("legend").first().textContent())?.trim();
  // Classify questions share a prompt: the quoted statement tells them apart.
  const quote = page.locator("fieldset blockquote");
  const statement = (await quote.count()) > 0 ? (await quote.textContent())?.trim() : undefined;
  const question = ids.map((id) => getQuestion(id)).find((q) => q !== undefined && q.prompt === prompt && (q.type !== "classify" || q.statement === statement));
  if (!question) throw new Error(`unknown question on screen: ${prompt}`);
  return question;
}

/** The ids of an attempt's questions, in the order it asks them (from the learner's own API). */
export async function attemptQuestionIds(page: Page): Promise<string[]> {
  const attemptId = new URL(page.url()).pathname.split("/").pop() ?? "";
  const view = await (await page.request.get(`/api/v1/attempts/${attemptId}`)).json();
  return view.items.map((item: { question: { id: string } }) => item.question.id);
}

/** Whether `answerByClicks(…, "wrong")` can give a plainly wrong answer to this question. */
export const canAnswerWrong = (q: Question) => q.type === "single" || q.type === "true-false" || q.type === "classify";

/** Answers by clicking options; "wrong" picks a wrong option where the type has one to pick. */
export async function answerByClicks(page: Page, question: Question, kind: "right" | "wrong" = "right"): Promise<void> {
  const fieldset = page.locator("fieldset").first();
  const wrong = kind === "wrong";
  switch (question.type) {
    case "single": {
      const option = question.options.find((o) => (wrong ? o.id !== question.answer : o.id === question.answer));
      await fieldset.getByRole("radio", { name: option?.text ?? "", exact: true }).check();
      break;
    }
    case "true-false":
      await fieldset.getByRole("radio", { name: question.answer !== wrong ? "True" : "False", exact: true }).check();
      break;
    case "classify": {
      const label = wrong ? (question.answer === "opinion" ? "reported-fact" : "opinion") : question.answer;
      await fieldset.getByRole("radio", { name: LABELS[label].name, exact: true }).check();
      break;
    }
    case "multiple":
      for (const option of question.options.filter((o) => question.answer.includes(o.id))) {
        await fieldset.getByRole("checkbox", { name: option.text, exact: true }).check();
      }
      break;
    case "match":
      for (const [leftId, rightId] of Object.entries(question.answer)) {
        const left = question.left.find((l) => l.id === leftId);
        const right = question.right.find((r) => r.id === rightId);
        await fieldset.getByRole("combobox", { name: left?.text ?? "", exact: true }).selectOption({ label: right?.text ?? "" });
      }
      break;
    case "order":
      // The starting order is an answer already: it is sent as shown.
      break;
  }
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(page.locator("#answer-feedback")).toBeVisible();
}

/**
 * Answers every question of the attempt on screen by clicks, moving on with "Next question", and
 * stops on the last one, before "Finish". With `missOne`, the first question that can be answered
 * wrongly is; its number (from 1) is returned, since classify prompts repeat and the number is what
 * a report shows.
 */
export async function answerEveryQuestion(page: Page, { missOne = false }: { missOne?: boolean } = {}): Promise<number | undefined> {
  const ids = await attemptQuestionIds(page);
  let missed: number | undefined;
  for (let index = 0; index < ids.length; index++) {
    const question = await currentQuestion(page, ids);
    const wrong = missOne && missed === undefined && canAnswerWrong(question);
    if (wrong) missed = index + 1;
    await answerByClicks(page, question, wrong ? "wrong" : "right");
    if (index < ids.length - 1) await page.getByRole("button", { name: "Next question" }).click();
  }
  return missed;
}
