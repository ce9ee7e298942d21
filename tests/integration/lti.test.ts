// LTI 1.3 launches and grade passback (decision 0051) against a real SQLite database and the test
// platform written from the specifications (tooling/lti-platform.ts), over real HTTP: its key
// set for the launch, its token endpoint checking our assertion against our published key set, its
// score service. Every refusal the issue names is refused: a forged token, a replayed nonce, a wrong
// audience, an expired token, an unknown deployment, an unknown issuer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLessons } from "@/lib/content";
import { db } from "@/lib/db";
import { completeLaunch, startLogin } from "@/lib/lti/flow";
import { toolKeySet } from "@/lib/lti/key-store";
import { LtiError } from "@/lib/lti/launch";
import { queueScore, sendDueScores } from "@/lib/lti/outbox";
import { startScoreSender } from "@/lib/lti/score-sender";
import { registerPlatform } from "@/lib/lti/platforms";
import { finishAttempt } from "@/lib/quiz/attempts";
import { ROLES, startTestPlatform, type TestPlatform } from "@/tooling/lti-platform";

const TOOL = "http://tool.example";
const LTI = "https://purl.imsglobal.org/spec/lti/claim/";
const slug = getLessons()[0]?.slug ?? "";
let platform: TestPlatform;
let counter = 0;

beforeAll(async () => {
  platform = await startTestPlatform({ loginUrl: `${TOOL}/api/lti/login`, launchUrl: `${TOOL}/api/lti/launch`, keySet: () => toolKeySet() });
  platform.addLink({ id: "quiz-link", title: "Lesson quiz", custom: { backchannel_resource: `quiz:${slug}` }, lineItem: true });
  await registerPlatform({
    name: "Test Moodle",
    issuer: platform.issuer,
    clientId: platform.clientId,
    deploymentIds: [platform.deploymentId],
    authLoginUrl: platform.authLoginUrl,
    tokenUrl: platform.tokenUrl,
    keySetUrl: platform.keySetUrl,
  });
});

afterAll(async () => {
  await platform.close();
});

/** A login initiation, as the platform starts it: the state and the nonce the tool gave. */
async function login() {
  const { redirect, state } = await startLogin(
    { iss: platform.issuer, login_hint: "x", target_link_uri: `${TOOL}/api/lti/launch`, client_id: platform.clientId },
    TOOL,
  );
  expect(redirect.origin + redirect.pathname).toBe(platform.authLoginUrl);
  return { state, nonce: redirect.searchParams.get("nonce") ?? "" };
}

function claims(nonce: string, overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    sub: `student-${counter}-${Date.now()}`,
    nonce,
    name: "Amira Haddad",
    [`${LTI}message_type`]: "LtiResourceLinkRequest",
    [`${LTI}version`]: "1.3.0",
    [`${LTI}deployment_id`]: platform.deploymentId,
    [`${LTI}target_link_uri`]: `${TOOL}/api/lti/launch`,
    [`${LTI}roles`]: [ROLES.learner],
    [`${LTI}resource_link`]: { id: "quiz-link" },
    [`${LTI}custom`]: { backchannel_resource: `quiz:${slug}` },
    "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint": {
      scope: ["https://purl.imsglobal.org/spec/lti-ags/scope/score"],
      lineitem: `${platform.issuer}/lineitems/quiz-link/lineitem`,
    },
    ...overrides,
  };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LtiError) return error.code === "message" ? `message: ${error.message}` : error.code;
    throw error;
  }
  return "accepted";
}

