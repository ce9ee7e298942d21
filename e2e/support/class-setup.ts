// A teacher, already on their classes page, creates a class and sets one lesson in it, by clicks;
// returns the class's join code. The same first steps open many teacher journeys.
import { expect, type Page } from "@playwright/test";
import { localDateTime } from "../../tooling/local-date-time";

export async function createClassWithLesson(
  teacher: Page,
  {
    className,
    assignment = "Lesson: Potato diplomacy",
    dueInDays = 7,
    attempts,
    reveal,
  }: { className: string; assignment?: string; dueInDays?: number; attempts?: number; reveal?: string },
): Promise<string> {
  await teacher.getByLabel("Class name").fill(className);
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: className })).toBeVisible();
  const code = (await teacher.getByText(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/).textContent())?.trim() ?? "";
  await teacher.getByLabel("What to assign").selectOption({ label: assignment });
  await teacher.getByLabel("Due", { exact: true }).fill(await localDateTime(teacher, dueInDays));
  if (attempts !== undefined) await teacher.getByLabel("Attempts per student").fill(String(attempts));
  if (reveal !== undefined) await teacher.getByLabel("Show answers and explanations").selectOption({ label: reveal });
  await teacher.getByRole("button", { name: "Set assignment" }).click();
  await expect(teacher.getByText("The assignment is set.")).toBeVisible();
  return code;
}
