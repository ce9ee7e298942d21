// Verified teachers (issue 15, item 6; decision 0037), by clicks: asking to be a teacher at sign-up
// makes a student account with a pending request, the administrator (the demo teacher) is emailed
// and approves it in /admin, and the new teacher reaches the teacher area; an administrator's
// emailed invitation signs up a verified teacher. Mail goes through a real SMTP server in this
// process to a server of this spec's own (SMTP_URL, AUTH_URL), as e2e/sessions.spec.ts does.
import type { Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, screenshots, signIn, signUp, test, uniqueEmail } from "./support/fixtures";
import { startOwnServer, type OwnServer } from "./support/own-server";
import { startMailCatcher, type CaughtMail, type MailCatcher } from "../tooling/mail-catcher";

const header = (page: Page) => page.getByRole("navigation", { name: "Main" });
const PASSWORD = "a careful reader of Bishara";

let smtp: MailCatcher;
let inbox: CaughtMail[] = [];
let server: OwnServer;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  // A server of its own: migrating, seeding and starting it takes a while on a loaded machine.
  test.setTimeout(240_000);
  smtp = await startMailCatcher();
  inbox = smtp.inbox;
  server = await startOwnServer("e2e-admin", {
    env: (baseURL) => ({ SMTP_URL: smtp.smtpUrl, MAIL_FROM: "Backchannel <no-reply@example.test>", AUTH_URL: baseURL }),
  });
});

test.afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

test("a teacher sign-up waits as a student until the administrator approves it", async ({ newContextPage }, testInfo) => {
  test.setTimeout(240_000);
  const email = uniqueEmail("pending");
  const page = await newContextPage({ baseURL: server.baseURL });
  await signUp(page, { name: "Petra Pending", email, password: PASSWORD, role: "Teacher" });

  // A student account for now, and the page says so plainly.
  await expect(page).toHaveURL(/\/dashboard$/);
  const notice = page.getByRole("region", { name: "Teacher request pending" });
  await expect(notice).toContainText("The administrator of this Backchannel has been told");
  await expect(notice).toContainText("Meanwhile you can use Backchannel as a student");
  await expect(header(page).getByRole("link", { name: "Questions" })).toHaveCount(0);
  await expect(header(page).locator('a[href="/teacher"]')).toHaveCount(0);
  await expect(header(page).getByRole("link", { name: "Admin" })).toHaveCount(0);
  expect((await page.request.get("/teacher", { maxRedirects: 0 })).status(), "the teacher area is refused").toBe(403);
  expect((await page.request.get("/teacher/questions", { maxRedirects: 0 })).status(), "so are the built-in keys").toBe(403);
  await expectAccessible(page);
  await screenshots(page, testInfo, "teacher-request-pending");
  await header(page).getByRole("link", { name: "Account: Petra Pending" }).click();
  await expect(page.getByRole("region", { name: "Teacher request pending" })).toBeVisible();
  await header(page).getByRole("button", { name: "Sign out" }).click();
  await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();

  // The administrator is told by email, with a link to the administration page.
  await expect.poll(() => inbox.filter((mail) => mail.to === DEMO.teacher && mail.subject === "Teacher request from Petra Pending").length).toBe(1);
  expect(inbox.find((mail) => mail.subject === "Teacher request from Petra Pending")?.text).toContain(`${server.baseURL}/admin`);

  const admin = await newContextPage({ baseURL: server.baseURL });
  await signIn(admin, DEMO.teacher);
  await header(admin).getByRole("link", { name: "Admin" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();
  const requests = admin.getByRole("region", { name: "Teacher requests" });
  await expect(requests.getByRole("listitem").filter({ hasText: "Petra Pending" })).toContainText(email);
  await expectAccessible(admin);
  await screenshots(admin, testInfo, "admin");
  await requests.getByRole("button", { name: "Approve Petra Pending as a teacher" }).click();
  await expect(requests.getByText("Petra Pending")).toHaveCount(0);
  await expect(admin.getByRole("region", { name: "Teachers" }).getByRole("listitem").filter({ hasText: email })).toBeVisible();
  // The administrator cannot remove her own teacher role here.
  await expect(admin.getByRole("region", { name: "Teachers" }).getByRole("listitem").filter({ hasText: DEMO.teacher })).not.toContainText(
    "Remove teacher role",
  );
  await expectAccessible(admin);

  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/teacher$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your classes" })).toBeVisible();
  await expect(header(page).getByRole("link", { name: "Questions" })).toBeVisible();
  await expect(header(page).getByRole("link", { name: "Admin" })).toHaveCount(0);

  // Removing the role again takes effect on her next request.
  await admin.getByRole("button", { name: "Remove Petra Pending's teacher role" }).click();
  await expect(admin.getByRole("region", { name: "Teachers" }).getByText(email)).toHaveCount(0);
  await header(page).getByRole("link", { name: "Questions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Not available to your account" })).toBeVisible();
});

test("an administrator's emailed invitation signs up a verified teacher, once", async ({ newContextPage }, testInfo) => {
  test.setTimeout(240_000);
  const email = uniqueEmail("invited");
  const admin = await newContextPage({ baseURL: server.baseURL });
  await signIn(admin, DEMO.teacher);
  await header(admin).getByRole("link", { name: "Admin" }).click();
  await admin.getByLabel("Teacher's email").fill("not an email");
  await admin.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByText("Enter a valid email address, like name@school.org.")).toBeVisible();
  await admin.getByLabel("Teacher's email").fill(email);
  await admin.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByText(`Invitation sent to ${email}. The link works once, for 7 days.`)).toBeVisible();
  await expect(admin.getByRole("region", { name: "Invite a teacher" })).toContainText(email);
  await admin.getByLabel("Teacher's email").fill(DEMO.teacher);
  await admin.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByText(`${DEMO.teacher} is already a teacher.`).first()).toBeVisible();

  await expect.poll(() => inbox.filter((mail) => mail.to === email).length, { message: "the invitation reaches the SMTP server" }).toBe(1);
  const mail = inbox.find((m) => m.to === email)!;
  expect(mail.subject).toBe("You are invited to teach on Backchannel");
  const link = new RegExp(`${server.baseURL}/teacher-invitation\\?token=[A-Za-z0-9_-]{43}`).exec(mail.text)?.[0];
  expect(link, "the mail holds a link to this server").toBeDefined();

  // The invited teacher opens the mail and clicks its link.
  const invited = await newContextPage({ baseURL: server.baseURL });
  await invited.setContent(`<main><h1>Your mail</h1><a href="${link}">${link}</a></main>`);
  await invited.getByRole("link", { name: link! }).click();
  await expect(invited.getByRole("heading", { level: 1, name: "Teacher invitation" })).toBeVisible();
  await expect(invited.getByLabel("Email")).toHaveValue(email);
  await expectAccessible(invited);
  await screenshots(invited, testInfo, "teacher-invitation");
  await invited.getByLabel("Name").fill("Ivo Invited");
  await invited.getByLabel("Password").fill("password123");
  await invited.getByRole("button", { name: "Create teacher account" }).click();
  await expect(invited.getByText("That password is one of the most common ones. Choose another.")).toBeVisible();
  await invited.getByLabel("Password").fill(PASSWORD);
  await invited.getByRole("button", { name: "Create teacher account" }).click();
  await expect(invited).toHaveURL(/\/teacher$/);
  await expect(invited.getByRole("heading", { level: 1, name: "Your classes" })).toBeVisible();

  // The link works once.
  const again = await newContextPage({ baseURL: server.baseURL });
  await again.setContent(`<main><h1>Your mail</h1><a href="${link}">${link}</a></main>`);
  await again.getByRole("link", { name: link! }).click();
  await expect(again.getByText("This invitation has expired or has already been used.")).toBeVisible();
});

