// A student's first page is the join link the teacher gave them (issue 12: people open one
// address, then click). Without an account they are sent to sign-in, create one from there, and
// come back to the join page with the code filled in.
import type { Page } from "@playwright/test";
import { expect, uniqueEmail } from "./fixtures";

export const STUDENT_PASSWORD = "a careful reader of Bishara";

/** The link the class page shows: the code without its hyphen. */
export function joinLink(code: string): string {
  return `/classes/join?code=${code.replace("-", "")}`;
}

/**
 * Opens the join link in an empty tab, signs up as a new student from the sign-in page's
 * "Create an account" link, checks the code is filled in, and (unless `join: false`) joins.
 */
export async function studentFromJoinLink(
  page: Page,
  { name, code, email = uniqueEmail("student"), join = true }: { name: string; code: string; email?: string; join?: boolean },
): Promise<Page> {
  const link = joinLink(code);
  await page.goto(link);
  await expect(page).toHaveURL((url) => url.pathname === "/signin" && url.searchParams.get("callbackUrl") === link);
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/signup" && url.searchParams.get("callbackUrl") === link);
  await page.getByRole("radio", { name: "Student" }).check();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(STUDENT_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => url.pathname === "/classes/join");
  await expect(page.getByLabel("Class code")).toHaveValue(code.replace("-", ""));
  if (join) {
    await page.getByRole("button", { name: "Join class" }).click();
    await expect(page).toHaveURL(/\/classes\?joined=/);
  }
  return page;
}
