/**
 * The launch against the database (decision 0051): the login initiation stores a state and nonce;
 * the launch spends them once, verifies the platform's token (lib/lti/launch.ts), finds or makes
 * the account linked to platform + subject, records the link and decides where the person lands.
 */
import { randomBytes } from "node:crypto";
import { createRemoteJWKSet, type JWTVerifyGetKey } from "jose";
import { db } from "@/lib/db";
import type { AuthenticatedUser } from "@/lib/auth/authenticate";
import { DomainError } from "@/lib/errors";
import { startOrResumeAttempt } from "@/lib/quiz/attempts";
import { startAssignmentAttempt } from "@/lib/teacher/assignments";
import { SCORE_SCOPE } from "./ags";
import { LtiError, loginRedirect, verifyLaunch, type Launch, type LoginRequest } from "./launch";
import { platformFor, type StoredPlatform } from "./platforms";
import { toolUrls } from "./platform-fields";
import { parseResource, resourceKey, RESOURCE_PARAM, type LtiResource } from "./resources";

export const LAUNCH_STATE_LIFETIME_MS = 10 * 60_000;
export const DEEP_LINK_LIFETIME_MS = 60 * 60_000;
export const STATE_COOKIE = "lti_state";

/** Login initiation: where the browser goes next, and the state to bind to it (a cookie). */
export async function startLogin(request: LoginRequest, baseUrl: string, now = new Date()): Promise<{ redirect: URL; state: string }> {
  const platform = await platformFor(request.iss, request.client_id ?? null);
  if (!platform) throw new LtiError("login", "This platform is not registered with Backchannel. Ask your Backchannel administrator to register it.");
  const state = randomBytes(24).toString("base64url");
  const nonce = randomBytes(24).toString("base64url");
  const redirect = loginRedirect(request, platform, { redirectUri: toolUrls(baseUrl).launchUrl, state, nonce });
  await db.ltiLaunchState.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.ltiLaunchState.create({ data: { state, nonce, platformId: platform.id, expiresAt: new Date(now.getTime() + LAUNCH_STATE_LIFETIME_MS) } });
  return { redirect, state };
}

const keySets = new Map<string, JWTVerifyGetKey>();
/** The platform's key set, fetched and cached by jose (refetched for an unknown kid). */
function remoteKeys(url: string): JWTVerifyGetKey {
  let keys = keySets.get(url);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(url), { timeoutDuration: 10_000 });
    keySets.set(url, keys);
  }
  return keys;
}

export type Landing = { user: AuthenticatedUser; path: string };

/**
 * The launch: `state` from the form, `browserState` from this browser's cookie (a launch posted
 * into another person's browser is refused). `keys` stands in for the platform's key set in tests.
 */
export async function completeLaunch(
  { idToken, state, browserState }: { idToken: string; state: string; browserState: string | null },
  { now = new Date(), keys }: { now?: Date; keys?: JWTVerifyGetKey } = {},
): Promise<Landing> {
  const row = await db.ltiLaunchState.findUnique({ where: { state }, include: { platform: true } });
  if (!row || row.expiresAt < now) throw new LtiError("nonce", "This launch has expired or was not started here. Open Backchannel again from your course.");
  if (browserState !== state) throw new LtiError("nonce", "This launch was started in another browser. Open Backchannel again from your course.");
  const platform: StoredPlatform = {
    ...row.platform,
    deploymentIds: Array.isArray(row.platform.deploymentIds) ? row.platform.deploymentIds.filter((d): d is string => typeof d === "string") : [],
  };
  const launch = await verifyLaunch(idToken, platform, keys ?? remoteKeys(platform.keySetUrl), {
    expectedNonce: row.nonce,
    now,
    spendNonce: async (nonce) => (await db.ltiLaunchState.updateMany({ where: { state, nonce, spentAt: null }, data: { spentAt: now } })).count === 1,
  });
  const user = await accountFor(platform, launch);
  return { user, path: await landingFor(platform, launch, user, now) };
}

const USER_SELECT = { id: true, email: true, name: true, role: true, sessionVersion: true, isAdmin: true } as const;

/**
 * The account linked to platform + subject, made on the first launch. Never joined to an existing
 * account by email (a platform could claim anyone's). A platform's teaching role makes a teacher:
 * an administrator registered the platform, vouching for its roles (decision 0051).
 */
