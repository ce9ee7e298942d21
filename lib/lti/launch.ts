/**
 * LTI 1.3 as a tool (1EdTech LTI Core 1.3, written from the specification): the two halves of a
 * launch that need no database. First the OIDC third-party-initiated login, which turns the
 * platform's login request into the redirect to its authorisation endpoint, with a state and a
 * nonce. Then the launch itself: the platform's signed id_token is verified (signature by its key
 * set, issuer, audience and authorised party, expiry, nonce, deployment, LTI version and message
 * type) and read into what Backchannel needs. Tokens are handled with `jose` (decision 0049).
 * Storing nonces, states and the linked accounts is the caller's (lib/lti/*.server.ts, later).
 */
import { errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { z } from "zod";
import { roleFromLtiRoles, type LtiRole } from "./roles";

/** A platform (a Moodle, a Canvas) as an administrator registers it. */
export type PlatformRegistration = {
  issuer: string;
  clientId: string;
  deploymentIds: readonly string[];
  /** The platform's OIDC authorisation endpoint, where the login redirect goes. */
  authLoginUrl: string;
};

export const LTI_CLAIM = "https://purl.imsglobal.org/spec/lti/claim/";
const DL_CLAIM = "https://purl.imsglobal.org/spec/lti-dl/claim/";
const AGS_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/";

export const LTI_REFUSALS = ["login", "signature", "claims", "nonce", "deployment", "message", "resource", "role"] as const;
export type LtiRefusal = (typeof LTI_REFUSALS)[number];

/** Why a launch or login is refused: shown to the person launching, and kept in the log. */
export class LtiError extends Error {
  constructor(
    readonly code: LtiRefusal,
    message: string,
  ) {
    super(message);
    this.name = "LtiError";
  }
}

/** The platform's login request (Core 1.3 §5.1.1.1), by GET or POST. */
export const LoginRequestSchema = z.object({
  iss: z.url(),
  login_hint: z.string().min(1),
  target_link_uri: z.url(),
  lti_message_hint: z.string().optional(),
  client_id: z.string().optional(),
  lti_deployment_id: z.string().optional(),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/**
 * The authentication request the tool answers a login with (Core 1.3 §5.1.1.2): where the browser
 * goes next. The platform must be registered, and when it names a client or deployment they must
 * be the registered ones.
 */
export function loginRedirect(
  request: LoginRequest,
  registration: PlatformRegistration,
  { redirectUri, state, nonce }: { redirectUri: string; state: string; nonce: string },
): URL {
  if (request.iss !== registration.issuer) throw new LtiError("login", "This platform is not registered with Backchannel.");
  if (request.client_id !== undefined && request.client_id !== registration.clientId) {
    throw new LtiError("login", "The platform named a client id this registration does not have.");
  }
  if (request.lti_deployment_id !== undefined && !registration.deploymentIds.includes(request.lti_deployment_id)) {
    throw new LtiError("deployment", "This deployment of Backchannel is not registered for the platform.");
  }
  const url = new URL(registration.authLoginUrl);
  const params: Record<string, string> = {
    scope: "openid",
    response_type: "id_token",
    response_mode: "form_post",
    prompt: "none",
    client_id: registration.clientId,
    redirect_uri: redirectUri,
    login_hint: request.login_hint,
    state,
    nonce,
  };
  if (request.lti_message_hint !== undefined) params.lti_message_hint = request.lti_message_hint;
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url;
}

const ClaimsSchema = z.object({
  sub: z.string().min(1).max(255),
  nonce: z.string().min(1),
  name: z.string().optional(),
  given_name: z.string().optional(),
  family_name: z.string().optional(),
  email: z.email().optional(),
  [`${LTI_CLAIM}message_type`]: z.enum(["LtiResourceLinkRequest", "LtiDeepLinkingRequest"]),
  [`${LTI_CLAIM}version`]: z.literal("1.3.0"),
  [`${LTI_CLAIM}deployment_id`]: z.string().min(1).max(255),
  [`${LTI_CLAIM}target_link_uri`]: z.url(),
  [`${LTI_CLAIM}roles`]: z.array(z.string()),
  [`${LTI_CLAIM}resource_link`]: z.object({ id: z.string().min(1).max(255), title: z.string().optional() }).optional(),
  [`${LTI_CLAIM}custom`]: z.record(z.string(), z.unknown()).optional(),
  [`${LTI_CLAIM}context`]: z.object({ id: z.string().min(1), title: z.string().optional() }).optional(),
  [`${DL_CLAIM}deep_linking_settings`]: z.object({ deep_link_return_url: z.url(), accept_types: z.array(z.string()), data: z.string().optional() }).optional(),
  [`${AGS_CLAIM}endpoint`]: z.object({ scope: z.array(z.string()), lineitem: z.url().optional(), lineitems: z.url().optional() }).optional(),
});

export type Launch = {
  kind: "resource" | "deep-linking";
  issuer: string;
  subject: string;
  deploymentId: string;
  name: string | null;
  email: string | null;
  /** Backchannel's role for the platform's roles: an instructor teaches, everyone else learns. */
  role: LtiRole;
  targetLinkUri: string;
  resourceLinkId: string | null;
  context: { id: string; title: string | null } | null;
  deepLinking: { returnUrl: string; acceptTypes: string[]; data: string | null } | null;
  /** The link's custom parameters (string values only; the platform substitutes its variables). */
  custom: Record<string, string>;
  /** Where a score goes (Assignment and Grade Services), when the platform offers it. */
  grades: { lineItem: string | null; lineItems: string | null; scopes: string[] } | null;
};

/**
 * Verifies the platform's id_token and reads the launch. `keys` is the platform's key set (jose's
 * `createRemoteJWKSet` in production, a local one in tests); `expectedNonce` is the nonce this
 * browser's login was given, and `spendNonce` records it as spent, answering false when it already was
 * (a replayed launch).
 */
export async function verifyLaunch(
  idToken: string,
  registration: PlatformRegistration,
  keys: JWTVerifyGetKey,
  { expectedNonce, spendNonce, now = new Date() }: { expectedNonce: string; spendNonce: (nonce: string) => Promise<boolean>; now?: Date },
): Promise<Launch> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, keys, {
      issuer: registration.issuer,
      audience: registration.clientId,
      algorithms: ["RS256", "RS384", "RS512", "ES256", "ES384"],
      currentDate: now,
      // A platform's clock may run a little ahead or behind ours.
      clockTolerance: 60,
      requiredClaims: ["exp", "iat", "sub", "nonce"],
    }));
  } catch (error) {
    throw new LtiError(
      error instanceof joseErrors.JWTClaimValidationFailed || error instanceof joseErrors.JWTExpired ? "claims" : "signature",
      describe(error),
    );
  }
  // With several audiences the token must say it was issued for this tool (Core 1.3 §5.1.3 step 3–4).
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (audiences.length > 1 || payload.azp !== undefined) {
    if (payload.azp !== registration.clientId) throw new LtiError("claims", "The launch was issued for another tool (azp).");
  }
  const parsed = ClaimsSchema.safeParse(payload);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.map(String).join(".").replace(LTI_CLAIM, "lti:")).join(", ");
    throw new LtiError("message", `The launch is missing or has a wrong LTI claim (${where}).`);
  }
  const claims = parsed.data;
  if (claims.nonce !== expectedNonce) throw new LtiError("nonce", "The launch's nonce is not the one this sign-in was given.");
  if (!(await spendNonce(claims.nonce))) throw new LtiError("nonce", "This launch was already used. Open Backchannel again from your course.");
  const deploymentId = claims[`${LTI_CLAIM}deployment_id`];
  if (!registration.deploymentIds.includes(deploymentId)) {
    throw new LtiError("deployment", "This deployment of Backchannel is not registered for the platform.");
  }
  const kind = claims[`${LTI_CLAIM}message_type`] === "LtiDeepLinkingRequest" ? "deep-linking" : "resource";
  const resourceLink = claims[`${LTI_CLAIM}resource_link`];
  if (kind === "resource" && !resourceLink) throw new LtiError("message", "A resource link launch must name its resource link.");
  const settings = claims[`${DL_CLAIM}deep_linking_settings`];
  if (kind === "deep-linking" && !settings) throw new LtiError("message", "A deep linking launch must give its settings.");
  const context = claims[`${LTI_CLAIM}context`];
  const endpoint = claims[`${AGS_CLAIM}endpoint`];
  const custom = Object.fromEntries(
    Object.entries(claims[`${LTI_CLAIM}custom`] ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  const name = claims.name ?? ([claims.given_name, claims.family_name].filter(Boolean).join(" ") || null);
  return {
    kind,
    issuer: registration.issuer,
    subject: claims.sub,
    deploymentId,
    name,
    email: claims.email ?? null,
    role: roleFromLtiRoles(claims[`${LTI_CLAIM}roles`]),
    targetLinkUri: claims[`${LTI_CLAIM}target_link_uri`],
    resourceLinkId: resourceLink?.id ?? null,
    context: context ? { id: context.id, title: context.title ?? null } : null,
    custom,
    deepLinking: settings ? { returnUrl: settings.deep_link_return_url, acceptTypes: settings.accept_types, data: settings.data ?? null } : null,
    grades: endpoint ? { lineItem: endpoint.lineitem ?? null, lineItems: endpoint.lineitems ?? null, scopes: endpoint.scope } : null,
  };
}

function describe(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return "The launch has expired. Open Backchannel again from your course.";
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `The launch's “${error.claim}” claim is not right for this registration.`;
  if (error instanceof joseErrors.JWKSNoMatchingKey) return "The launch is signed with a key the platform does not publish.";
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return "The launch's signature does not verify.";
  return "The launch could not be verified.";
}
