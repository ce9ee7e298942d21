// Backchannel as an LTI 1.3 tool (issue 17, decision 0051), by clicks in Chromium against a course
// platform written for the tests from the 1EdTech specifications (tooling/lti-platform.ts),
// running in this process. A server of this spec's own: the administrator registers the platform
// there, a student opens a quiz from the course and its score reaches the platform's gradebook
// (after the platform first answers 503), the teacher sees it sent, and adds a lesson to the course
// by Deep Linking. A launch from a deployment that is not registered is refused with a clear page.
import type { Page } from "@playwright/test";
import { lessons } from "./support/content";
import { DEMO, expect, expectAccessible, screenshots, signIn, test } from "./support/fixtures";
import { startOwnServer, type OwnServer } from "./support/own-server";
import { answerEveryQuestion } from "./support/quiz-player";
import { ROLES, startTestPlatform, type TestPlatform } from "../tooling/lti-platform";

const lesson = lessons[0];
if (!lesson) throw new Error("no lessons");
const QUIZ_LINK = `Quiz on ${lesson.title}`;
const STUDENT = { sub: "moodle-student-7", name: "Noor Saleh", roles: [ROLES.learner] };
const TEACHER = { sub: "moodle-teacher-2", name: "Elin Lindqvist", roles: [ROLES.instructor] };
const header = (page: Page) => page.getByRole("navigation", { name: "Main" });