async function accountFor(platform: StoredPlatform, launch: Launch): Promise<AuthenticatedUser> {
  const linked = await db.ltiIdentity.findUnique({
    where: { platformId_subject: { platformId: platform.id, subject: launch.subject } },
    select: { user: { select: USER_SELECT } },
  });
  if (linked) {
    if (launch.role === "TEACHER" && linked.user.role !== "TEACHER") {
      return db.user.update({ where: { id: linked.user.id }, data: { role: "TEACHER", teacherRequestedAt: null }, select: USER_SELECT });
    }
    return linked.user;
  }
  const emailFree = launch.email ? (await db.user.count({ where: { email: launch.email.toLowerCase() } })) === 0 : false;
  // Without a free email of its own, the account gets an address that can receive nothing.
  const email =
    emailFree && launch.email ? launch.email.toLowerCase() : `lti-${randomBytes(8).toString("hex")}@${new URL(platform.issuer).hostname}.lti.invalid`;
  const name = (launch.name ?? "").trim().slice(0, 100) || (launch.role === "TEACHER" ? "Teacher" : "Student");
  try {
    return await db.user.create({
      data: { email, name, passwordHash: "", role: launch.role, ltiIdentities: { create: { platformId: platform.id, subject: launch.subject } } },
      select: USER_SELECT,
    });
  } catch (error) {
    // Two first launches at once: the other one made the account.
    const again = await db.ltiIdentity.findUnique({
      where: { platformId_subject: { platformId: platform.id, subject: launch.subject } },
      select: { user: { select: USER_SELECT } },
    });
    if (again) return again.user;
    throw error;
  }
}

async function landingFor(platform: StoredPlatform, launch: Launch, user: AuthenticatedUser, now: Date): Promise<string> {
  if (launch.kind === "deep-linking") {
    if (user.role !== "TEACHER" || !launch.deepLinking) throw new LtiError("role", "Only a course's teachers can add Backchannel content to it.");
    const request = await db.ltiDeepLinkRequest.create({
      data: {
        platformId: platform.id,
        userId: user.id,
        deploymentId: launch.deploymentId,
        returnUrl: launch.deepLinking.returnUrl,
        data: launch.deepLinking.data,
        expiresAt: new Date(now.getTime() + DEEP_LINK_LIFETIME_MS),
      },
    });
    return `/lti/deep-link/${request.id}`;
  }
  const resource = parseResource(launch.custom[RESOURCE_PARAM]);
  if (!resource) {
    throw new LtiError(
      "resource",
      "This course link does not say which lesson or quiz of Backchannel it opens. Ask the teacher to add it again with “Select content”.",
    );
  }
  const link = await recordLink(platform, launch, resource, user);
  if (resource.kind === "lesson") return `/lessons/${resource.slug}`;
  // Teachers see the link's scores; students take the quiz.
  if (user.role === "TEACHER") return `/teacher/lti#link-${link.id}`;
  const attemptId = await startFor(user.id, resource);
  if (link.lineItemUrl) {
    await db.ltiAttempt.upsert({ where: { attemptId }, create: { attemptId, resourceLinkId: link.id, subject: launch.subject }, update: {} });
  }
  return `/quiz/attempt/${attemptId}`;
}

async function startFor(userId: string, resource: Exclude<LtiResource, { kind: "lesson" }>): Promise<string> {
  if (resource.kind === "quiz") {
    return (await startOrResumeAttempt(userId, resource.slug ? { kind: "LESSON", scopeId: resource.slug } : { kind: "MIXED", scopeId: null })).id;
  }
  // The course's roster is the platform's: a student launched into a class assignment joins the class.
  const assignment = await db.assignment.findUnique({ where: { id: resource.assignmentId }, select: { classId: true } });
  if (!assignment) throw new DomainError("not_found", "This assignment no longer exists in Backchannel. Tell your teacher.");
  await db.classMember.upsert({
    where: { classId_userId: { classId: assignment.classId, userId } },
    create: { classId: assignment.classId, userId },
    update: {},
  });
  return (await startAssignmentAttempt(userId, resource.assignmentId)).attemptId;
}

async function recordLink(platform: StoredPlatform, launch: Launch, resource: LtiResource, user: AuthenticatedUser) {
  const linkId = launch.resourceLinkId ?? "";
  const lineItemUrl = launch.grades?.lineItem && launch.grades.scopes.includes(SCORE_SCOPE) ? launch.grades.lineItem : null;
  const existing = await db.ltiResourceLink.findUnique({ where: { platformId_linkId: { platformId: platform.id, linkId } }, select: { teacherIds: true } });
  const teachers = new Set(Array.isArray(existing?.teacherIds) ? existing.teacherIds.filter((id): id is string => typeof id === "string") : []);
  if (user.role === "TEACHER") teachers.add(user.id);
  const data = {
    resource: resourceKey(resource),
    contextId: launch.context?.id ?? null,
    contextTitle: launch.context?.title ?? null,
    teacherIds: [...teachers],
    // A teacher's launch may come without the grade claim; the link keeps the line item it had.
    ...(lineItemUrl ? { lineItemUrl } : {}),
  };
  return db.ltiResourceLink.upsert({
    where: { platformId_linkId: { platformId: platform.id, linkId } },
    create: { platformId: platform.id, linkId, title: null, lineItemUrl, ...data },
    update: data,
    select: { id: true, lineItemUrl: true },
  });
}
