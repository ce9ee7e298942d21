// Early redirect to sign-in for protected paths. A convenience only: every page, server action
// and route handler checks the session itself (lib/auth/guards.ts).
import NextAuth from "next-auth";
import { authConfig } from "./auth.config";

export const { auth: proxy } = NextAuth(authConfig);

export const config = {
  // Everything except static files and the API (route handlers answer 401 themselves).
  matcher: ["/((?!api|_next/static|_next/image|fonts|favicon.ico|icon.svg|robots.txt).*)"],
};
