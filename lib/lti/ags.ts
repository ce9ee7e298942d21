/**
 * Sending a score back to the platform (1EdTech Assignment and Grade Services 2.0, with the
 * Security Framework's client-credentials grant), from the specifications: the tool proves who it
 * is with a JWT signed by its own key, gets a short-lived access token for the score scope, and
 * posts a Score to the line item's `/scores`. A refusal or an unreachable platform throws
 * `ScoreNotSent`, so the caller can keep the score and try again later (decision 0049).
 */
import { SignJWT } from "jose";
import { z } from "zod";

export const SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
const SCORE_MEDIA_TYPE = "application/vnd.ims.lis.v1.score+json";
const ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/** The tool's signing key as the platform knows it (by `kid`, from the tool's published key set). */
export type ToolKey = { privateKey: CryptoKey; kid: string; alg: "RS256" };

export class ScoreNotSent extends Error {
  constructor(
    message: string,
    /** True when trying again later may work (the platform was down or busy), false when it refused. */
    readonly retry: boolean,
  ) {
    super(message);
    this.name = "ScoreNotSent";
  }
}

/** The client assertion: issuer and subject are our client id, audience the platform's token URL. */
export async function clientAssertion(clientId: string, tokenUrl: string, key: ToolKey, now = new Date()): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "JWT" })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(tokenUrl)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 300)
    .setJti(crypto.randomUUID())
    .sign(key.privateKey);
}

const TokenResponseSchema = z.object({ access_token: z.string().min(1), token_type: z.string(), expires_in: z.number().optional() });

export async function accessToken(clientId: string, tokenUrl: string, key: ToolKey, scopes: readonly string[] = [SCORE_SCOPE]): Promise<string> {
  const body = new URLSearchParams({
    grant_type: "client_credentials",
    client_assertion_type: ASSERTION_TYPE,
    client_assertion: await clientAssertion(clientId, tokenUrl, key),
    scope: scopes.join(" "),
  });
  const response = await reach(tokenUrl, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
  if (!response.ok) throw refusedBy(response.status, "token endpoint");
  const parsed = TokenResponseSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success || parsed.data.token_type.toLowerCase() !== "bearer")
    throw new ScoreNotSent("The platform's token endpoint answered without a bearer token.", false);
  return parsed.data.access_token;
}

export type Score = { userId: string; scoreGiven: number; scoreMaximum: number; timestamp: Date; comment?: string };

/** The Score object (AGS 2.0 §3.4): a finished, fully graded attempt. */
export function scoreBody(score: Score): Record<string, unknown> {
  return {
    userId: score.userId,
    scoreGiven: score.scoreGiven,
    scoreMaximum: score.scoreMaximum,
    activityProgress: "Completed",
    gradingProgress: "FullyGraded",
    timestamp: score.timestamp.toISOString(),
    ...(score.comment ? { comment: score.comment } : {}),
  };
}

/** A line item's score service: `/scores` after its path, before any query (AGS 2.0 §3.4.1). */
export function scoresUrl(lineItem: string): string {
  const url = new URL(lineItem);
  url.pathname = `${url.pathname.replace(/\/$/, "")}/scores`;
  return url.toString();
}

export async function sendScore(lineItem: string, token: string, score: Score): Promise<void> {
  const response = await reach(scoresUrl(lineItem), {
    method: "POST",
    headers: { "content-type": SCORE_MEDIA_TYPE, authorization: `Bearer ${token}` },
    body: JSON.stringify(scoreBody(score)),
  });
  if (!response.ok) throw refusedBy(response.status, "score service");
}

async function reach(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  } catch {
    throw new ScoreNotSent(`The platform could not be reached (${new URL(url).host}).`, true);
  }
}

function refusedBy(status: number, what: string): ScoreNotSent {
  // 429 and 5xx are the platform's passing trouble; anything else is a refusal to look at.
  const retry = status === 429 || status >= 500;
  return new ScoreNotSent(`The platform's ${what} answered ${status}.`, retry);
}
