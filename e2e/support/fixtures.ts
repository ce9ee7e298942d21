// Shared fixtures: every page a test opens (`page`, or `newContextPage` for another person) is
// watched for CSP violations and page errors, and waits after a full load until streamed content
// is in place; `expectAccessible` runs axe on the current page.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page, type TestInfo } from "@playwright/test";
import { E2E_DATABASE_URL } from "../../playwright.config";
import { createAccountIn } from "../../tooling/accounts";

type Fixtures = {
  pageProblems: string[];
  /** A page in a new browser context (a second person), watched like `page` and closed after the test. */
  newContextPage: (options?: BrowserContextOptions) => Promise<Page>;
};

/** Records CSP violations, uncaught page errors and request loops into `problems`. */
export function watchForProblems(page: Page, problems: string[]) {
  watchRequestBudget(page, problems);
  page.on("console", (message) => {
    const text = message.text();
    if (/Content[- ]Security[- ]Policy|Refused to (execute|load|apply|connect)/i.test(text)) problems.push(`CSP: ${text}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
}

/**
 * Within one navigation (a document load or a client-side route change), a page may send the same
 * GET at most REQUEST_BUDGET.get times and the same POST (a server action, an API write) at most
 * REQUEST_BUDGET.post times. A component that re-fetches in a loop (issue 12: /api/auth/session
 * hundreds of times a second) blows this within milliseconds, so every e2e test catches one.
 */
export const REQUEST_BUDGET = { get: 4, post: 40 } as const;

export function watchRequestBudget(page: Page, problems: string[]) {
  let counts = new Map<string, number>();
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) counts = new Map();
  });
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol === "data:" || url.protocol === "blob:") return;
    url.hash = "";
    const key = `${request.method()} ${url.pathname}${url.search}`;
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    const limit = request.method() === "GET" ? REQUEST_BUDGET.get : REQUEST_BUDGET.post;
    if (count === limit + 1) problems.push(`request loop: ${key} sent more than ${limit} times in one navigation (on ${page.url()})`);
  });
}

/**
 * On a full document load of a page with a loading boundary, React streams the finished content
 * into a hidden `<div id="S:…">` and moves it into place on a later animation frame, which can
 * come after the load event. If an update reaches the boundary first, React renders the content
 * in place itself and the hidden copy lingers until that frame: a text query then finds it twice
 * (CI saw it). So every navigation that loads a document waits until no hidden copy is left;
 * content that never moves is a real fault and fails here.
 */
function awaitStreamedContentAfterLoads(page: Page) {
  const settle = async () => {
    try {
      await page.waitForFunction(() => document.querySelector('div[hidden][id^="S:"]') === null, undefined, { timeout: 15_000 });
    } catch (error) {
      throw new Error(`streamed content on ${page.url()} never replaced its loading placeholder`, { cause: error });
    }
  };
  const goto = page.goto.bind(page);
  page.goto = async (...args: Parameters<Page["goto"]>) => {
    const response = await goto(...args);
    await settle();
    return response;
  };
  const reload = page.reload.bind(page);
  page.reload = async (...args: Parameters<Page["reload"]>) => {
    const response = await reload(...args);
    await settle();
    return response;
  };
  const waitForURL = page.waitForURL.bind(page);
  page.waitForURL = async (...args: Parameters<Page["waitForURL"]>) => {
    await waitForURL(...args);
    await settle();
  };
}

/**
 * People open one address and then click. A journey that types a second URL skips the links and
 * buttons a person would use, and with them the bugs only clicks find (issue 12: a lesson opened
 * from the list lost its reading progress; opened by URL it worked). So a page may `goto` once per
 * test; a test whose subject is the address itself (a refused URL, a deep link, a 404) says so
 * with the TYPED_URL tag.
 */
export const TYPED_URL = "@typed-url";

function countTypedUrls(page: Page): () => string[] {
  const visited: string[] = [];
  const goto = page.goto.bind(page);
  page.goto = async (...args: Parameters<Page["goto"]>) => {
    visited.push(args[0]);
    return goto(...args);
  };
  return () => visited;
}

export function expectOneTypedUrl(visited: string[], tags: readonly string[]) {
  if (tags.includes(TYPED_URL)) return;
  expect(
    visited.length,
    `after the first page a journey clicks; it typed ${visited.join(", then ")} (tag the test ${TYPED_URL} if the address is its subject)`,
  ).toBeLessThanOrEqual(1);
}

// Fixture callbacks name Playwright's `use` argument `provide`, so the React hooks lint rule leaves them be.
export const test = base.extend<Fixtures>({
  page: async ({ page }, provide, testInfo) => {
    awaitStreamedContentAfterLoads(page);
    const typed = countTypedUrls(page);
    await provide(page);
    expectOneTypedUrl(typed(), testInfo.tags);
  },
  pageProblems: [
    async ({ page }, provide) => {
      const problems: string[] = [];
      watchForProblems(page, problems);
      await provide(problems);
      expect(problems, "no CSP violations or uncaught errors").toEqual([]);
    },
    { auto: true },
  ],
  newContextPage: async ({ browser, pageProblems }, provide, testInfo) => {
    const contexts: BrowserContext[] = [];
    const typedUrls: (() => string[])[] = [];
    await provide(async (options) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      const page = await context.newPage();
      watchForProblems(page, pageProblems);
      awaitStreamedContentAfterLoads(page);
      typedUrls.push(countTypedUrls(page));
      return page;
    });
    for (const context of contexts) await context.close();
    for (const typed of typedUrls) expectOneTypedUrl(typed(), testInfo.tags);
  },
});

export { expect };

export async function expectAccessible(page: Page) {
  // Next renders a page's metadata in its own Suspense boundary. When a server action re-renders
  // the page (finishing a quiz), React takes the <title> out of <head> and puts it back a moment
  // later: up to ~20 ms with the CPU loaded, measured. CI once ran axe in that gap (document-title).
  // Waiting for a title keeps the check honest: a page that never gets one still fails.
  await expect(page, "the page has a <title>").toHaveTitle(/\S/);
  let summary = await axeViolations(page);
  // A re-render still under way can take the title out again while axe runs: check once more
  // when that is the only finding.
  if (summary.length === 1 && summary[0]?.startsWith("document-title:")) {
    await expect(page, "the page has a <title>").toHaveTitle(/\S/);
    summary = await axeViolations(page);
  }
  expect(summary, "axe violations").toEqual([]);
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

export const DEMO = {
  password: "kerry-lavrov-2016",
  teacher: "teacher@backchannel.test",
  student: "amira@backchannel.test",
  student2: "leo@backchannel.test",
};

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

/** Opens a page from the header as a person would, or by its address when the tab is still empty. */
async function openFromHeader(page: Page, link: "Sign in" | "Sign up", path: string) {
  if (page.url() === "about:blank") await page.goto(path);
  else await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link, exact: true }).click();
  await page.waitForURL((url) => url.pathname === path);
}

/** Fills in and submits the sign-in form, without waiting for the outcome. */
export async function attemptSignIn(page: Page, email: string, password = DEMO.password) {
  await openFromHeader(page, "Sign in", "/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signIn(page: Page, email: string, password = DEMO.password) {
  await attemptSignIn(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
}

/**
 * Sign-up through the form. "Teacher" asks to be one: the account is a student until an
 * administrator approves (decision 0037). A test that needs a teacher and is not about how one
 * is made uses `signInAsNewTeacher`.
 */
export async function signUp(page: Page, { name, email, password, role }: { name: string; email: string; password: string; role: "Student" | "Teacher" }) {
  await openFromHeader(page, "Sign up", "/signup");
  await page.getByRole("radio", { name: role }).check();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/**
 * A new verified teacher (as an administrator's approval makes one), made through the shared
 * factories in the test database, then signed in through the sign-in form: the page ends on the
 * teacher's home; returns the account. `databaseUrl`: a spec's own server's database (e2e/support/own-server.ts).
 */
export async function signInAsNewTeacher(
  page: Page,
  { name, email, password }: { name: string; email: string; password: string },
  databaseUrl = E2E_DATABASE_URL,
) {
  const teacher = await createAccountIn(databaseUrl, { name, email, password, role: "TEACHER" });
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/teacher$/);
  return teacher;
}

/** Desktop, then phone width (390 px), into the test's output folder: the screens a change shows, to look at. */
export async function screenshots(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}-desktop.png`), fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath(`${name}-phone.png`), fullPage: true });
  if (size) await page.setViewportSize(size);
}
