// Checks a server action call before Next.js decodes it. Next answers a malformed call (a body React
// cannot decode, a foreign Origin, a body over its 1 MB limit) by throwing inside its handler, which
// the client sees as a 500. These checks turn each of those into a 4xx with a plain message and pass
// anything a real page sends untouched (docs/decisions/0010-security-tests-and-malformed-requests.md).
// What the body may contain is not listed here: the proxy asks React's own decoder
// (lib/security/react-reply.ts), so an encoding React adds or changes needs no edit here.

/** Next's default serverActions.bodySizeLimit (1 MB). */
export const MAX_ACTION_BODY_BYTES = 1024 * 1024;

export type ActionRefusal = { status: 400 | 403 | 413 | 415; message: string };

type ActionRequest = {
  contentType: string;
  /** The Origin header, if any (browsers always send one with a POST). */
  origin: string | null;
  /** The host the request was addressed to (x-forwarded-host behind a proxy, else host). */
  host: string | null;
  body: Uint8Array<ArrayBuffer>;
};

/** The argument list as React's decoder takes it: the text body, or the multipart form. */
export type ActionReply = string | FormData;

export const BAD_BODY: ActionRefusal = { status: 400, message: "This request is not valid. Reload the page and try again." };
export const CROSS_SITE: ActionRefusal = { status: 403, message: "Requests from other sites are refused." };
export const TOO_LARGE: ActionRefusal = { status: 413, message: "The request is too large." };

/**
 * What an HTML form on another site can send without JavaScript and without a CORS preflight. A
 * form post carries no Next-Action header (the action id is a form field), so the proxy's matcher
 * lists these content types, with an Origin header, as a second way in (proxy.ts).
 */
export const FORM_CONTENT_TYPE = /^\s*(multipart\/form-data|application\/x-www-form-urlencoded|text\/plain)\s*(;|$)/i;

/** Whether an Origin header names a site other than the host the request was sent to ("null" and garbage included). */
export function isCrossSite(origin: string | null, host: string | null): boolean {
  if (origin === null) return false;
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    // "null" (a sandboxed frame) or garbage: not this site
  }
  return !originHost || originHost !== host;
}

/** A refusal, or the reply to hand to React's decoder. */
export async function checkServerActionRequest(request: ActionRequest): Promise<ActionRefusal | { reply: ActionReply }> {
  if (isCrossSite(request.origin, request.host)) return CROSS_SITE;
  if (request.body.byteLength > MAX_ACTION_BODY_BYTES) return TOO_LARGE;
  const type = request.contentType.toLowerCase();
  if (type.startsWith("text/plain")) return { reply: new TextDecoder().decode(request.body) };
  if (type.startsWith("multipart/form-data")) {
    try {
      return { reply: await new Response(request.body, { headers: { "content-type": request.contentType } }).formData() };
    } catch {
      return BAD_BODY;
    }
  }
  return { status: 415, message: "This request is not valid: unsupported content type." };
}
