// A course platform (an LMS) for the LTI tests, written from the 1EdTech specifications, not from
// Backchannel's code: LTI Core 1.3 (third-party-initiated login, the id_token launch posted back
// with form_post), Deep Linking 2.0 (the request, and checking the tool's signed response), the
// Security Framework (its own RSA keys and key set; a token endpoint taking client-credentials JWT
// assertions, checked against the tool's published key set) and Assignment and Grade Services 2.0
// (a line item's score service that records what it got, and can be told to answer 503 first).
// A plain node:http server in the test process; its course page is what a person clicks in.
import { randomBytes, randomUUID } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createLocalJWKSet, createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT, type JSONWebKeySet, type JWTVerifyGetKey } from "jose";

const LTI = "https://purl.imsglobal.org/spec/lti/claim/";
const DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";
const AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/";
export const ROLES = {
  learner: "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner",
  instructor: "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
};
const SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
const SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";

export type CourseUser = { sub: string; name: string; email?: string; roles: string[] };
/** `deploymentId`: a link of another deployment of the tool (one the tool does not know, in a test). */
export type CourseLink = { id: string; title: string; custom: Record<string, string>; lineItem: boolean; deploymentId?: string };
export type ReceivedScore = {
  lineItem: string;
  userId: string;
  scoreGiven: number;
  scoreMaximum: number;
  activityProgress: string;
  gradingProgress: string;
  timestamp: string;
};

export type TestPlatform = {
  issuer: string;
  clientId: string;
  deploymentId: string;
  authLoginUrl: string;
  tokenUrl: string;
  keySetUrl: string;
  /** The course page for one of its people (the first page a test opens). */
  courseUrl: (sub: string) => string;
  /** The tool's side, once its address is known (the server starts after the platform). */
  registerTool: (tool: ToolRegistration) => void;
  addUser: (user: CourseUser) => void;
  addLink: (link: CourseLink) => void;
  links: CourseLink[];
  /** Scores the score service accepted, in order. */
  scores: ReceivedScore[];
  /** Requests the score service answered with 503 (told to by failScores). */
  refusedScores: number;
  failScores: (times: number) => void;
  /** Content items the tool returned by Deep Linking, verified. */
  deepLinked: Record<string, unknown>[];
  /** An id_token as this platform signs a launch (for tests that post launches themselves). */
  signIdToken: (claims: Record<string, unknown>, options?: { audience?: string; expiresIn?: number; key?: "platform" | "stranger" }) => Promise<string>;
  close: () => Promise<void>;
};

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
const hidden = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join("");

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}

/**
 * `tool`: the tool's registration at this platform, as its administrator typed it: the login
 * initiation URL, the launch (redirect) URL, and its key set (a URL, or the set itself).
 */
export type ToolRegistration = { loginUrl: string; launchUrl: string; keySet: string | (() => Promise<JSONWebKeySet>) };