test.describe("LTI 1.3", () => {
  // Launches through the platform, a whole quiz, axe and screenshots: slow on two shared cores.
  test.describe.configure({ mode: "serial", timeout: 180_000 });
  let platform: TestPlatform;
  let server: OwnServer;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    platform = await startTestPlatform();
    server = await startOwnServer("e2e-lti", {
      env: (baseURL) => {
        // The platform's side of the registration: the tool's addresses, typed in by its administrator.
        platform.registerTool({ loginUrl: `${baseURL}/api/lti/login`, launchUrl: `${baseURL}/api/lti/launch`, keySet: `${baseURL}/api/lti/jwks` });
        return { AUTH_URL: baseURL };
      },
    });
    platform.addUser(STUDENT);
    platform.addUser(TEACHER);
    platform.addLink({ id: "link-quiz", title: QUIZ_LINK, custom: { backchannel_resource: `quiz:${lesson.slug}` }, lineItem: true });
    platform.addLink({ id: "link-other", title: "Backchannel (old deployment)", custom: {}, lineItem: false, deploymentId: "99" });
  });

  test.afterAll(async () => {
    await server?.stop();
    await platform?.close();
  });

  test("the administrator registers the course platform, with clear errors for bad input", async ({ newContextPage }, testInfo) => {
    const admin = await newContextPage({ baseURL: server.baseURL });
    await signIn(admin, DEMO.teacher);
    await header(admin).getByRole("link", { name: "Admin" }).click();
    await admin.getByRole("link", { name: "Course platforms (LTI 1.3)" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Course platforms (LTI 1.3)" })).toBeVisible();
    // The tool's addresses, to copy into the platform.
    await expect(admin.getByText(`${server.baseURL}/api/lti/login`)).toBeVisible();
    await expect(admin.getByText(`${server.baseURL}/api/lti/jwks`)).toBeVisible();

    const form = admin.getByRole("region", { name: "Register a platform" });
    await form.getByLabel("Name").fill("Northfield Moodle");
    await form.getByLabel("Platform ID (issuer)").fill("not an address");
    await form.getByRole("button", { name: "Register platform" }).click();
    await expect(form.getByText("The issuer (platform ID) must be a full web address")).toBeVisible();
    await expect(form.getByText("Give the client ID the platform gave Backchannel.")).toBeVisible();
    await expect(form.getByText("Give at least one deployment ID")).toBeVisible();
    // What was typed stays.
    await expect(form.getByLabel("Name")).toHaveValue("Northfield Moodle");
    await expectAccessible(admin);
    await screenshots(admin, testInfo, "admin-lti-errors");

    await form.getByLabel("Platform ID (issuer)").fill(platform.issuer);
    await form.getByLabel("Client ID").fill(platform.clientId);
    await form.getByLabel("Authentication request URL").fill(platform.authLoginUrl);
    await form.getByLabel("Access token URL").fill(platform.tokenUrl);
    await form.getByLabel("Public keyset URL").fill(platform.keySetUrl);
    await form.getByLabel("Deployment IDs").fill(platform.deploymentId);
    await form.getByRole("button", { name: "Register platform" }).click();
    await expect(admin.getByText("Northfield Moodle is registered.")).toBeVisible();
    await expect(admin.getByRole("heading", { level: 3, name: "Northfield Moodle" })).toBeVisible();
    await expectAccessible(admin);
    await screenshots(admin, testInfo, "admin-lti");
  });

  test("a student opens the quiz from the course; the score reaches the platform after a 503, and the teacher sees it sent", async ({
    newContextPage,
  }, testInfo) => {
    platform.failScores(1);
    const student = await newContextPage({ baseURL: server.baseURL });
    await student.goto(platform.courseUrl(STUDENT.sub));
    await student.getByRole("button", { name: `Open ${QUIZ_LINK}` }).click();
    // Signed in as the platform's person, straight into the quiz.
    await expect(student).toHaveURL(/\/quiz\/attempt\/\w+$/);
    await expect(header(student).getByText(STUDENT.name)).toBeVisible();
    await answerEveryQuestion(student);
    await student.getByRole("button", { name: "Finish and see your score" }).click();
    await expect(student.getByRole("heading", { name: "Your score: 100%" })).toBeVisible();
    // The first try is refused with a 503; the score waits in the outbox.
    await expect.poll(() => platform.refusedScores, { timeout: 30_000 }).toBe(1);
    expect(platform.scores).toEqual([]);

    const teacher = await newContextPage({ baseURL: server.baseURL });
    await teacher.goto(platform.courseUrl(TEACHER.sub));
    await teacher.getByRole("button", { name: `Open ${QUIZ_LINK}` }).click();
    await expect(teacher.getByRole("heading", { level: 1, name: "Scores sent to your courses" })).toBeVisible();
    const row = teacher.getByRole("row", { name: new RegExp(STUDENT.name) });
    // Opening the page sends what is due; a score not yet due is sent by the button.
    const sendNow = teacher.getByRole("button", { name: "Send waiting scores now" });
    if (await sendNow.isVisible()) {
      await expect(row).toContainText("waiting");
      await expect(row).toContainText("503");
      await sendNow.click();
    }
    await expect(row).toContainText("sent");
    await expect(row.getByRole("cell").nth(0)).toHaveText("100 / 100");
    await expect(row.locator("time")).toBeVisible();
    await expect(row.getByRole("cell").last()).toHaveText("2");
    expect(platform.refusedScores).toBe(1);
    expect(platform.scores).toEqual([
      expect.objectContaining({ userId: STUDENT.sub, scoreGiven: 100, scoreMaximum: 100, activityProgress: "Completed", gradingProgress: "FullyGraded" }),
    ]);
    await expectAccessible(teacher);
    await screenshots(teacher, testInfo, "teacher-lti-scores");
  });

  test("a teacher adds a lesson to the course by Deep Linking", async ({ newContextPage }, testInfo) => {
    const teacher = await newContextPage({ baseURL: server.baseURL });
    await teacher.goto(platform.courseUrl(TEACHER.sub));
    await teacher.getByRole("button", { name: "Add Backchannel content" }).click();
    await expect(teacher.getByRole("heading", { level: 1, name: "Choose what to add" })).toBeVisible();
    await expect(teacher.getByText("Adding to a course in Northfield Moodle")).toBeVisible();
    await expectAccessible(teacher);
    await screenshots(teacher, testInfo, "lti-deep-link-picker");
    await teacher.getByRole("button", { name: `Add ${lesson.title}`, exact: true }).click();
    // Back at the platform, which checked the signed response with Backchannel's key set.
    await expect(teacher.getByText(`Added to the course: ${lesson.title}`)).toBeVisible();
    expect(platform.deepLinked).toEqual([
      expect.objectContaining({ type: "ltiResourceLink", title: lesson.title, custom: { backchannel_resource: `lesson:${lesson.slug}` } }),
    ]);
    expect(platform.deepLinked[0]).not.toHaveProperty("lineItem");
  });

  test("a launch from a deployment that is not registered is refused with a page that says so", async ({ newContextPage }, testInfo) => {
    const student = await newContextPage({ baseURL: server.baseURL });
    await student.goto(platform.courseUrl(STUDENT.sub));
    await student.getByRole("button", { name: "Open Backchannel (old deployment)" }).click();
    await expect(student.getByRole("heading", { level: 1, name: "This deployment is not registered" })).toBeVisible();
    await expectAccessible(student);
    await screenshots(student, testInfo, "lti-refused");
  });
});
