// Sign-in throttles count real clients (issue 15, F5; decision 0035), against a production server
// of this spec's own with no trusted proxy (TRUSTED_PROXIES unset). The attacker browses over IPv4
// (127.0.0.1) and sends a new X-Forwarded-For, X-Real-IP and forged private header with every
// request; the owner browses over IPv6 (::1), a different socket address and so a different client.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, screenshots, signUp, test, uniqueEmail } from "./support/fixtures";
import { startOwnServer, type OwnServer } from "./support/own-server";

const PASSWORD = "a walk along the Neva";

async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("sign-in throttle behind no proxy", () => {
  let server: OwnServer;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    server = await startOwnServer("e2e-throttle");
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test("a new X-Forwarded-For does not make a new client, and the attacker's lock-out leaves the owner free", async ({ newContextPage }, testInfo) => {
    test.slow(); // a sign-up, seven Argon2 checks and the throttle's deliberate delays
    const owner = await newContextPage({ baseURL: `http://[::1]:${server.port}` });
    const email = uniqueEmail("owner");
    await signUp(owner, { name: "Nadia Owner", email, password: PASSWORD, role: "Student" });
    await expect(owner).toHaveURL(/\/dashboard$/);
    await owner.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }).click();
    await expect(owner.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();

    const attacker = await newContextPage({ baseURL: `http://127.0.0.1:${server.port}` });
    await attacker.goto("/signin");
    for (let attempt = 1; attempt <= 5; attempt++) {
      // A different made-up address each time: counted by the socket, they change nothing.
      await attacker.setExtraHTTPHeaders({
        "x-forwarded-for": `203.0.113.${attempt}`,
        "x-real-ip": `198.51.100.${attempt}`,
        "x-backchannel-client": `forged-${attempt} 192.0.2.${attempt}`,
      });
      await submitSignIn(attacker, email, `wrong password ${attempt}`);
      await expect(attacker.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
      await expect(attacker.getByRole("button", { name: "Sign in" })).toBeEnabled();
    }
    await attacker.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.99" });
    await submitSignIn(attacker, email, PASSWORD);
    const refusal = attacker.getByRole("alert").filter({ hasText: "Too many failed sign-in attempts from this device." });
    await expect(refusal).toContainText("Try again in 15 minutes, or choose a new password with “Forgot your password?”.");
    await expect(attacker).toHaveURL(/\/signin/);
    await expectAccessible(attacker);
    await screenshots(attacker, testInfo, "attacker-locked-out");

    // The owner, from her own address, signs in as usual.
    await owner.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" }).click();
    await submitSignIn(owner, email, PASSWORD);
    await expect(owner).toHaveURL(/\/dashboard$/);
    await expect(owner.getByRole("heading", { name: "Welcome, Nadia Owner" })).toBeVisible();
  });
});
