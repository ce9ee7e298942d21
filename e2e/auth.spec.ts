import type { Page } from "@playwright/test";
import { attemptSignIn, DEMO, expect, expectAccessible, signIn, signUp, test, TYPED_URL, uniqueEmail } from "./support/fixtures";

const header = (page: Page) => page.getByRole("navigation", { name: "Main" });

const STRONG = "a walk along the Neva";

test.describe("sign up", () => {
  test("a student signs up, lands on the dashboard, sees their name and signs out", async ({ page }) => {
    const email = uniqueEmail("student");
    await signUp(page, { name: "Sam Student", email, password: STRONG, role: "Student" });
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { name: "Welcome, Sam Student" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Account: Sam Student" })).toBeVisible();

    // Sign-out is in the header on every page.
    await header(page).getByRole("link", { name: "Lessons" }).click();
    await expect(page).toHaveURL(/\/lessons$/);
    await header(page).getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(header(page).getByRole("link", { name: "Dashboard" })).toHaveCount(0);
  });

  test("a session read that arrives after signing out cannot bring the session back", async ({ page, playwright, baseURL }) => {
    await signUp(page, { name: "Late Reader", email: uniqueEmail("late"), password: STRONG, role: "Student" });
    await expect(page).toHaveURL(/\/dashboard$/);
    const cookie = (await page.context().cookies()).find((c) => /authjs\.session-token$/.test(c.name));
    expect(cookie, "a session cookie after sign-up").toBeDefined();
    // The same read the page's session check makes, still carrying the cookie from before sign-out.
    const late = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${cookie?.name}=${cookie?.value}` } });
    try {
      await header(page).getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/$/);
      const read = await late.get("/api/auth/session");
      expect(read.status()).toBe(200);
      expect((await read.json()).user?.name, "the old cookie still reads as a session").toBe("Late Reader");
      expect(read.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie" && /authjs\.session-token/.test(h.value))).toEqual([]);
    } finally {
      await late.dispose();
    }
    await page.reload();
    await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
  });

  test("a teacher sign-up is a student account with a pending request until the administrator approves (decision 0037)", async ({ page }) => {
    await signUp(page, { name: "Tess Teacher", email: uniqueEmail("teacher"), password: STRONG, role: "Teacher" });
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { name: "Teacher request pending" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Questions" })).toHaveCount(0);
  });

  test("bad input gets messages next to the fields, keeps what was typed and creates no account", async ({ page }) => {
    const email = uniqueEmail("weak");
    await signUp(page, { name: "Wendy Weak", email, password: "password123", role: "Student" });
    const password = page.getByLabel("Password");
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("That password is one of the most common ones")).toBeVisible();
    // The error is tied to the field so screen readers announce it with the field.
    const describedBy = await password.getAttribute("aria-describedby");
    expect(describedBy).toContain("field-password-error");
    await expect(page.getByLabel("Email")).toHaveValue(email);
    await expect(page.getByLabel("Name")).toHaveValue("Wendy Weak");

    await attemptSignIn(page, email, "password123");
    await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
  });

  test("an email that is already taken is refused with a clear message", async ({ page }) => {
    await signUp(page, { name: "Second Amira", email: DEMO.student, password: STRONG, role: "Student" });
    await expect(page.getByText("An account with this email already exists")).toBeVisible();
  });

  test("the sign-up and sign-in pages have no accessibility violations", async ({ page }) => {
    await page.goto("/signup");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Enter your name.")).toBeVisible();
    await expectAccessible(page);
    await header(page).getByRole("link", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe("sign in", () => {
  test("works with the keyboard alone", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").focus();
    await page.keyboard.type(DEMO.student);
    await page.keyboard.press("Tab");
    await page.keyboard.type(DEMO.password);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test("a wrong password and an unknown email get the same message", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(DEMO.student2);
    await page.getByLabel("Password").fill("not the right password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "incorrect" });
    await expect(alert).toHaveText("Email or password is incorrect.");
    await expect(page.getByLabel("Email")).toHaveValue(DEMO.student2);

    await page.getByLabel("Email").fill(uniqueEmail("nobody"));
    await page.getByLabel("Password").fill("not the right password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alert).toHaveText("Email or password is incorrect.");
  });

  test("repeated failures lock this device out of the account for a while, even for the right password", async ({ page }) => {
    test.slow(); // six Argon2 checks, the throttle's deliberate delays and a sign-up
    const email = uniqueEmail("locked");
    await signUp(page, { name: "Lock Tester", email, password: STRONG, role: "Student" });
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.context().clearCookies();
    await page.reload();
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard$/);
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(`wrong password ${attempt}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    }
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(STRONG);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Too many failed sign-in attempts" })).toContainText("Try again in 15 minutes");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("the session cookie is HttpOnly, SameSite=Lax and Secure", async ({ page }) => {
    await signIn(page, DEMO.student);
    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name.includes("authjs.session-token"));
    expect(session, "a session cookie").toBeDefined();
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");
    expect(session?.secure).toBe(true);
  });
});

