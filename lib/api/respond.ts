// JSON API conventions: errors are { error: { code, message } } with a stable code; a route's
// guard (lib/api/route.ts) answers 401/403 in that shape instead of redirecting.
import { NextResponse } from "next/server";
import { declare } from "@/lib/actions/declarations";

export type ApiErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "invalid_json"
  | "invalid_input"
  | "unsupported_media_type"
  | "conflict"
  | "rate_limited"
  | "method_not_allowed"
  | "internal";

export function apiError(status: number, code: ApiErrorCode, message: string, details?: unknown): NextResponse {
  return NextResponse.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, { status, headers: { "Cache-Control": "no-store" } });
}

const ROUTE_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type RouteMethod = (typeof ROUTE_METHODS)[number];
type OtherMethods<Allowed extends RouteMethod> = Record<Exclude<RouteMethod, Allowed>, () => NextResponse> & { OPTIONS: () => NextResponse };

/**
 * Handlers for the methods a route does not take: a 405 in the API's error shape that names the
 * methods it does take (Next's own 405 has an empty body), and an OPTIONS answer that lists only
 * those. A route spreads them into its exports:
 * `export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");`
 * They read and write nothing, so they need no guard.
 */
export function otherMethods<const Allowed extends RouteMethod>(...allowed: Allowed[]): OtherMethods<Allowed> {
  const allow = [...allowed, ...(allowed.includes("GET" as Allowed) ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const refuse = () => {
    const response = apiError(405, "method_not_allowed", `This address only takes ${allowed.join(" and ")} requests.`);
    response.headers.set("Allow", allow);
    return response;
  };
  const handlers: Record<string, () => NextResponse> = {
    OPTIONS: () => new NextResponse(null, { status: 204, headers: { Allow: allow } }),
  };
  for (const method of ROUTE_METHODS) if (!allowed.includes(method as Allowed)) handlers[method] = refuse;
  for (const handler of Object.values(handlers)) declare(handler, { kind: "other-method" });
  return handlers as OtherMethods<Allowed>;
}
