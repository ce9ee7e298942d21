// The session user is read once per request (lib/auth/guards.ts wraps the lookup in React's
// cache): a teacher's class page asks for it four times (the teacher layout, the class layout,
// generateMetadata and the page), yet sends one SELECT on User. And the cache lives for one request
// only: the next request, by another person, gets its own user. Measured on a production server of
// this test's own, which writes every SQLite statement it prepares to a file
// (tooling/statement-probe.mjs).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { toolingClient } from "@/tooling/database-client";
import { DEMO_PASSWORD, DEMO_STUDENT, DEMO_TEACHER } from "@/tooling/demo-class";
import { prepareFreshDatabase } from "@/tooling/fresh-database";
import { HttpSession, signIn } from "@/tooling/http";
import { freePort, startServer, statementProbeEnv, stopServer, waitUntilUp, type RunningServer } from "@/tooling/next-server";
import { assertBuilt } from "./own-server";

const CLASS_NAME = "Session Lookups 101";

let work = "";
let server: RunningServer | null = null;
let logFile = "";
let classId = "";

beforeAll(async () => {
  assertBuilt();
  work = fs.mkdtempSync(path.join(os.tmpdir(), "backchannel-session-user-"));
  const dbFile = path.join(work, "app.db");
  prepareFreshDatabase(`file:${dbFile}`, { stdio: "pipe" });
  const db = toolingClient({ provider: "sqlite", filePath: dbFile });
  try {
    const teacher = await db.user.findUniqueOrThrow({ where: { email: DEMO_TEACHER }, select: { id: true } });
    ({ id: classId } = await db.classroom.create({
      data: {
        name: CLASS_NAME,
        joinCode: `SESS-${crypto.randomBytes(2).toString("hex").toUpperCase()}`,
        teachers: { create: { userId: teacher.id, role: "OWNER" } },
      },
      select: { id: true },
    }));
  } finally {
    await db.$disconnect();
  }
  logFile = path.join(work, "statements.jsonl");
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    AUTH_SECRET: `session-user-${crypto.randomBytes(16).toString("hex")}`,
    DATABASE_URL: `file:${dbFile}`,
    ...statementProbeEnv(logFile),
  };
  server = startServer(port, env, null);
  await waitUntilUp(server, 120_000);
}, 300_000);

afterAll(async () => {
  if (server) await stopServer(server);
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** The statements sent since the last call (the file is emptied each time). */
function takeStatements(): string[] {
  const lines = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").split("\n").filter(Boolean) : [];
  fs.writeFileSync(logFile, "");
  return lines.map((line) => JSON.parse(line) as string);
}

// getSessionUser's lookup: User by id, selecting exactly id, email, name, role, session version, administrator flag and teacher request.
const isSessionUserLookup = (sql: string) =>
  /^SELECT `main`\.`User`\.`id`, `main`\.`User`\.`email`, `main`\.`User`\.`name`, `main`\.`User`\.`role`, `main`\.`User`\.`sessionVersion`, `main`\.`User`\.`isAdmin`, `main`\.`User`\.`teacherRequestedAt` FROM `main`\.`User` WHERE \(`main`\.`User`\.`id` = \?/.test(
    sql,
  );

async function signedIn(email: string): Promise<HttpSession> {
  const session = new HttpSession(server!.port);
  expect(await signIn(session, email, DEMO_PASSWORD), `sign in as ${email}`).toBe(true);
  return session;
}

test("one render of a teacher's class page reads the session user once, and each request reads its own", { timeout: 120_000 }, async () => {
  const teacher = await signedIn(DEMO_TEACHER);
  const student = await signedIn(DEMO_STUDENT);
  try {
    const classPage = `/teacher/classes/${classId}`;
    takeStatements();

    const first = await teacher.request("GET", classPage);
    expect(first.status).toBe(200);
    expect(first.body).toContain(CLASS_NAME);
    const lookups = takeStatements().filter(isSessionUserLookup);
    expect(lookups, "User lookups for one render of the class page").toHaveLength(1);

    // The next request is another person's: a cache that outlived the teacher's request would
    // show the student the class page, and send no lookup.
    const forbidden = await student.request("GET", classPage);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).not.toContain(CLASS_NAME);
    expect(takeStatements().filter(isSessionUserLookup), "the student's request looks up the student").toHaveLength(1);

    const again = await teacher.request("GET", classPage);
    expect(again.status).toBe(200);
    expect(takeStatements().filter(isSessionUserLookup), "and the teacher's next request looks up the teacher again").toHaveLength(1);
  } finally {
    teacher.close();
    student.close();
  }
});
