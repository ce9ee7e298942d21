// Every page of the access table and every declared route handler, as an anonymous visitor, a
// student, someone who asked to be a teacher and waits for approval, a (verified) teacher and the
// administrator. Pages are listed in tooling/access-table.ts; route handlers declare their own
// access (lib/api/route.ts) and are read from e2e/support/declared.json, as are the server actions
// whose refusals are checked below.
import Database from "better-sqlite3";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { E2E_DATABASE_URL } from "../playwright.config";
import { PAGES, type Access } from "../tooling/access-table";
import { declaredActions, declaredRoutes } from "./support/declared";
import { builtActions, fillPattern } from "./support/build-manifest";
import { DEMO, expect, signIn, signInAsNewTeacher, signUp, test, uniqueEmail } from "./support/fixtures";
import { formActionBody } from "./support/fuzz";

/** pending: signed up as a teacher, not yet approved, so a student account (decision 0037). */
type Persona = "anonymous" | "student" | "pending" | "teacher" | "admin";
const PERSONAS = ["anonymous", "student", "pending", "teacher", "admin"] as const satisfies readonly Persona[];

/** What each persona should get for each kind of access. The administrator is also a teacher. */
function expected(access: Access, persona: Persona): "ok" | "signin" | "forbidden" {
  if (access === "public") return "ok";
  if (persona === "anonymous") return "signin";
  if (access === "teacher" && persona !== "teacher" && persona !== "admin") return "forbidden";
  if (access === "admin" && persona !== "admin") return "forbidden";
  return "ok";
}

const PASSWORD = "a careful reader of Bishara";

/** Signs the persona in on `page`: the demo accounts, or a new account made the way the persona's kind is. */
async function signInAs(page: Page, persona: Exclude<Persona, "anonymous">) {
  if (persona === "student") await signIn(page, DEMO.student);
  else if (persona === "admin") await signIn(page, DEMO.teacher);
  else if (persona === "teacher") await signInAsNewTeacher(page, { name: "Tomas Teacher", email: uniqueEmail("authz-teacher"), password: PASSWORD });
  else {
    // The real sign-up: "Teacher" files a request and the account stays a student account.
    await signUp(page, { name: "Petra Pending", email: uniqueEmail("authz-pending"), password: PASSWORD, role: "Teacher" });
    await expect(page.getByRole("heading", { name: "Teacher request pending" })).toBeVisible();
  }
}

async function requestFor(browser: Browser, persona: Persona): Promise<{ request: APIRequestContext; close: () => Promise<void> }> {
  const context = await browser.newContext();
  if (persona !== "anonymous") {
    const page = await context.newPage();
    await signInAs(page, persona);
    await page.close();
  }
  return { request: context.request, close: () => context.close() };
}

/** Ids no record has: a permitted caller gets the route's own answer (often a 404), and nothing is written. */
const MADE_UP = {
  attemptId: "not-a-real-attempt",
  questionId: "not-a-real-question",
  classId: "not-a-real-class",
  articleId: "not-a-real-article",
  assignmentId: "not-a-real-assignment",
  nextauth: "session",
};

for (const persona of PERSONAS) {
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
          expect(response.status(), where).toBe(persona === "anonymous" ? (row.anonymousStatus ?? 200) : (row.signedInStatus ?? 200));
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
  // The header finds the session gone and reloads the page (app/account-nav.tsx): the person is
  // shown signed out. Waiting for that also keeps the test from ending while the reload may still
  // be starting: once in CI, closing the browser context at that point took a whole minute.
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
});

/** The SQLite file behind the shared e2e server, read-only. */
function readDatabase() {
  return new Database(E2E_DATABASE_URL.replace(/^file:/, ""), { readonly: true });
}

// The administration actions (access "admin"), called as the page calls them, on a real target (a
// pending teacher request) and with a new email to invite: everyone but the administrator is
// refused and nothing changes. The administrator's own call is the control: it approves.
const AUTHZ_ISSUER = "https://moodle.authz.example";

