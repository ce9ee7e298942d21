// The security headers on every page and every route handler in the build, requested as someone
// who may see them (so the answer is the real page, not a redirect to sign-in), with real ids
// in the dynamic segments. Pages are listed here; route handlers come from their declarations
// (e2e/support/declared.ts). A page or route in the build without a row fails the spec.
import type { APIRequestContext, Browser } from "@playwright/test";
import { builtRoutes, fillPattern } from "./support/build-manifest";
import { declaredRoutes, personaFor, type Method } from "./support/declared";
import { DEMO, expect, signIn, signInAsNewTeacher, signUp, test, uniqueEmail } from "./support/fixtures";

type Who = "anonymous" | "student" | "teacher" | "admin";
type Row = { who: Who; status: number };

const PAGES: Record<string, Row> = {
  "/": { who: "anonymous", status: 200 },
  "/signin": { who: "anonymous", status: 200 },
  "/signin/link": { who: "anonymous", status: 200 },
  "/signup": { who: "anonymous", status: 200 },
  "/forgot-password": { who: "anonymous", status: 200 },
  "/reset-password": { who: "anonymous", status: 200 },
  "/teacher-invitation": { who: "anonymous", status: 200 },
  "/dev/outbox": { who: "anonymous", status: 404 },
  "/lessons": { who: "anonymous", status: 200 },
  "/lessons/[slug]": { who: "anonymous", status: 200 },
  "/timeline": { who: "anonymous", status: 200 },
  "/dashboard": { who: "student", status: 200 },
  "/account": { who: "student", status: 200 },
  "/classes": { who: "student", status: 200 },
  "/classes/join": { who: "student", status: 200 },
  "/quiz": { who: "student", status: 200 },
  "/quiz/attempt/[attemptId]": { who: "student", status: 200 },
  "/teacher": { who: "teacher", status: 200 },
  "/admin": { who: "admin", status: 200 },
  "/admin/lti": { who: "admin", status: 200 },
  "/teacher/lti": { who: "teacher", status: 200 },
  "/lti/refused": { who: "anonymous", status: 200 },
  // A made-up Deep Linking request: the not-found page's headers (e2e/lti.spec.ts opens a real one).
  "/lti/deep-link/[requestId]": { who: "teacher", status: 404 },
  "/teacher/classes/[classId]": { who: "teacher", status: 200 },
  "/teacher/classes/[classId]/reports": { who: "teacher", status: 200 },
  "/teacher/classes/[classId]/reports/questions": { who: "teacher", status: 200 },
  "/teacher/classes/[classId]/projector": { who: "teacher", status: 200 },
  // A made-up assignment and student (see `values` below): the not-found page's headers.
  "/teacher/classes/[classId]/assignments/[assignmentId]/edit": { who: "teacher", status: 404 },
  "/teacher/classes/[classId]/assignments/[assignmentId]/students/[studentId]": { who: "teacher", status: 404 },
  "/teacher/questions": { who: "teacher", status: 200 },
  "/teacher/questions/new": { who: "teacher", status: 200 },
  "/teacher/questions/[questionId]": { who: "teacher", status: 200 },
  "/teacher/articles": { who: "teacher", status: 200 },
  "/teacher/articles/new": { who: "teacher", status: 200 },
  // Another teacher's or a made-up article: a 404 with the headers (its owner's pages: e2e/article-workspace.spec.ts, e2e/article-questions.spec.ts).
  "/teacher/articles/[articleId]": { who: "teacher", status: 404 },
  "/teacher/articles/[articleId]/details": { who: "teacher", status: 404 },
  // An article not shared with the student, and a made-up version's lesson (e2e/article-journey.spec.ts reads real ones).
  "/articles/[slug]": { who: "student", status: 404 },
  "/read/[version]/[lesson]": { who: "anonymous", status: 404 },
  "/teacher/articles/[articleId]/questions": { who: "teacher", status: 404 },
  "/teacher/articles/[articleId]/questions/new": { who: "teacher", status: 404 },
  "/teacher/articles/[articleId]/questions/[questionId]": { who: "teacher", status: 404 },
};

