// School sign-in through OpenID Connect (issue 17, decision 0047), by clicks in Chromium against a
// real OpenID Provider (oidc-provider, e2e/support/oidc-provider.ts) running in this process. It is
// started before a server of this spec's own, which gets its issuer, client id and secret through
// the environment as a school's deployment would. The shared e2e server has none configured: it is
// the deployment without school sign-in.
import type { Page } from "@playwright/test";
import Database from "better-sqlite3";
import { freePort } from "../tooling/free-port";
import { createAccountIn } from "../tooling/accounts";
import { expect, expectAccessible, screenshots, test, uniqueEmail } from "./support/fixtures";
import { startTestProvider, subjectFor, type TestProvider } from "./support/oidc-provider";
import { startOwnServer, type OwnServer } from "./support/own-server";

const SCHOOL = "Northfield School";
const PASSWORD = "a walk along the Neva";
const header = (page: Page) => page.getByRole("navigation", { name: "Main" });
const schoolButton = (page: Page) => page.getByRole("button", { name: `Sign in with ${SCHOOL}` });

/** At the provider's own (development) login page: any login and password sign in. */
async function logInAtProvider(page: Page, login: string) {
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/interaction\//);
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("anything at the provider");
  await page.getByRole("button", { name: "Sign-in" }).click();
  // The provider asks once for consent to share the email and name with Backchannel.
  await page.getByRole("button", { name: "Continue" }).click();
}

async function signOut(page: Page) {
  await header(page).getByRole("button", { name: "Sign out" }).click();
  await expect(header(page).getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
}

test("a deployment without school sign-in shows no school button", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page.getByRole("button", { name: /Sign in with/ })).toHaveCount(0);
  await expect(page.getByText("or with your email and password")).toHaveCount(0);
});

test.describe("school sign-in", () => {
  // Two sign-ins through the provider, axe and screenshots: slow on two shared cores.
  test.describe.configure({ mode: "serial", timeout: 120_000 });
  let provider: TestProvider | undefined;
  let server: OwnServer;

  test.beforeAll(async () => {
    // Migrating, seeding and starting a production server: over a minute while other specs run.
    test.setTimeout(180_000);
    const providerPort = await freePort();
    server = await startOwnServer("e2e-oidc", {
      env: (baseURL) => {
        // The provider is listening before the server starts (it reads the discovery document on sign-in).
        provider = startTestProvider(providerPort, `${baseURL}/api/auth/callback/school`);
        return {
          AUTH_URL: baseURL,
          OIDC_ISSUER: provider.issuer,
          OIDC_CLIENT_ID: provider.clientId,
          OIDC_CLIENT_SECRET: provider.clientSecret,
          OIDC_NAME: SCHOOL,
        };
      },
    });
  });

  test.afterAll(async () => {
    await server?.stop();
    await provider?.close();
  });

  /** The school identities linked to the account with this email, read from the server's database. */
  function identitiesOf(email: string): { issuer: string; subject: string; role: string }[] {
    const database = new Database(server.databaseFile, { readonly: true });
    try {
      return database.prepare('SELECT i.issuer, i.subject, u.role FROM "SchoolIdentity" i JOIN "User" u ON u.id = i.userId WHERE u.email = ?').all(email) as {
        issuer: string;
        subject: string;
        role: string;
      }[];
    } finally {
      database.close();
    }
  }

  test("a first school sign-in makes a student account, and the next one signs straight in", async ({ newContextPage }, testInfo) => {
    const email = uniqueEmail("ada.lovelace");
    const page = await newContextPage({ baseURL: server.baseURL });
    await page.goto("/signin");
    await expect(schoolButton(page)).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, testInfo, "signin-with-school");

    await schoolButton(page).click();
    await logInAtProvider(page, email);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { name: /^Welcome, Ada Lovelace/ })).toBeVisible();
    // A student: no teacher's area, whatever the provider says.
    await expect(header(page).getByRole("link", { name: "Teacher", exact: true })).toHaveCount(0);
    expect(identitiesOf(email)).toEqual([{ issuer: provider?.issuer, subject: subjectFor(email), role: "STUDENT" }]);

    await signOut(page);
    await header(page).getByRole("link", { name: "Sign in", exact: true }).click();
    await schoolButton(page).click();
    // The provider remembers the person and the consent: straight back, signed in to the same account.
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { name: /^Welcome, Ada Lovelace/ })).toBeVisible();
    expect(identitiesOf(email)).toHaveLength(1);
  });

  test("a school email that has a password account is linked only with that account's password", async ({ newContextPage }, testInfo) => {
    const email = uniqueEmail("grace.hopper");
    await createAccountIn(`file:${server.databaseFile}`, { name: "Grace Hopper", email, password: PASSWORD, role: "STUDENT" });
    const page = await newContextPage({ baseURL: server.baseURL });
    await page.goto("/signin");
    await schoolButton(page).click();
    await logInAtProvider(page, email);

    await expect(page.getByRole("heading", { level: 1, name: "Link your school account" })).toBeVisible();
    await expect(page.getByText(`You signed in with ${SCHOOL} as ${email}`)).toBeVisible();
    expect(identitiesOf(email), "nothing is linked before the password").toEqual([]);
    await expectAccessible(page);
    await screenshots(page, testInfo, "link-school-account");

    await page.getByLabel("Password of your Backchannel account").fill("not the password at all");
    await page.getByRole("button", { name: "Link and sign in" }).click();
    await expect(page.getByText("That is not this account's password.")).toBeVisible();
    expect(identitiesOf(email)).toEqual([]);
    await expectAccessible(page);
    await screenshots(page, testInfo, "link-school-account-wrong-password");

    await page.getByLabel("Password of your Backchannel account").fill(PASSWORD);
    await page.getByRole("button", { name: "Link and sign in" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { name: /^Welcome, Grace Hopper/ })).toBeVisible();
    expect(identitiesOf(email)).toEqual([{ issuer: provider?.issuer, subject: subjectFor(email), role: "STUDENT" }]);

    // Linked: the school sign-in now opens the account directly, no password asked.
    await signOut(page);
    await header(page).getByRole("link", { name: "Sign in", exact: true }).click();
    await schoolButton(page).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { name: /^Welcome, Grace Hopper/ })).toBeVisible();
  });

  test("a sign-in cancelled at the provider comes back to the sign-in page with a clear message", async ({ newContextPage }, testInfo) => {
    const page = await newContextPage({ baseURL: server.baseURL });
    await page.goto("/signin");
    await schoolButton(page).click();
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/interaction\//);
    await page.getByRole("link", { name: "[ Cancel ]" }).click();
    await expect(page).toHaveURL(/\/signin\?error=OAuthCallbackError$/);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(/did not finish: it was cancelled or refused at your school's sign-in page/);
    await expect(header(page).getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, testInfo, "signin-school-cancelled");
  });

  test("a provider that shares no email is refused with a message saying so", async ({ newContextPage }) => {
    const page = await newContextPage({ baseURL: server.baseURL });
    await page.goto("/signin");
    await schoolButton(page).click();
    await logInAtProvider(page, `no-email-${Date.now()}`);
    await expect(page).toHaveURL(/\/signin\?error=SchoolEmailMissing$/);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(/did not share an email address/);
  });
});
