// Checks a server action call before Next.js decodes it. Next answers a malformed call (a body that
// is not JSON, a foreign Origin, a body over its 1 MB limit, reply-protocol references our actions
// never use) by throwing inside its decoder, which the client sees as a 500. These checks turn each
// of those into a 4xx with a plain message, and pass anything a real page sends untouched
// (docs/decisions/0010-security-tests-and-malformed-requests.md).

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

// Our actions take plain JSON values, FormData ("$K<n>") and undefined. React writes a string that
// starts with "$" as "$$…", and an object met twice as a path to its first place ("$0:errors:kind").
// Any other "$…" string is a reference (promise, stream, server function, map…) that no page of ours
// sends, and a path that leads nowhere makes React's decoder throw.
const PLAIN_REFERENCE = /^\$(?:\$|K[0-9a-f]+$|undefined$|NaN$|Infinity$|-Infinity$|-0$)/;

function isPlainContainer(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype);
}

/** "$0:a:1" names an object or array inside the argument list itself. */
function pathExists(root: unknown, reference: string): boolean {
  const steps = reference.split(":").slice(1);
  if (steps.length === 0) return false;
  let at: unknown = root;
  for (const step of steps) {
    if (!isPlainContainer(at) || !Object.hasOwn(at, step)) return false;
    at = at[step];
  }
  return isPlainContainer(at);
}

function onlyPlainReferences(root: unknown): boolean {
  const check = (value: unknown, depth: number): boolean => {
    if (depth > 32) return false;
    if (typeof value === "string") {
      if (!value.startsWith("$") || PLAIN_REFERENCE.test(value)) return true;
      return value.startsWith("$0:") && pathExists(root, value);
    }
    if (Array.isArray(value)) return value.every((item) => check(item, depth + 1));
    if (value && typeof value === "object") return Object.values(value).every((item) => check(item, depth + 1));
    return true;
  };
  return check(root, 0);
}

function argumentList(json: string): boolean {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) && onlyPlainReferences(parsed);
  } catch {
    return false;
  }
}

const BAD_BODY: ActionRefusal = { status: 400, message: "This request is not valid. Reload the page and try again." };

export async function checkServerActionRequest(request: ActionRequest): Promise<ActionRefusal | null> {
  if (request.origin !== null) {
    let originHost: string | null = null;
    try {
      originHost = new URL(request.origin).host;
    } catch {
      // "null" (a sandboxed frame) or garbage: not this site
    }
    if (!originHost || originHost !== request.host) return { status: 403, message: "Requests from other sites are refused." };
  }
  if (request.body.byteLength > MAX_ACTION_BODY_BYTES) return { status: 413, message: "The request is too large." };
  const type = request.contentType.toLowerCase();
  if (type.startsWith("text/plain")) {
    return argumentList(new TextDecoder().decode(request.body)) ? null : BAD_BODY;
  }
  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await new Response(request.body, { headers: { "content-type": request.contentType } }).formData();
    } catch {
      return BAD_BODY;
    }
    const root = form.get("0");
    if (typeof root !== "string" || !argumentList(root)) return BAD_BODY;
    // Besides the argument list, a page sends only the fields of a FormData argument ("_1_name").
    for (const key of form.keys()) if (key !== "0" && !/^_[0-9a-f]+_/.test(key)) return BAD_BODY;
    return null;
  }
  return { status: 415, message: "This request is not valid: unsupported content type." };
}
