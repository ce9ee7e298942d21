// Early redirect to sign-in for protected paths. A convenience only: every page, server action
// and route handler checks the session itself (lib/auth/guards.ts).
import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig, isProtectedPath } from "./auth.config";

const { auth } = NextAuth(authConfig);

export const proxy = auth((request) => {
  const { pathname, search } = request.nextUrl;
  if (request.auth?.user || !isProtectedPath(pathname)) return NextResponse.next();
  // The callback is a local path, never an absolute URL (no open redirect).
  const signIn = new URL("/signin", request.nextUrl);
  signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
});

export const config = {
  // Pages only: route handlers answer 401 themselves, and static files need no session.
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
