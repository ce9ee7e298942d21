// JSON API conventions: errors are { error: { code, message } } with a stable code, and the
// guard for route handlers answers 401/403 in that shape instead of redirecting.
import { NextResponse } from "next/server";
import { getSessionUser, type SessionUser } from "@/lib/auth/guards";

export type ApiErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "invalid_json"
  | "invalid_input"
  | "unsupported_media_type"
  | "conflict"
  | "rate_limited"
  | "internal";

export function apiError(status: number, code: ApiErrorCode, message: string, details?: unknown): NextResponse {
  return NextResponse.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, { status, headers: { "Cache-Control": "no-store" } });
}

type Guarded = { user: SessionUser; response?: never } | { user?: never; response: NextResponse };

/** The route-handler guard: the signed-in person, or the 401 to return. */
export async function requireApiUser(): Promise<Guarded> {
  const user = await getSessionUser();
  if (!user) return { response: apiError(401, "unauthenticated", "Sign in first.") };
  return { user };
}

/** Like requireApiUser, and a 403 for people without the role. */
export async function requireApiRole(role: SessionUser["role"]): Promise<Guarded> {
  const guarded = await requireApiUser();
  if (guarded.response) return guarded;
  if (guarded.user.role !== role) return { response: apiError(403, "forbidden", "Your account cannot do this.") };
  return guarded;
}