/** Route handlers: from their declarations. `status` undefined: a definite answer, not an error (see below). */
type RouteRow = { who: Who; method: Method; status?: number; body: string[] };
const ROUTES: Record<string, RouteRow> = {
  ...Object.fromEntries(
    // The e2e build is made without BENCH_ROUTES=1: the bench route is not in it (e2e/security-refusals.spec.ts).
    declaredRoutes()
      .filter((route) => !route.benchOnly)
      .map((route): [string, RouteRow] => [route.pattern, { who: personaFor(route.access), method: route.methods[0] ?? "GET", body: route.body }]),
  ),
  // Built by Next from app/icon.svg, not declared by us.
  "/icon.svg": { who: "anonymous", method: "GET", status: 200, body: [] },
  // Read with a made-up article: the owner-only refusal.
  "/api/v1/teacher/articles/[articleId]/export": { who: "teacher", method: "GET", status: 404, body: [] },
  // Question files for Moodle (decision 0046): asked without ?format=, a definite 400.
  "/api/v1/teacher/questions/export": { who: "teacher", method: "GET", status: 400, body: [] },
  "/api/v1/teacher/classes/[classId]/assignments/[assignmentId]/questions": { who: "teacher", method: "GET", status: 400, body: [] },
  // LTI login and launch without a platform's request: refused, to the page that says why (decision 0051).
  "/api/lti/login": { who: "anonymous", method: "GET", status: 303, body: [] },
  "/api/lti/launch": { who: "anonymous", method: "POST", status: 303, body: [] },
};

function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, `${where}: Content-Security-Policy`).toContain("default-src 'self'");
  expect(csp, `${where}: frame-ancestors`).toContain("frame-ancestors 'none'");
  expect(csp, `${where}: object-src`).toContain("object-src 'none'");
  expect(csp, `${where}: no eval in production`).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"], `${where}: X-Content-Type-Options`).toBe("nosniff");
  expect(headers["referrer-policy"], `${where}: Referrer-Policy`).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"], `${where}: X-Frame-Options`).toBe("DENY");
  // The e2e server is a production build, so HSTS must be there.
  expect(headers["strict-transport-security"], `${where}: Strict-Transport-Security`).toMatch(/max-age=\d{7,}/);
  expect(headers["x-powered-by"], `${where}: X-Powered-By`).toBeUndefined();
}

async function person(browser: Browser, role: "Student" | "Teacher") {
  const context = await browser.newContext();
  const page = await context.newPage();
  const account = { name: `Header ${role}`, email: uniqueEmail(`headers-${role.toLowerCase()}`), password: "a careful reader of Bishara" };
  if (role === "Teacher") await signInAsNewTeacher(page, account);
  else await signUp(page, { ...account, role });
  await expect(page).toHaveURL(role === "Teacher" ? /\/teacher$/ : /\/dashboard$/);
  return { context, page };
}

test("every page and route handler in the build has a row in the header tables", () => {
  const built = builtRoutes();
  expect(
    built
      .filter((r) => r.kind === "page")
      .map((r) => r.pattern)
      .sort(),
    "pages",
  ).toEqual(Object.keys(PAGES).sort());
  expect(
    built
      .filter((r) => r.kind === "route")
      .map((r) => r.pattern)
      .sort(),
    "route handlers",
  ).toEqual(Object.keys(ROUTES).sort());
});