export async function startTestPlatform(registration?: ToolRegistration): Promise<TestPlatform> {
  let tool: ToolRegistration = registration ?? {
    loginUrl: "http://tool.invalid/login",
    launchUrl: "http://tool.invalid/launch",
    keySet: "http://tool.invalid/jwks",
  };
  const platformPair = await generateKeyPair("RS256");
  const strangerPair = await generateKeyPair("RS256");
  const kid = `platform-${randomUUID()}`;
  const publicJwk = { ...(await exportJWK(platformPair.publicKey)), kid, alg: "RS256", use: "sig" };
  const clientId = `backchannel-${randomBytes(4).toString("hex")}`;
  const deploymentId = "1";
  const users = new Map<string, CourseUser>();
  const links: CourseLink[] = [];
  const scores: ReceivedScore[] = [];
  const deepLinked: Record<string, unknown>[] = [];
  const accessTokens = new Set<string>();
  const seenJti = new Set<string>();
  let failuresLeft = 0;
  let refusedScores = 0;
  const toolKeys = async (): Promise<JWTVerifyGetKey> =>
    typeof tool.keySet === "string"
      ? createRemoteJWKSet(new URL(tool.keySet), { cacheMaxAge: 0, cooldownDuration: 0 })
      : createLocalJWKSet(await tool.keySet());

  const server: Server = createServer();
  server.listen(0);
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const issuer = `http://localhost:${port}`;
  const lineItemUrl = (linkId: string) => `${issuer}/lineitems/${encodeURIComponent(linkId)}/lineitem`;

  async function signIdToken(claims: Record<string, unknown>, { audience = clientId, expiresIn = 300, key = "platform" as "platform" | "stranger" } = {}) {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(now)
      .setExpirationTime(now + expiresIn)
      .sign(key === "platform" ? platformPair.privateKey : strangerPair.privateKey);
  }

  /** The launch a login hint and message hint stand for (Core 1.3 §5.1.2, Deep Linking §4.4). */
  function launchClaims(user: CourseUser, messageHint: string, nonce: string): Record<string, unknown> {
    const common = {
      sub: user.sub,
      nonce,
      name: user.name,
      ...(user.email ? { email: user.email } : {}),
      [`${LTI}version`]: "1.3.0",
      [`${LTI}deployment_id`]: deploymentId,
      [`${LTI}roles`]: user.roles,
      [`${LTI}context`]: { id: "course-1", title: "Year 12 Politics" },
      [`${LTI}target_link_uri`]: tool.launchUrl,
    };
    if (messageHint === "deep-link") {
      return {
        ...common,
        [`${LTI}message_type`]: "LtiDeepLinkingRequest",
        [`${DL}deep_linking_settings`]: {
          deep_link_return_url: `${issuer}/deep-link-return`,
          accept_types: ["ltiResourceLink"],
          accept_presentation_document_targets: ["window"],
          data: `dl-${randomUUID()}`,
        },
      };
    }
    const link = links.find((candidate) => candidate.id === messageHint);
    if (!link) throw new Error(`no link ${messageHint}`);
    return {
      ...common,
      [`${LTI}message_type`]: "LtiResourceLinkRequest",
      [`${LTI}resource_link`]: { id: link.id, title: link.title },
      [`${LTI}custom`]: link.custom,
      ...(link.lineItem ? { [`${AGS}endpoint`]: { scope: [SCORE_SCOPE], lineitem: lineItemUrl(link.id), lineitems: `${issuer}/lineitems` } } : {}),
    };
  }

  function coursePage(sub: string): string {
    const user = users.get(sub);
    if (!user) return page("Not enrolled", "<p>No such person in this course.</p>");
    const teacher = user.roles.includes(ROLES.instructor);
    const launchForm = (hint: string, label: string, deployment = deploymentId) =>
      `<form method="post" action="${escape(tool.loginUrl)}">${hidden({
        iss: issuer,
        login_hint: user.sub,
        target_link_uri: tool.launchUrl,
        lti_message_hint: hint,
        client_id: clientId,
        lti_deployment_id: deployment,
      })}<button type="submit">${escape(label)}</button></form>`;
    const items = links.map((link) => `<li>${escape(link.title)} ${launchForm(link.id, `Open ${link.title}`, link.deploymentId)}</li>`).join("");
    return page(
      "Year 12 Politics",
      `<p>Signed in to the course as ${escape(user.name)}.</p><ul>${items}</ul>${teacher ? launchForm("deep-link", "Add Backchannel content") : ""}`,
    );
  }

  server.on("request", (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", issuer);
      try {
        if (req.method === "GET" && url.pathname === "/course") return send(res, 200, "text/html; charset=utf-8", coursePage(url.searchParams.get("as") ?? ""));
        if (req.method === "GET" && url.pathname === "/jwks") return send(res, 200, "application/json", JSON.stringify({ keys: [publicJwk] }));
        if ((req.method === "GET" || req.method === "POST") && url.pathname === "/auth") {
          // The authentication request (Core 1.3 §5.1.1.2): checked as the spec requires, answered by form_post.
          const params = req.method === "GET" ? url.searchParams : new URLSearchParams(await bodyOf(req));
          const problems = [
            params.get("scope") === "openid" ? null : "scope",
            params.get("response_type") === "id_token" ? null : "response_type",
            params.get("response_mode") === "form_post" ? null : "response_mode",
            params.get("prompt") === "none" ? null : "prompt",
            params.get("client_id") === clientId ? null : "client_id",
            params.get("redirect_uri") === tool.launchUrl ? null : "redirect_uri",
            params.get("nonce") ? null : "nonce",
          ].filter(Boolean);
          const user = users.get(params.get("login_hint") ?? "");
          const target = params.get("redirect_uri") ?? "";
          if (problems.length > 0 || !user) return send(res, 400, "text/plain", `invalid_request: ${problems.join(", ") || "login_hint"}`);
          const idToken = await signIdToken(launchClaims(user, params.get("lti_message_hint") ?? "", params.get("nonce") ?? ""));
          return send(
            res,
            200,
            "text/html; charset=utf-8",
            page(
              "Opening the tool…",
              `<form id="launch" method="post" action="${escape(target)}">${hidden({ id_token: idToken, state: params.get("state") ?? "" })}<noscript><button>Continue</button></noscript></form><script>document.getElementById("launch").submit()</script>`,
            ),
          );
        }
        if (req.method === "POST" && url.pathname === "/token") {
          // Client credentials with a JWT assertion (Security Framework §4.1), checked with the tool's key set.
          const form = new URLSearchParams(await bodyOf(req));
          if (form.get("grant_type") !== "client_credentials") return send(res, 400, "application/json", `{"error":"unsupported_grant_type"}`);
          if (form.get("client_assertion_type") !== "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
            return send(res, 400, "application/json", `{"error":"invalid_client"}`);
          try {
            const { payload } = await jwtVerify(form.get("client_assertion") ?? "", await toolKeys(), {
              issuer: clientId,
              subject: clientId,
              audience: `${issuer}/token`,
            });
            if (!payload.jti || seenJti.has(payload.jti)) throw new Error("jti");
            seenJti.add(payload.jti);
          } catch {
            return send(res, 401, "application/json", `{"error":"invalid_client"}`);
          }
          const scopes = (form.get("scope") ?? "").split(" ");
          if (!scopes.includes(SCORE_SCOPE)) return send(res, 400, "application/json", `{"error":"invalid_scope"}`);
          const token = randomBytes(24).toString("base64url");
          accessTokens.add(token);
          return send(res, 200, "application/json", JSON.stringify({ access_token: token, token_type: "Bearer", expires_in: 3600, scope: SCORE_SCOPE }));
        }
        const scoresPath = /^\/lineitems\/([^/]+)\/lineitem\/scores$/.exec(url.pathname);
        if (req.method === "POST" && scoresPath) {
          // A Score (AGS 2.0 §3.4) for the line item, with the bearer token from the token endpoint.
          const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
          if (!bearer || !accessTokens.has(bearer)) return send(res, 401, "application/json", "{}");
          if (req.headers["content-type"] !== SCORE_TYPE) return send(res, 415, "application/json", "{}");
          const body = JSON.parse(await bodyOf(req)) as Omit<ReceivedScore, "lineItem">;
          if (failuresLeft > 0) {
            failuresLeft -= 1;
            refusedScores += 1;
            return send(res, 503, "application/json", `{"error":"try later"}`);
          }
          scores.push({ ...body, lineItem: lineItemUrl(decodeURIComponent(scoresPath[1] ?? "")) });
          return send(res, 200, "application/json", "{}");
        }
        if (req.method === "POST" && url.pathname === "/deep-link-return") {
          // The tool's LtiDeepLinkingResponse (Deep Linking 2.0 §4.2), checked with its key set.
          const form = new URLSearchParams(await bodyOf(req));
          const { payload } = await jwtVerify(form.get("JWT") ?? "", await toolKeys(), { issuer: clientId, audience: issuer });
          if (payload[`${LTI}message_type`] !== "LtiDeepLinkingResponse" || payload[`${LTI}deployment_id`] !== deploymentId) {
            return send(res, 400, "text/plain", "not a deep linking response");
          }
          const items = (payload[`${DL}content_items`] ?? []) as Record<string, unknown>[];
          const added: string[] = [];
          for (const item of items) {
            deepLinked.push(item);
            const title = String(item.title ?? "Backchannel");
            links.push({ id: `link-${randomUUID()}`, title, custom: (item.custom ?? {}) as Record<string, string>, lineItem: "lineItem" in item });
            added.push(title);
          }
          return send(res, 200, "text/html; charset=utf-8", page("Content added", `<p>Added to the course: ${added.map(escape).join(", ")}</p>`));
        }
        send(res, 404, "text/plain", "not found");
      } catch (error) {
        send(res, 400, "text/plain", `refused: ${error instanceof Error ? error.message : String(error)}`);
      }
    })();
  });

  return {
    issuer,
    clientId,
    deploymentId,
    authLoginUrl: `${issuer}/auth`,
    tokenUrl: `${issuer}/token`,
    keySetUrl: `${issuer}/jwks`,
    courseUrl: (sub) => `${issuer}/course?as=${encodeURIComponent(sub)}`,
    registerTool: (registered) => {
      tool = registered;
    },
    addUser: (user) => users.set(user.sub, user),
    addLink: (link) => links.push(link),
    links,
    scores,
    get refusedScores() {
      return refusedScores;
    },
    failScores: (times) => {
      failuresLeft = times;
    },
    deepLinked,
    signIdToken,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
