// Early redirect to sign-in for protected paths. A convenience only: every page, server action
// and route handler checks the session itself (lib/auth/guards.ts).
import { NextResponse, type NextRequest } from "next/server";
import { authConfig, isProtectedPath } from "./auth.config";
import { sessionUserIdFromCookies } from "./lib/auth/session-token";
import { decodesAsActionReply } from "./lib/security/react-reply";
import { BAD_BODY, checkServerActionRequest, type ActionRefusal } from "./lib/security/server-action-request";

function refuse(refusal: ActionRefusal): NextResponse {
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
  if (request.method === "POST" && request.headers.has("next-action")) {
    const checked = await checkServerActionRequest({
      contentType: request.headers.get("content-type") ?? "",
      origin: request.headers.get("origin"),
      host: request.headers.get("x-forwarded-host") ?? request.headers.get("host"),
      body: new Uint8Array(await request.clone().arrayBuffer()),
    });
    if (!("reply" in checked)) return refuse(checked);
    if (!(await decodesAsActionReply(checked.reply))) return refuse(BAD_BODY);
  }
  return redirectIfSignedOut(request);
}

export const config = {
  // Only the protected pages (kept in step with PROTECTED_PREFIXES by auth.config.test.ts), so the
  // prerendered lesson pages are served without running any session code.
  // Server action calls on any page, for the checks in lib/security/server-action-request.ts and
  // react-reply.ts.
  matcher: [
    "/dashboard/:path*",
    "/account/:path*",
    "/teacher/:path*",
    "/quiz/:path*",
    "/review/:path*",
    "/classes/:path*",
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};
