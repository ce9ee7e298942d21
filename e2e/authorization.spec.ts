// Every page of the access table and every declared route handler, as an anonymous visitor, a
// student and a teacher. Pages are listed in tooling/access-table.ts; route handlers declare
// their own access (lib/api/route.ts) and are read from e2e/support/declared.json.
import type { APIRequestContext, Browser } from "@playwright/test";
import { PAGES, type Access } from "../tooling/access-table";
import { declaredRoutes } from "./support/declared";
import { fillPattern } from "./support/build-manifest";
import { DEMO, expect, test } from "./support/fixtures";

type Persona = "anonymous" | "student" | "teacher";

/** What each persona should get for each kind of access. */
function expected(access: Access, persona: Persona): "ok" | "signin" | "forbidden" {
  if (access === "public") return "ok";
  if (persona === "anonymous") return "signin";
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

/** Ids no record has: a permitted caller gets the route's own answer (often a 404), and nothing is written. */
const MADE_UP = { attemptId: "not-a-real-attempt", questionId: "not-a-real-question", classId: "not-a-real-class", nextauth: "session" };

for (const persona of ["anonymous", "student", "teacher"] as const) {
  test(`access table, pages: ${persona}`, async ({ browser }) => {
    const { request, close } = await requestFor(browser, persona);
    try {
      for (const row of PAGES) {
        const outcome = expected(row.access, persona);
        const response = await request.fetch(row.path, { maxRedirects: 0 });
        const where = `${persona} GET ${row.path}`;
        if (row.benchOnly || row.devOnly) {
          // The e2e build is a production build made without BENCH_ROUTES=1: the page is not in it, a 404 for everyone.
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
        } else {
          expect(response.status(), where).toBe(403);
        }
      }
    } finally {
      await close();
    }
  });

  test(`declared route handlers: ${persona}`, async ({ browser }) => {
    const { request, close } = await requestFor(browser, persona);
    try {
      for (const route of declaredRoutes()) {
        // Auth.js's own endpoints: sign-in and sign-out are covered by e2e/auth.spec.ts.
        if (route.served === "framework") continue;
        const path = fillPattern(route.pattern, MADE_UP);
        for (const method of route.methods) {
          const response = await request.fetch(path, { method, maxRedirects: 0 });
          const where = `${persona} ${method} ${path}`;
          const status = response.status();
          if (route.benchOnly) {
            // The e2e build is made without BENCH_ROUTES=1: the route is not in it, a 404 for everyone.
            expect(status, where).toBe(404);
            continue;
          }
          const outcome = expected(route.access, persona);
          if (outcome === "ok") {
            // The route's own answer (200, or a 404 for the made-up id, a 415 for the missing body):
            // the person is not refused and nothing fails.
            expect(status, where).toBeLessThan(500);
            expect([401, 403], where).not.toContain(status);
            continue;
          }
          expect(status, where).toBe(outcome === "signin" ? 401 : 403);
          const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
          expect(body.error?.code, where).toBe(outcome === "signin" ? "unauthenticated" : "forbidden");
          expect(typeof body.error?.message, where).toBe("string");
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
