// Auth.js's own endpoints (session, csrf, callback). Auth.js checks its CSRF token itself.
import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { frameworkRoute } from "@/lib/api/route";

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
  const setCookies = response.headers.getSetCookie();
  if (!setCookies.some((cookie) => SESSION_COOKIE.test(cookie))) return response;
  const headers = new Headers(response.headers);
  headers.delete("set-cookie");
  for (const cookie of setCookies) if (!SESSION_COOKIE.test(cookie)) headers.append("set-cookie", cookie);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

// Public: these endpoints are how people get a session; Auth.js guards its own writes.
export const { GET, POST } = frameworkRoute({ GET: getWithoutRenewal, POST: handlers.POST }, "public");
