// Ending sessions and resetting a password by email, in the browser (issue 15, F4; decision 0033).
// A copied session cookie is the attacker's view: it goes into a second browser context, which
// works until the owner signs out, changes the password or signs out everywhere, and is refused
// afterwards. The reset mail goes through a real SMTP server in this process (smtp-server) to a
// server of this spec's own (SMTP_URL, AUTH_URL), and is read with mailparser.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, screenshots, signIn, signUp, test, uniqueEmail } from "./support/fixtures";
import { startOwnServer, type OwnServer } from "./support/own-server";
import { startMailCatcher, type CaughtMail, type MailCatcher } from "../tooling/mail-catcher";

const header = (page: Page) => page.getByRole("navigation", { name: "Main" });
const PASSWORD = "a walk along the Neva";
const NEW_PASSWORD = "a slow boat to Geneva";

/** The session cookie of `page`, copied into a new browser context: someone else holding it. */
async function copiedSession(page: Page, newContextPage: () => Promise<Page>): Promise<Page> {
  const thief = await newContextPage();
  await thief.context().addCookies(await page.context().cookies());
  await thief.goto("/account");
  await expect(thief.getByRole("heading", { level: 1, name: "Your account" }), "the copied cookie works at first").toBeVisible();
  return thief;
}

async function expectRefused(thief: Page) {
  await thief.reload();
  await expect(thief).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);
  await expect(thief.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
}

async function openAccount(page: Page, name: string) {
  await header(page)
    .getByRole("link", { name: `Account: ${name}` })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
}

test.describe("a copied session cookie", () => {
  test("is refused after the owner signs out", async ({ page, newContextPage }) => {
    await signUp(page, { name: "Sign Out", email: uniqueEmail("copied-signout"), password: PASSWORD, role: "Student" });
    await expect(page).toHaveURL(/\/dashboard$/);
    const thief = await copiedSession(page, newContextPage);
    await header(page).getByRole("button", { name: "Sign out" }).click();
    await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
    await expectRefused(thief);
  });

  test("is refused after a password change, while the owner stays signed in here", async ({ page, newContextPage }) => {
    await signUp(page, { name: "Pass Change", email: uniqueEmail("copied-password"), password: PASSWORD, role: "Student" });
    await expect(page).toHaveURL(/\/dashboard$/);
    const thief = await copiedSession(page, newContextPage);
    await openAccount(page, "Pass Change");
    await page.getByLabel("Current password").fill(PASSWORD);
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("New password again").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your password has been changed." })).toBeVisible();
    await expectRefused(thief);
    // This device got a new session with the password: it still opens guarded pages.
    await header(page).getByRole("link", { name: "Dashboard" }).click();
    await expect(page.getByRole("heading", { name: "Welcome, Pass Change" })).toBeVisible();
  });

  test("is refused after 'sign out everywhere'", async ({ page, newContextPage }, testInfo) => {
    await signUp(page, { name: "Every Where", email: uniqueEmail("copied-everywhere"), password: PASSWORD, role: "Student" });
    await expect(page).toHaveURL(/\/dashboard$/);
    const thief = await copiedSession(page, newContextPage);
    await openAccount(page, "Every Where");
    await expect(page.getByRole("heading", { name: "Where you are signed in" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("heading", { name: "Where you are signed in" }).scrollIntoViewIfNeeded();
    await screenshots(page, testInfo, "account-sign-out-everywhere");
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/signin\?notice=signed-out-everywhere$/);
    await expect(page.getByText("You have been signed out on every device.")).toBeVisible();
    await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
    await expectAccessible(page);
    await expectRefused(thief);
  });
});

test.describe("password reset by email", () => {
  let smtp: MailCatcher;
  let inbox: CaughtMail[] = [];
  let server: OwnServer;

  test.beforeAll(async () => {
    smtp = await startMailCatcher();
    inbox = smtp.inbox;
    server = await startOwnServer("e2e-reset", {
      env: (baseURL) => ({ SMTP_URL: smtp.smtpUrl, MAIL_FROM: "Backchannel <no-reply@example.test>", AUTH_URL: baseURL }),
    });
  });

  test.afterAll(async () => {
    await server?.stop();
    await smtp?.close();
  });

  test("a forgotten password is reset through the emailed link, which ends every session", async ({ newContextPage }, testInfo) => {
    test.setTimeout(120_000);
    const email = uniqueEmail("reset");
    const page = await newContextPage({ baseURL: server.baseURL });
    await signUp(page, { name: "Rosa Reset", email, password: PASSWORD, role: "Student" });
    await expect(page).toHaveURL(/\/dashboard$/);
    await header(page).getByRole("button", { name: "Sign out" }).click();
    await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();

    // A session still open on another device, with the old password.
    const otherDevice = await newContextPage({ baseURL: server.baseURL });
    await signIn(otherDevice, email, PASSWORD);
    await expect(otherDevice).toHaveURL(/\/dashboard$/);

    await header(page).getByRole("link", { name: "Sign in" }).click();
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    await expect(page.getByRole("status").filter({ hasText: `If an account uses ${email}, we have sent it a link` })).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, testInfo, "forgot-password");

    await expect.poll(() => inbox.filter((mail) => mail.to === email).length, { message: "the reset mail reaches the SMTP server" }).toBe(1);
    const mail = inbox.find((m) => m.to === email)!;
    expect(mail.subject).toBe("Reset your Backchannel password");
    const link = new RegExp(`${server.baseURL}/reset-password\\?token=[A-Za-z0-9_-]{43}`).exec(mail.text)?.[0];
    expect(link, "the mail holds a link to this server").toBeDefined();

    // The person opens the mail and clicks its link.
    await page.setContent(`<main><h1>Your mail</h1><a href="${link}">${link}</a></main>`);
    await page.getByRole("link", { name: link! }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, testInfo, "reset-password");

    await page.getByLabel("New password", { exact: true }).fill("short");
    await page.getByLabel("New password again").fill("short");
    await page.getByRole("button", { name: "Save my new password" }).click();
    await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("New password again").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Save my new password" }).click();
    await expect(page).toHaveURL(/\/signin\?notice=password-reset$/);
    await expect(page.getByText("Your password has been changed and every session ended.")).toBeVisible();
    await screenshots(page, testInfo, "signin-after-reset");

    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { name: "Welcome, Rosa Reset" })).toBeVisible();

    // The session on the other device ended with the reset.
    await otherDevice.reload();
    await expect(otherDevice).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard$/);
  });
});
