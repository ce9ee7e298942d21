// Runs every row of the access table as an anonymous visitor, a student and a teacher.
import type { APIRequestContext, Browser } from "@playwright/test";
import { ROUTES, type Access } from "../tests/access/access-table";
import { DEMO, expect, test } from "./support/fixtures";

type Persona = "anonymous" | "student" | "teacher";

/** What each persona should get for each kind of access. */
function expected(access: Access, persona: Persona, kind: "page" | "api"): "ok" | "signin" | "forbidden" {
  if (access === "public") return "ok";
  if (persona === "anonymous") return kind === "page" ? "signin" : "forbidden";
  if (access === "teacher" && persona !== "teacher") return "forbidden";
  return "ok";
}

async function requestFor(browser: Browser, persona: Persona): Promise<{ request: APIRequestContext; close: () => Promise<void> }> {
  const context = await browser.newContext();
  if (persona !== "anonymous") {
    const page = await context.newPage();
    await page.goto("/signin");
    await page.getByLabel("Email").fill(persona === "teacher" ? DEMO.teacher : DEMO.student);
    await page.getByLabel("Password").fill(DEMO.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
    await page.close();
  }
  return { request: context.request, close: () => context.close() };
}

for (const persona of ["anonymous", "student", "teacher"] as const) {
  test(`access table: ${persona}`, async ({ browser }) => {
    const { request, close } = await requestFor(browser, persona);
    try {
      for (const row of ROUTES.filter((r) => !r.skipRequest)) {
        const outcome = expected(row.access, persona, row.kind);
        const response = await request.fetch(row.path, { method: row.method ?? "GET", maxRedirects: 0 });
        const where = `${persona} ${row.method ?? "GET"} ${row.path}`;
        if (row.benchOnly) {
          // The e2e build is made without BENCH_ROUTES=1: the route is absent for everyone.
          expect(response.status(), where).toBe(404);
          continue;
        }
        if (row.signedInRedirect && persona !== "anonymous") {
          expect([303, 307], where).toContain(response.status());
          expect(response.headers().location, where).toContain(row.signedInRedirect);
        } else if (outcome === "ok") {
          expect(response.status(), where).toBe(persona === "anonymous" ? 200 : (row.signedInStatus ?? 200));
        } else if (outcome === "signin") {
          expect([303, 307, 308], where).toContain(response.status());
          expect(response.headers().location, where).toContain(`/signin?callbackUrl=${encodeURIComponent(row.path)}`);
        } else if (row.kind === "api") {
          expect(response.status(), where).toBe(persona === "anonymous" ? 401 : 403);
          const body = await response.json();
          expect(typeof body.error?.message, where).toBe("string");
        } else {
          expect(response.status(), where).toBe(403);
        }
      }
    } finally {
      await close();
    }
  });
}

test("a protected server action re-checks the session when the cookie is gone", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(DEMO.student2);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/dashboard/);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: /^Account: / })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  // The header's session check re-issues the cookie: let it finish before removing the cookie.
  await page.waitForLoadState("networkidle");
  await page.context().clearCookies();
  await page.getByLabel("Name", { exact: true }).fill("Should Not Be Saved");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);
});