test.describe("roles and redirects", () => {
  test("an anonymous visitor is sent to sign-in and brought back to the page they wanted", async ({ page }) => {
    await page.goto("/account");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);
    await page.getByLabel("Email").fill(DEMO.student);
    await page.getByLabel("Password").fill(DEMO.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/account$/);
  });

  test("a callback URL to another site is reduced to a local path", async ({ page }) => {
    await page.goto("/signin?callbackUrl=https%3A%2F%2Fevil.example%2Fdashboard");
    await page.getByLabel("Email").fill(DEMO.student);
    await page.getByLabel("Password").fill(DEMO.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/dashboard$/);
  });

  test("a student who opens a teacher page is refused", { tag: TYPED_URL }, async ({ page }) => {
    await signIn(page, DEMO.student);
    const response = await page.goto("/teacher");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not available to your account" })).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe("account", () => {
  test("change name and password, download my data, then delete the account", async ({ page }) => {
    const email = uniqueEmail("account");
    await signUp(page, { name: "Ada Account", email, password: STRONG, role: "Student" });
    await expect(page).toHaveURL(/\/dashboard$/);
    await header(page).getByRole("link", { name: "Account: Ada Account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Name", { exact: true }).fill("Ada Renamed");
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your name has been saved." })).toBeVisible();
    await expect(header(page).getByRole("link", { name: "Account: Ada Renamed" })).toBeVisible();
    // The button keeps focus through its action (a disabled button would drop it to <body>).
    await expect(page.getByRole("button", { name: "Save name" })).toBeFocused();

    await page.getByLabel("Current password").fill("not my password");
    await page.getByLabel("New password", { exact: true }).fill("an even longer passphrase");
    await page.getByLabel("New password again").fill("an even longer passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Your current password is not correct.")).toBeVisible();
    await page.getByLabel("Current password").fill(STRONG);
    await page.getByLabel("New password", { exact: true }).fill("an even longer passphrase");
    await page.getByLabel("New password again").fill("an even longer passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your password has been changed." })).toBeVisible();

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download all my data" }).click();
    const file = await download;
    const data = JSON.parse(await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8")));
    expect(data.account).toMatchObject({ email, name: "Ada Renamed", role: "STUDENT" });
    expect(JSON.stringify(data)).not.toContain("passwordHash");
    expect(JSON.stringify(data)).not.toContain("$argon2");

    await page.getByLabel("Your password").fill("an even longer passphrase");
    await page.getByLabel("Type DELETE to confirm").fill("delete");
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expect(page.getByText("Type DELETE to confirm.", { exact: true })).toBeVisible();
    await page.getByLabel("Your password").fill("an even longer passphrase");
    await page.getByLabel("Type DELETE to confirm").fill("DELETE");
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expect(page).toHaveURL(/\/\?account=deleted$/);

    await header(page).getByRole("link", { name: "Sign in" }).click();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("an even longer passphrase");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
  });
});
