// A launch as a platform signs it, with keys made here: the real jose verification, no mocks.
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { LTI_CLAIM, LtiError, loginRedirect, verifyLaunch, type PlatformRegistration } from "./launch";
import { roleFromLtiRoles } from "./roles";

const PLATFORM: PlatformRegistration = {
  issuer: "https://moodle.school.example",
  clientId: "backchannel-client",
  deploymentIds: ["dep-1"],
  authLoginUrl: "https://moodle.school.example/mod/lti/auth.php",
};
const NOW = new Date("2026-12-06T10:00:00Z");
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
const INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

let platformKey: CryptoKey;
let strangerKey: CryptoKey;
let keys: ReturnType<typeof createLocalJWKSet>;

beforeAll(async () => {
  const platform = await generateKeyPair("RS256");
  const stranger = await generateKeyPair("RS256");
  platformKey = platform.privateKey;
  strangerKey = stranger.privateKey;
  const jwk: JWK = { ...(await exportJWK(platform.publicKey)), kid: "platform-1", alg: "RS256", use: "sig" };
  keys = createLocalJWKSet({ keys: [jwk] });
});

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    nonce: "nonce-1",
    name: "Amira Haddad",
    email: "amira@school.example",
    [`${LTI_CLAIM}message_type`]: "LtiResourceLinkRequest",
    [`${LTI_CLAIM}version`]: "1.3.0",
    [`${LTI_CLAIM}deployment_id`]: "dep-1",
    [`${LTI_CLAIM}target_link_uri`]: "https://backchannel.example/lessons/potato-diplomacy",
    [`${LTI_CLAIM}roles`]: [LEARNER],
    [`${LTI_CLAIM}resource_link`]: { id: "link-7", title: "Potato diplomacy" },
    [`${LTI_CLAIM}context`]: { id: "course-12", title: "Year 12 Politics" },
    [`${LTI_CLAIM}custom`]: { backchannel_resource: "lesson:potato-diplomacy", unsubstituted: 3 },
    "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint": {
      scope: ["https://purl.imsglobal.org/spec/lti-ags/scope/score"],
      lineitem: "https://moodle.school.example/mod/lti/services.php/2/lineitems/5/lineitem",
    },
    ...overrides,
  };
}

async function sign(
  body: Record<string, unknown>,
  { key = platformKey, kid = "platform-1", issuer = PLATFORM.issuer, audience = PLATFORM.clientId as string | string[], issuedAt = NOW, lifetime = 300 } = {},
) {
  return new SignJWT(body)
    .setProtectedHeader({ alg: "RS256", kid })
    .setIssuer(issuer)
    .setAudience(audience)
    .setSubject("moodle-user-42")
    .setIssuedAt(seconds(issuedAt))
    .setExpirationTime(seconds(issuedAt) + lifetime)
    .sign(key);
}

/** Nonces spent so far, as the database keeps them. */
function nonceBook() {
  const spent = new Set<string>();
  return async (nonce: string) => {
    if (spent.has(nonce)) return false;
    spent.add(nonce);
    return true;
  };
}

const verify = (token: string, spendNonce = nonceBook(), expectedNonce = "nonce-1") =>
  verifyLaunch(token, PLATFORM, keys, { expectedNonce, spendNonce, now: NOW });

async function refusal(promise: Promise<unknown>): Promise<LtiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LtiError) return error;
    throw error;
  }
  throw new Error("expected the launch to be refused");
}

describe("the login step", () => {
  it("sends the browser to the platform's authorisation endpoint with everything Core 1.3 asks", () => {
    const url = loginRedirect(
      {
        iss: PLATFORM.issuer,
        login_hint: "42",
        target_link_uri: "https://backchannel.example/lessons/potato-diplomacy",
        lti_message_hint: "m-9",
        client_id: PLATFORM.clientId,
      },
      PLATFORM,
      { redirectUri: "https://backchannel.example/api/lti/launch", state: "state-1", nonce: "nonce-1" },
    );
    expect(url.origin + url.pathname).toBe(PLATFORM.authLoginUrl);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      scope: "openid",
      response_type: "id_token",
      response_mode: "form_post",
      prompt: "none",
      client_id: PLATFORM.clientId,
      redirect_uri: "https://backchannel.example/api/lti/launch",
      login_hint: "42",
      lti_message_hint: "m-9",
      state: "state-1",
      nonce: "nonce-1",
    });
  });

  it("refuses an unknown platform, client or deployment", () => {
    const base = { iss: PLATFORM.issuer, login_hint: "42", target_link_uri: "https://backchannel.example/" };
    const options = { redirectUri: "https://backchannel.example/api/lti/launch", state: "s", nonce: "n" };
    expect(() => loginRedirect({ ...base, iss: "https://elsewhere.example" }, PLATFORM, options)).toThrow(/not registered/);
    expect(() => loginRedirect({ ...base, client_id: "other" }, PLATFORM, options)).toThrow(/client id/);
    expect(() => loginRedirect({ ...base, lti_deployment_id: "dep-9" }, PLATFORM, options)).toThrow(/deployment/);
  });
});

