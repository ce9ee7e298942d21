// Auth.js's own endpoints (session, csrf, callback). Auth.js checks its CSRF token itself.
import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { apiError } from "@/lib/api/respond";
import { frameworkRoute } from "@/lib/api/route";

/**
 * The Auth.js endpoints the app uses: the session read and update (next-auth/react's useSession and
 * update()), the CSRF token update() sends, the credentials callback (the form-free sign-in the
 * reliability tests use), and the school provider's callback (decision 0047; the way out to the
 * provider is a server action, app/(auth)/school-actions.ts). Auth.js's own pages (signin, signout, error, verify-request) are ours at
 * /signin instead: theirs built links from the request's host (`localhost` behind a proxy), so
 * every other path is a 404 (issue 15, docs/decisions/0034-clean-refusals.md).
 */
const USED = { GET: new Set(["session", "csrf", "callback/school"]), POST: new Set(["session", "callback/credentials"]) };

function usedOnly(method: keyof typeof USED, handler: (request: NextRequest) => Promise<Response>) {
  return async (request: NextRequest): Promise<Response> => {
    const action = request.nextUrl.pathname.replace(/^\/api\/auth\/?/, "").replace(/\/$/, "");
    if (!USED[method].has(action)) return apiError(404, "not_found", "There is nothing here.");
    return handler(request);
  };
}

const SCHOOL_CALLBACK = "/api/auth/callback/school";

/** The session cookie, by the names Auth.js gives it (with the __Secure- prefix in production). */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?=/;

/**
 * Reading the session (GET /api/auth/session) never re-issues the session cookie. Auth.js would
 * renew it on every read, so a read that was still on its way when the person signed out brought
 * the deleted cookie back, and they stayed signed in. A session therefore lasts its seven days
 * from sign-in; changing one's name (a POST, `update()`) still writes the new token.
 */
async function getWithoutRenewal(request: NextRequest): Promise<Response> {
  const response = await handlers.GET(request);
  // The school provider's callback is a GET too, and its whole point is the new session cookie.
  if (request.nextUrl.pathname.replace(/\/$/, "") === SCHOOL_CALLBACK) return response;
  const setCookies = response.headers.getSetCookie();
  if (!setCookies.some((cookie) => SESSION_COOKIE.test(cookie))) return response;
  const headers = new Headers(response.headers);
  headers.delete("set-cookie");
  for (const cookie of setCookies) if (!SESSION_COOKIE.test(cookie)) headers.append("set-cookie", cookie);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

// Public: these endpoints are how people get a session; Auth.js guards its own writes.
export const { GET, POST } = frameworkRoute({ GET: usedOnly("GET", getWithoutRenewal), POST: usedOnly("POST", handlers.POST) }, "public");