test("signed in with the invited email, following the invitation makes the account a teacher", async ({ newContextPage }) => {
  test.setTimeout(240_000);
  const email = uniqueEmail("promoted");
  const student = await newContextPage({ baseURL: server.baseURL });
  await signUp(student, { name: "Sara Student", email, password: PASSWORD, role: "Student" });
  await expect(student).toHaveURL(/\/dashboard$/);

  const admin = await newContextPage({ baseURL: server.baseURL });
  await signIn(admin, DEMO.teacher);
  await header(admin).getByRole("link", { name: "Admin" }).click();
  await admin.getByLabel("Teacher's email").fill(email);
  await admin.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByText(`Invitation sent to ${email}.`, { exact: false })).toBeVisible();
  await expect.poll(() => inbox.filter((mail) => mail.to === email).length).toBe(1);
  const link = new RegExp(`${server.baseURL}/teacher-invitation\\?token=[A-Za-z0-9_-]{43}`).exec(inbox.find((m) => m.to === email)?.text ?? "")?.[0];
  expect(link).toBeDefined();

  await student.setContent(`<main><h1>Your mail</h1><a href="${link}">${link}</a></main>`);
  await student.getByRole("link", { name: link! }).click();
  await expect(student.getByText(`You are signed in as ${email}.`)).toBeVisible();
  await expectAccessible(student);
  await student.getByRole("button", { name: "Accept and become a teacher" }).click();
  await expect(student).toHaveURL(/\/teacher$/);
  await expect(student.getByRole("heading", { level: 1, name: "Your classes" })).toBeVisible();
  // The header follows at once: the session was read again.
  await expect(header(student).getByRole("link", { name: "Questions" })).toBeVisible();
});