test("every page and route handler sends the security headers, HSTS included", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const teacher = await person(browser, "Teacher");
  await teacher.page.getByLabel("Class name").fill("Headers class");
  await teacher.page.getByRole("button", { name: "Create class" }).click();
  await expect(teacher.page).toHaveURL(/\/teacher\/classes\/[a-z0-9]+$/);
  const classId = teacher.page.url().split("/").pop() ?? "";
  // From the header, as a person would (a sweep may type addresses; setting up need not).
  await teacher.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Questions", exact: true }).click();
  await teacher.page.locator("summary", { hasText: "The eye of the beholder" }).first().click();
  await teacher.page
    .getByRole("button", { name: /^Duplicate “.*” into an editable copy$/ })
    .first()
    .click();
  await expect(teacher.page).toHaveURL(/\/teacher\/questions\/t-[a-z0-9]+\?copied=1$/);
  const questionId = new URL(teacher.page.url()).pathname.split("/").pop() ?? "";
  const student = await person(browser, "Student");
  const started = await student.context.request.post("/api/v1/attempts", { data: { kind: "MIXED", scopeId: null } });
  expect(started.status()).toBe(201);
  const attempt = (await started.json()).attempt as { id: string };

  const values = {
    slug: "potato-diplomacy",
    attemptId: attempt.id,
    classId,
    questionId,
    nextauth: "session",
    assignmentId: "not-a-real-assignment",
    studentId: "not-a-real-student",
    articleId: "not-a-real-article",
    version: "not-a-real-version",
    lesson: "l1",
    requestId: "not-a-real-request",
  };
  // The demo teacher is the deployment's administrator (decision 0037).
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, DEMO.teacher);
  const as: Record<Who, APIRequestContext> = { anonymous: request, student: student.context.request, teacher: teacher.context.request, admin: admin.request };
  try {
    // Ids that exist nowhere, for the requests that could change something: nothing is written.
    const madeUp = { ...values, attemptId: "not-a-real-attempt", questionId: "not-a-real-question", classId: "not-a-real-class" };
    for (const route of builtRoutes()) {
      if (route.kind === "page") {
        const row = PAGES[route.pattern];
        if (!row) continue; // reported by the table test
        const path = fillPattern(route.pattern, values);
        const response = await as[row.who].fetch(path, { maxRedirects: 0 });
        expect(response.status(), `${row.who} GET ${path}`).toBe(row.status);
        expectSecurityHeaders(response.headers(), `${row.who} GET ${path}`);
        continue;
      }
      const row = ROUTES[route.pattern];
      if (!row) continue;
      // A GET reads: real ids, and a 200. Any other method could write: made-up ids and an empty
      // JSON body (when it takes one), which get a definite refusal (400, 404) and change nothing.
      const reads = row.method === "GET";
      const path = fillPattern(route.pattern, reads ? values : madeUp);
      const data = row.body.length > 0 ? {} : undefined;
      const response = await as[row.who].fetch(path, { method: row.method, data, maxRedirects: 0 });
      const where = `${row.who} ${row.method} ${path}`;
      const status = response.status();
      if (row.status !== undefined) expect(status, where).toBe(row.status);
      else if (reads) expect(status, where).toBe(200);
      else {
        // The permitted persona's answer, whatever it is, is the route's own: no error, no
        // refusal of the person, no redirect.
        expect(status, where).toBeLessThan(500);
        expect([301, 302, 303, 307, 308, 401, 403], where).not.toContain(status);
      }
      expectSecurityHeaders(response.headers(), where);
    }
    // Answers that are not pages: a not-found page, a sign-in redirect, an API refusal, a refused server action call.
    const extra: [string, () => Promise<{ status: () => number; headers: () => Record<string, string> }>, number][] = [
      ["404 page", () => request.get("/no-such-page"), 404],
      ["sign-in redirect", () => request.get("/dashboard", { maxRedirects: 0 }), 307],
      ["API 401", () => request.get("/api/v1/me/reading"), 401],
      [
        "refused server action",
        () => request.post("/signup", { headers: { "next-action": "0".repeat(42), "content-type": "text/plain" }, data: "{not json" }),
        400,
      ],
    ];
    for (const [name, send, status] of extra) {
      const response = await send();
      expect(response.status(), name).toBe(status);
      expectSecurityHeaders(response.headers(), name);
    }
  } finally {
    await teacher.context.close();
    await student.context.close();
    await admin.close();
  }
});