describe("an LTI launch", () => {
  it("signs a student in by platform and subject, opens the quiz, and its score reaches the platform after a 503", async () => {
    const { state, nonce } = await login();
    const body = claims(nonce);
    const { user, path } = await completeLaunch({ idToken: await platform.signIdToken(body), state, browserState: state });
    expect(user).toMatchObject({ name: "Amira Haddad", role: "STUDENT" });
    expect(path).toMatch(/^\/quiz\/attempt\/\w+$/);
    const attemptId = path.split("/").pop() ?? "";

    // The same person again: the same account.
    const again = await login();
    const second = await completeLaunch({
      idToken: await platform.signIdToken({ ...body, nonce: again.nonce }),
      state: again.state,
      browserState: again.state,
    });
    expect(second.user.id).toBe(user.id);

    await finishAttempt(user.id, attemptId);
    expect(await queueScore(attemptId)).toBe(true);
    platform.failScores(1);
    expect(await sendDueScores()).toBe(0);
    const waiting = await db.ltiScore.findUniqueOrThrow({ where: { attemptId } });
    expect(waiting).toMatchObject({ status: "PENDING", tries: 1, sentAt: null });
    expect(waiting.lastError).toMatch(/503/);
    // Not due yet: nothing is sent; after the wait it is.
    expect(await sendDueScores()).toBe(0);
    expect(await sendDueScores({ now: new Date(Date.now() + 60_000) })).toBe(1);
    const sent = await db.ltiScore.findUniqueOrThrow({ where: { attemptId } });
    expect(sent).toMatchObject({ status: "SENT", tries: 2, lastError: null });
    expect(sent.sentAt).not.toBeNull();
    expect(platform.refusedScores).toBe(1);
    expect(platform.scores.at(-1)).toMatchObject({ userId: body.sub, scoreMaximum: 100, activityProgress: "Completed", gradingProgress: "FullyGraded" });
  });

  it("sends a waiting score again by itself once its wait is over, with nobody visiting", async () => {
    const { state, nonce } = await login();
    const { user, path } = await completeLaunch({ idToken: await platform.signIdToken(claims(nonce)), state, browserState: state });
    const attemptId = path.split("/").pop() ?? "";
    await finishAttempt(user.id, attemptId);
    expect(await queueScore(attemptId)).toBe(true);
    platform.failScores(1);
    expect(await sendDueScores()).toBe(0);
    // The platform's 503 set a wait; it is over.
    await db.ltiScore.update({ where: { attemptId }, data: { nextTryAt: new Date(Date.now() - 1000) } });
    const stop = startScoreSender(50);
    try {
      await expect.poll(async () => (await db.ltiScore.findUniqueOrThrow({ where: { attemptId } })).status, { timeout: 10_000 }).toBe("SENT");
    } finally {
      stop();
    }
    expect(await db.ltiScore.findUniqueOrThrow({ where: { attemptId } })).toMatchObject({ tries: 2, lastError: null });
  });

  it("makes a teacher of the course's instructor", async () => {
    const { state, nonce } = await login();
    const { user, path } = await completeLaunch({
      idToken: await platform.signIdToken(claims(nonce, { [`${LTI}roles`]: [ROLES.instructor] })),
      state,
      browserState: state,
    });
    expect(user.role).toBe("TEACHER");
    expect(path).toMatch(/^\/teacher\/lti#link-/);
  });

  it("opens a class assignment: the student joins its class and starts the assignment's attempt", async () => {
    const classroom = await db.classroom.create({ data: { name: "LTI class", joinCode: `LTI${Date.now()}` } });
    const assignment = await db.assignment.create({
      data: {
        classId: classroom.id,
        kind: "LESSON",
        scopeId: slug,
        title: "Read and quiz",
        opensAt: new Date(Date.now() - 60_000),
        dueAt: new Date(Date.now() + 86_400_000),
      },
    });
    const { state, nonce } = await login();
    const { user, path } = await completeLaunch({
      idToken: await platform.signIdToken(
        claims(nonce, { [`${LTI}custom`]: { backchannel_resource: `assignment:${assignment.id}` }, [`${LTI}resource_link`]: { id: "assignment-link" } }),
      ),
      state,
      browserState: state,
    });
    const attemptId = path.split("/").pop() ?? "";
    expect(await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { userId: true, assignmentId: true } })).toEqual({
      userId: user.id,
      assignmentId: assignment.id,
    });
    expect(await db.classMember.count({ where: { classId: classroom.id, userId: user.id } })).toBe(1);
    expect(await db.ltiAttempt.count({ where: { attemptId } })).toBe(1);
  });

  it("refuses a link that names nothing in Backchannel, and a deep linking request from a student", async () => {
    const first = await login();
    expect(
      await refusal(
        completeLaunch({ idToken: await platform.signIdToken(claims(first.nonce, { [`${LTI}custom`]: {} })), state: first.state, browserState: first.state }),
      ),
    ).toBe("resource");
    const second = await login();
    const deepLinking = claims(second.nonce, {
      [`${LTI}message_type`]: "LtiDeepLinkingRequest",
      "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings": {
        deep_link_return_url: `${platform.issuer}/deep-link-return`,
        accept_types: ["ltiResourceLink"],
      },
    });
    expect(await refusal(completeLaunch({ idToken: await platform.signIdToken(deepLinking), state: second.state, browserState: second.state }))).toBe("role");
  });

  it("refuses a token signed by another key (forged)", async () => {
    const { state, nonce } = await login();
    expect(await refusal(completeLaunch({ idToken: await platform.signIdToken(claims(nonce), { key: "stranger" }), state, browserState: state }))).toBe(
      "signature",
    );
  });

  it("refuses a replayed launch", async () => {
    const { state, nonce } = await login();
    const idToken = await platform.signIdToken(claims(nonce));
    expect(await refusal(completeLaunch({ idToken, state, browserState: state }))).toBe("accepted");
    expect(await refusal(completeLaunch({ idToken, state, browserState: state }))).toBe("nonce");
  });

  it("refuses a token for another tool (wrong audience)", async () => {
    const { state, nonce } = await login();
    expect(
      await refusal(completeLaunch({ idToken: await platform.signIdToken(claims(nonce), { audience: "another-tool" }), state, browserState: state })),
    ).toBe("claims");
  });

  it("refuses an expired token", async () => {
    const { state, nonce } = await login();
    expect(await refusal(completeLaunch({ idToken: await platform.signIdToken(claims(nonce), { expiresIn: -120 }), state, browserState: state }))).toBe(
      "claims",
    );
  });

  it("refuses an unknown deployment", async () => {
    const { state, nonce } = await login();
    expect(
      await refusal(completeLaunch({ idToken: await platform.signIdToken(claims(nonce, { [`${LTI}deployment_id`]: "99" })), state, browserState: state })),
    ).toBe("deployment");
  });

  it("refuses an unknown issuer at login, and a launch posted into another browser", async () => {
    expect(await refusal(startLogin({ iss: "https://lms.unknown.example", login_hint: "x", target_link_uri: `${TOOL}/api/lti/launch` }, TOOL))).toBe("login");
    const { state, nonce } = await login();
    expect(await refusal(completeLaunch({ idToken: await platform.signIdToken(claims(nonce)), state, browserState: null }))).toBe("nonce");
  });
});