describe("a launch", () => {
  it("is read into who, where and where the grade goes", async () => {
    const launch = await verify(await sign(claims()));
    expect(launch).toEqual({
      kind: "resource",
      issuer: PLATFORM.issuer,
      subject: "moodle-user-42",
      deploymentId: "dep-1",
      name: "Amira Haddad",
      email: "amira@school.example",
      role: "STUDENT",
      targetLinkUri: "https://backchannel.example/lessons/potato-diplomacy",
      resourceLinkId: "link-7",
      context: { id: "course-12", title: "Year 12 Politics" },
      custom: { backchannel_resource: "lesson:potato-diplomacy" },
      deepLinking: null,
      grades: {
        lineItem: "https://moodle.school.example/mod/lti/services.php/2/lineitems/5/lineitem",
        lineItems: null,
        scopes: ["https://purl.imsglobal.org/spec/lti-ags/scope/score"],
      },
    });
  });

  it("reads a teacher's deep linking request with its settings", async () => {
    const token = await sign(
      claims({
        [`${LTI_CLAIM}message_type`]: "LtiDeepLinkingRequest",
        [`${LTI_CLAIM}roles`]: [INSTRUCTOR],
        [`${LTI_CLAIM}resource_link`]: undefined,
        "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings": {
          deep_link_return_url: "https://moodle.school.example/mod/lti/contentitem_return.php",
          accept_types: ["ltiResourceLink"],
          data: "opaque",
        },
      }),
    );
    const launch = await verify(token);
    expect(launch).toMatchObject({ kind: "deep-linking", role: "TEACHER", resourceLinkId: null });
    expect(launch.deepLinking).toEqual({
      returnUrl: "https://moodle.school.example/mod/lti/contentitem_return.php",
      acceptTypes: ["ltiResourceLink"],
      data: "opaque",
    });
  });

  it("refuses a token signed by another key (forged)", async () => {
    expect((await refusal(verify(await sign(claims(), { key: strangerKey })))).code).toBe("signature");
  });

  it("refuses a token with a key id the platform does not publish", async () => {
    const error = await refusal(verify(await sign(claims(), { kid: "unknown" })));
    expect(error.message).toMatch(/key the platform does not publish/);
  });

  it("refuses a token for another tool: wrong audience, or several audiences without this tool as authorised party", async () => {
    expect((await refusal(verify(await sign(claims(), { audience: "another-tool" })))).code).toBe("claims");
    const several = await sign(claims({ azp: "another-tool" }), { audience: [PLATFORM.clientId, "another-tool"] });
    expect((await refusal(verify(several))).message).toMatch(/another tool/);
    const severalOk = await sign(claims({ azp: PLATFORM.clientId }), { audience: [PLATFORM.clientId, "another-tool"] });
    expect((await verify(severalOk)).subject).toBe("moodle-user-42");
  });

  it("refuses a token from another issuer", async () => {
    expect((await refusal(verify(await sign(claims(), { issuer: "https://evil.example" })))).code).toBe("claims");
  });

  it("refuses an expired token, but allows a minute of clock difference", async () => {
    const old = await sign(claims(), { issuedAt: new Date(NOW.getTime() - 10 * 60_000), lifetime: 300 });
    expect((await refusal(verify(old))).message).toMatch(/expired/);
    const justOver = await sign(claims(), { issuedAt: new Date(NOW.getTime() - 330_000), lifetime: 300 });
    expect((await verify(justOver)).subject).toBe("moodle-user-42");
  });

  it("refuses a replayed launch and a nonce that is not this login's", async () => {
    const token = await sign(claims());
    const book = nonceBook();
    await verify(token, book);
    expect((await refusal(verify(token, book))).message).toMatch(/already used/);
    expect((await refusal(verify(await sign(claims({ nonce: "other" })), nonceBook()))).code).toBe("nonce");
  });

  it("refuses an unknown deployment, a wrong LTI version and a resource launch without its link", async () => {
    expect((await refusal(verify(await sign(claims({ [`${LTI_CLAIM}deployment_id`]: "dep-9" }))))).code).toBe("deployment");
    expect((await refusal(verify(await sign(claims({ [`${LTI_CLAIM}version`]: "1.1" }))))).message).toMatch(/lti:version/);
    expect((await refusal(verify(await sign(claims({ [`${LTI_CLAIM}resource_link`]: undefined }))))).message).toMatch(/resource link/);
  });
});

describe("roles", () => {
  it("makes only a teaching role in the course a teacher", () => {
    expect(roleFromLtiRoles([INSTRUCTOR])).toBe("TEACHER");
    expect(roleFromLtiRoles(["Instructor"])).toBe("TEACHER");
    expect(roleFromLtiRoles([LEARNER])).toBe("STUDENT");
    // An administrator of the institution is not a teacher of this course.
    expect(roleFromLtiRoles(["http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator"])).toBe("STUDENT");
    expect(roleFromLtiRoles([])).toBe("STUDENT");
  });
});
