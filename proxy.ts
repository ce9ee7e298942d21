// Early redirect to sign-in for protected paths. A convenience only: every page, server action
// and route handler checks the session itself (lib/auth/guards.ts). Before that, the refusals
// Next itself would answer with a 500 (docs/decisions/0034-clean-refusals.md): a path that does not
// decode, a form posted from another site, a malformed server action call.
import { NextResponse, type NextRequest } from "next/server";
import { authConfig, isProtectedPath } from "./auth.config";
import { apiError } from "./lib/api/respond";
import { sessionUserIdFromCookies } from "./lib/auth/session-token";
import { readBodyUpTo } from "./lib/security/limited-body";
import { decodesAsActionReply } from "./lib/security/react-reply";
import { isDecodablePath } from "./lib/security/request-path";
import {
  BAD_BODY,
  checkServerActionRequest,
  CROSS_SITE,
  FORM_CONTENT_TYPE,
  isCrossSite,
  MAX_ACTION_BODY_BYTES,
  TOO_LARGE,
  type ActionRefusal,
} from "./lib/security/server-action-request";

/**
 * LTI's login and launch are forms a course platform posts from its own site, by design (LTI Core
 * 1.3 §5.1); they are guarded by the state, the nonce and the platform's signature instead
 * (lib/lti/flow.ts, decision 0051).
 */
const CROSS_SITE_FORMS = new Set(["/api/lti/login", "/api/lti/launch"]);

const BAD_PATH: ActionRefusal = { status: 400, message: "This address is not valid." };

/** A refusal, as JSON in our API's shape under /api, else as a line of text. */
function refuse(refusal: ActionRefusal, pathname: string): NextResponse {
  if (pathname === "/api" || pathname.startsWith("/api/"))
    return apiError(refusal.status, refusal.status === 403 ? "forbidden" : "invalid_input", refusal.message);
  return new NextResponse(refusal.message, { status: refusal.status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * Whether the request carries a valid session, read without writing anything back. (Auth.js's
 * own proxy wrapper re-issues the session cookie on every request it sees: a link prefetch that
 * was in flight while someone signed out then brought their session cookie back.)
 */
async function hasSession(request: NextRequest): Promise<boolean> {
  const { secret, useSecureCookies } = authConfig();
  return (await sessionUserIdFromCookies(request.headers.get("cookie"), { secret, secureCookie: useSecureCookies })) !== null;
}

/** Early redirect of page loads on protected paths; everything else goes on untouched. */
async function redirectIfSignedOut(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  // Only page loads are redirected: a server action (a POST) answers for itself through its guard.
  const isPageLoad = request.method === "GET" || request.method === "HEAD";
  if (!isPageLoad || !isProtectedPath(pathname) || (await hasSession(request))) return NextResponse.next();
  // The callback is a local path, never an absolute URL (no open redirect).
  const signIn = new URL("/signin", request.nextUrl);
  signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // Next would throw while matching a dynamic route and answer a bare 500 (lib/security/request-path.ts).
  if (!isDecodablePath(pathname)) return refuse(BAD_PATH, pathname);
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const contentType = request.headers.get("content-type") ?? "";
  const isRead = request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS";
  // A form on another site posting here, without JavaScript: login CSRF, or a server action called
  // through its form field rather than the Next-Action header (Next's own check then throws, a 500).
  if (!isRead && FORM_CONTENT_TYPE.test(contentType) && isCrossSite(origin, host) && !CROSS_SITE_FORMS.has(pathname)) return refuse(CROSS_SITE, pathname);
  if (request.method === "POST" && request.headers.has("next-action")) {
    // Counted while it streams in: a body over the limit is not read to its end.
    const body = await readBodyUpTo(request.clone().body, MAX_ACTION_BODY_BYTES);
    if (body === "too large") return refuse(TOO_LARGE, pathname);
    const checked = await checkServerActionRequest({ contentType, origin, host, body });
    if (!("reply" in checked)) return refuse(checked, pathname);
    if (!(await decodesAsActionReply(checked.reply))) return refuse(BAD_BODY, pathname);
  }
  return redirectIfSignedOut(request);
}

export const config = {
  // Only the protected pages (kept in step with PROTECTED_PREFIXES by auth.config.test.ts), so the
  // prerendered lesson pages are served without running any session code.
  // Server action calls on any page, for the checks in lib/security/server-action-request.ts and
  // react-reply.ts.
  // (Browsers send a form's content type in lower case; only a browser can be made to post cross-site.)
  // Any path with a `%`, to refuse one that does not decode (Next matches the raw path and the decoded one).
  // A form that can be posted from another site without JavaScript (Origin and a form content type),
  // so a cross-site post is a 403 here. JSON API calls are not matched: running the proxy makes Next
  // buffer the body for it, and readJson (lib/api/request.ts) limits the body as it streams.
  matcher: [
    "/dashboard/:path*",
    "/account/:path*",
    "/teacher/:path*",
    "/quiz/:path*",
    "/review/:path*",
    "/classes/:path*",
    "/articles/:path*",
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    { source: "/:path(.*%.*)" },
    {
      source: "/:path*",
      has: [
        { type: "header", key: "origin" },
        { type: "header", key: "content-type", value: "(?:multipart/form-data|application/x-www-form-urlencoded|text/plain).*" },
      ],
    },
  ],
};
