// Early redirect to sign-in for protected paths. A convenience only: every page, server action
// and route handler checks the session itself (lib/auth/guards.ts).
import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authConfig, isProtectedPath } from "./auth.config";
import { checkServerActionRequest } from "./lib/security/server-action-request";

const { auth } = NextAuth(authConfig);

// With a lazily built config, Auth.js hands back the wrapped handler asynchronously.
const handler = auth((request) => {
  const { pathname, search } = request.nextUrl;
  // Only page loads are redirected: a server action (a POST) answers for itself through its guard.
  const isPageLoad = request.method === "GET" || request.method === "HEAD";
  if (request.auth?.user || !isPageLoad || !isProtectedPath(pathname)) return NextResponse.next();
  // The callback is a local path, never an absolute URL (no open redirect).
  const signIn = new URL("/signin", request.nextUrl);
  signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
});

export async function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action")) {
    const refusal = await checkServerActionRequest({
      contentType: request.headers.get("content-type") ?? "",
      origin: request.headers.get("origin"),
      host: request.headers.get("x-forwarded-host") ?? request.headers.get("host"),
      body: new Uint8Array(await request.clone().arrayBuffer()),
    });
    if (refusal) return new NextResponse(refusal.message, { status: refusal.status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
    // Elsewhere than the protected paths, an action call goes on as it did before the check existed.
    if (!isProtectedPath(request.nextUrl.pathname)) return NextResponse.next();
  }
  const run = await handler;
  return run(request, { params: Promise.resolve({}) });
}

export const config = {
  // Only the protected pages (kept in step with PROTECTED_PREFIXES by auth.config.test.ts), so the
  // prerendered lesson pages are served without running any session code.
  // Server action calls on any page, for the checks in lib/security/server-action-request.ts.
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