test("the administration actions refuse an anonymous visitor, a student, a pending teacher and a teacher", async ({ browser }) => {
  test.setTimeout(120_000);
  const adminActions = declaredActions().filter((action) => action.access === "admin");
  expect(adminActions.map((action) => action.id).sort()).toEqual([
    "app/admin/actions.ts#approveTeacherAction",
    "app/admin/actions.ts#declineTeacherAction",
    "app/admin/actions.ts#inviteTeacherAction",
    "app/admin/actions.ts#removeTeacherAction",
    "app/admin/lti/actions.ts#registerPlatformAction",
    "app/admin/lti/actions.ts#removePlatformAction",
    "app/admin/lti/actions.ts#updatePlatformAction",
  ]);
  const built = new Map(builtActions().map((action) => [action.name, action]));

  const requester = await browser.newContext();
  const requesterEmail = uniqueEmail("authz-request");
  await signUp(await requester.newPage(), { name: "Rhea Request", email: requesterEmail, password: PASSWORD, role: "Teacher" });
  const teacherContext = await browser.newContext();
  const teacherEmail = uniqueEmail("authz-target-teacher");
  await signInAsNewTeacher(await teacherContext.newPage(), { name: "Tariq Target", email: teacherEmail, password: PASSWORD });
  const idOf = (email: string) => {
    const db = readDatabase();
    try {
      return (db.prepare('SELECT id FROM "User" WHERE email = ?').get(email) as { id: string }).id;
    } finally {
      db.close();
    }
  };
  const requesterId = idOf(requesterEmail);
  const teacherId = idOf(teacherEmail);
  const invited = uniqueEmail("authz-invited");

  const call = async (request: APIRequestContext, actionId: string) => {
    const action = built.get(actionId);
    if (!action) throw new Error(`${actionId} is not in the build`);
    const userId = actionId.endsWith("#removeTeacherAction") ? teacherId : requesterId;
    // The LTI platform actions (decision 0051) get a whole valid registration, for a made-up platform.
    const { body, contentType } = await formActionBody({}, [
      ["userId", userId],
      ["email", invited],
      ["platformId", "not-a-real-platform"],
      ["name", "Authz Moodle"],
      ["issuer", AUTHZ_ISSUER],
      ["clientId", "authz-client"],
      ["deploymentIds", "1"],
      ["authLoginUrl", `${AUTHZ_ISSUER}/mod/lti/auth.php`],
      ["tokenUrl", `${AUTHZ_ISSUER}/mod/lti/token.php`],
      ["keySetUrl", `${AUTHZ_ISSUER}/mod/lti/certs.php`],
    ]);
    return request.fetch(action.pages[0] ?? "/", {
      method: "POST",
      headers: { "next-action": action.id, "content-type": contentType },
      data: Buffer.from(body),
      maxRedirects: 0,
    });
  };

  for (const persona of ["anonymous", "student", "pending", "teacher"] as const) {
    const { request, close } = await requestFor(browser, persona);
    try {
      for (const action of adminActions) {
        const response = await call(request, action.id);
        const where = `${persona} ${action.id}`;
        if (persona === "anonymous") expect(response.headers()["x-action-redirect"] ?? response.headers().location ?? "", where).toContain("/signin");
        else expect(response.status(), where).toBe(403);
      }
    } finally {
      await close();
    }
  }
  // The question editor's "duplicate" (issue 15, F6: it handed out the built-in keys) is a teacher
  // action: the pending account is refused it like every other student account.
  const pending = await requestFor(browser, "pending");
  try {
    const duplicate = built.get("app/teacher/questions/actions.ts#duplicateQuestionAction");
    if (!duplicate) throw new Error("duplicateQuestionAction is not in the build");
    const { body, contentType } = await formActionBody({}, [["questionId", "q-slovenia-summit-year"]]);
    const response = await pending.request.fetch(duplicate.pages[0] ?? "/", {
      method: "POST",
      headers: { "next-action": duplicate.id, "content-type": contentType },
      data: Buffer.from(body),
      maxRedirects: 0,
    });
    expect(response.status(), "a pending teacher duplicating a built-in question").toBe(403);
    expect(await response.text()).not.toContain("Slovenia");
  } finally {
    await pending.close();
  }

  const state = () => {
    const db = readDatabase();
    try {
      return {
        requester: db.prepare('SELECT role, teacherRequestedAt IS NOT NULL AS pending FROM "User" WHERE id = ?').get(requesterId),
        teacher: db.prepare('SELECT role FROM "User" WHERE id = ?').get(teacherId),
        invitations: (db.prepare('SELECT count(*) AS n FROM "TeacherInvitation" WHERE email = ?').get(invited) as { n: number }).n,
        platforms: (db.prepare('SELECT count(*) AS n FROM "LtiPlatform" WHERE issuer = ?').get(AUTHZ_ISSUER) as { n: number }).n,
      };
    } finally {
      db.close();
    }
  };
  expect(state(), "nothing changed").toEqual({ requester: { role: "STUDENT", pending: 1 }, teacher: { role: "TEACHER" }, invitations: 0, platforms: 0 });

  const admin = await requestFor(browser, "admin");
  try {
    const response = await call(admin.request, "app/admin/actions.ts#approveTeacherAction");
    expect(response.status()).toBe(200);
    expect(state().requester).toEqual({ role: "TEACHER", pending: 0 });
  } finally {
    await admin.close();
    await requester.close();
    await teacherContext.close();
  }
});
