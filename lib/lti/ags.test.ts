// A score sent to a platform written for this test from the AGS and Security Framework
// specifications: a real HTTP server in-process, checking our signed assertion with our public key.
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { accessToken, SCORE_SCOPE, ScoreNotSent, scoresUrl, sendScore, type ToolKey } from "./ags";

const CLIENT_ID = "backchannel-client";
let tool: ToolKey;
let stranger: ToolKey;
let server: Server;
let base: string;
let scoresStatus = 200;
const received: { path: string; type: string | undefined; body: unknown }[] = [];
const tokens = new Set<string>();
const seenJti = new Set<string>();

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

beforeAll(async () => {
  const pair = await generateKeyPair("RS256");
  const other = await generateKeyPair("RS256");
  tool = { privateKey: pair.privateKey, kid: "tool-1", alg: "RS256" };
  stranger = { privateKey: other.privateKey, kid: "tool-1", alg: "RS256" };
  // The tool's key set as the platform fetched it at registration.
  const toolKeys = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: "tool-1", alg: "RS256" }] });
  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", base);
    if (req.method === "POST" && url.pathname === "/token") {
      const form = new URLSearchParams(await bodyOf(req));
      try {
        if (form.get("grant_type") !== "client_credentials") throw new Error("grant");
        if (form.get("client_assertion_type") !== "urn:ietf:params:oauth:client-assertion-type:jwt-bearer") throw new Error("type");
        const { payload } = await jwtVerify(form.get("client_assertion") ?? "", toolKeys, { issuer: CLIENT_ID, subject: CLIENT_ID, audience: `${base}/token` });
        if (!payload.jti || seenJti.has(payload.jti)) throw new Error("jti");
        seenJti.add(payload.jti);
        if (!(form.get("scope") ?? "").split(" ").includes(SCORE_SCOPE)) throw new Error("scope");
      } catch {
        res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ error: "invalid_client" }));
        return;
      }
      const token = `token-${tokens.size + 1}`;
      tokens.add(token);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ access_token: token, token_type: "Bearer", expires_in: 3600 }));
      return;
    }
    if (req.method === "POST" && url.pathname === "/lineitems/5/lineitem/scores") {
      const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
      if (!tokens.has(token)) return void res.writeHead(401).end();
      if (scoresStatus !== 200) return void res.writeHead(scoresStatus).end();
      received.push({ path: `${url.pathname}${url.search}`, type: req.headers["content-type"], body: JSON.parse(await bodyOf(req)) });
      res.writeHead(200).end();
      return;
    }
    res.writeHead(404).end();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));
beforeEach(() => {
  scoresStatus = 200;
  received.length = 0;
});

async function notSent(promise: Promise<unknown>): Promise<ScoreNotSent> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ScoreNotSent) return error;
    throw error;
  }
  throw new Error("expected the score not to be sent");
}

const SCORE = { userId: "moodle-user-42", scoreGiven: 80, scoreMaximum: 100, timestamp: new Date("2026-12-06T10:00:00Z"), comment: "Lesson 1 quiz" };

describe("sending a score", () => {
  it("gets a token with a signed assertion and posts the Score to the line item's /scores, query kept", async () => {
    const token = await accessToken(CLIENT_ID, `${base}/token`, tool);
    await sendScore(`${base}/lineitems/5/lineitem?type_id=2`, token, SCORE);
    expect(received).toEqual([
      {
        path: "/lineitems/5/lineitem/scores?type_id=2",
        type: "application/vnd.ims.lis.v1.score+json",
        body: {
          userId: "moodle-user-42",
          scoreGiven: 80,
          scoreMaximum: 100,
          activityProgress: "Completed",
          gradingProgress: "FullyGraded",
          timestamp: "2026-12-06T10:00:00.000Z",
          comment: "Lesson 1 quiz",
        },
      },
    ]);
  });

  it("is refused for good when the assertion is signed by another key, and not retried", async () => {
    const error = await notSent(accessToken(CLIENT_ID, `${base}/token`, stranger));
    expect(error).toMatchObject({ retry: false });
    expect(error.message).toMatch(/token endpoint answered 401/);
  });

  it("is kept to try again when the platform is busy or cannot be reached", async () => {
    const token = await accessToken(CLIENT_ID, `${base}/token`, tool);
    scoresStatus = 503;
    expect(await notSent(sendScore(`${base}/lineitems/5/lineitem`, token, SCORE))).toMatchObject({ retry: true });
    const closed = createServer();
    closed.listen(0, "127.0.0.1");
    await once(closed, "listening");
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    expect(await notSent(sendScore(`http://127.0.0.1:${port}/lineitems/5/lineitem`, token, SCORE))).toMatchObject({ retry: true });
    expect(received).toEqual([]);
  });

  it("builds the score URL after the path, whatever the line item looks like", () => {
    expect(scoresUrl("https://lms.example/li/5/")).toBe("https://lms.example/li/5/scores");
    expect(scoresUrl("https://lms.example/li/5?x=1&y=2")).toBe("https://lms.example/li/5/scores?x=1&y=2");
  });
});
