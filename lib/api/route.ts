// Route handlers are declared like server actions (lib/actions/define.ts): the method, who may call
// it, the JSON body's schema and the handler. The layer answers, in this order: 404 for a bench
// route outside a bench build (before any guard) → 401/403 → 415/413/400 for the body → the handler
// → a DomainError as the API's error shape. Every other method gets the 405 of otherMethods.
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { getSessionUser, type SessionUser } from "@/lib/auth/guards";
import { declare, type RouteDeclaration } from "@/lib/actions/declarations";
import { DomainError, type RefusalCode } from "@/lib/errors";
import { readJson } from "./request";
import { apiError, otherMethods, type ApiErrorCode } from "./respond";

type Method = RouteDeclaration["method"];
type RouteAccess = RouteDeclaration["access"];
// Public routes never read the session (a health check has no use for it).
type UserFor<A extends RouteAccess> = A extends "public" ? null : SessionUser;
type Params = Record<string, string | string[] | undefined>;
type Handler = (request: NextRequest, context: { params: Promise<Params> }) => Promise<Response>;
type Handlers = Record<Method | "PATCH" | "DELETE" | "OPTIONS", Handler>;

const REFUSAL_STATUS: Record<RefusalCode, [number, ApiErrorCode]> = {
  not_found: [404, "not_found"],
  invalid_input: [400, "invalid_input"],
  conflict: [409, "conflict"],
  forbidden: [403, "forbidden"],
  rate_limited: [429, "rate_limited"],
};

/** The API's answer to a refusal from the domain; anything else is a real failure and rethrown. */
export function refusalResponse(error: unknown): NextResponse {
  if (!(error instanceof DomainError)) throw error;
  const [status, code] = REFUSAL_STATUS[error.code];
  return apiError(status, code, error.message);
}

type RouteSpec<A extends RouteAccess, B extends z.ZodObject | null, P extends Params> = {
  method: Method;
  access: A;
  /** The JSON body's schema; null when the request has no body. */
  body: B;
  /** A benchmark route: in a build without it (`built` false), 404 for every method, before any guard. */
  bench?: { built: boolean };
  served?: RouteDeclaration["served"];
  handle: (call: { request: NextRequest; user: UserFor<A>; body: B extends z.ZodObject ? z.output<B> : undefined; params: P }) => Promise<Response>;
};

/** Spread into the route file's exports: `export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({...})`. */
export function route<A extends RouteAccess, B extends z.ZodObject | null, P extends Params = Params>(spec: RouteSpec<A, B, P>): Handlers {
  // A static route is prerendered at build time, for no one: it has no caller to read (and reading
  // the session there would ask `next build` for AUTH_SECRET), so it can only be public.
  const isStatic = spec.served === "static";
  if (isStatic && spec.access !== "public") throw new Error("A static route is served to everyone: declare it public.");
  const present = spec.bench?.built ?? true;
  const absent = declare(async () => apiError(404, "not_found", "There is nothing here."), { kind: "other-method" });
  const handler: Handler = async (request, context) => {
    if (!present) return absent();
    const user = spec.access === "public" ? null : await getSessionUser();
    if (spec.access !== "public") {
      if (!user) return apiError(401, "unauthenticated", "Sign in first.");
      if (spec.access === "teacher" && user.role !== "TEACHER") return apiError(403, "forbidden", "Your account cannot do this.");
      if (spec.access === "admin" && !user.isAdmin) return apiError(403, "forbidden", "Your account cannot do this.");
    }
    let body: unknown = undefined;
    if (spec.body) {
      const read = await readJson(request, spec.body);
      if (read.response) return read.response;
      body = read.data;
    }
    const params = (await context.params) as P;
    try {
      return await spec.handle({ request, user: user as UserFor<A>, body: body as B extends z.ZodObject ? z.output<B> : undefined, params });
    } catch (error) {
      return refusalResponse(error);
    }
  };
  declare(handler, {
    kind: "route",
    access: spec.access,
    method: spec.method,
    body: spec.body,
    served: spec.served ?? "dynamic",
    benchOnly: spec.bench !== undefined,
  });
  // The 405s read nothing and need no request; Next calls them like any handler.
  const refusals = otherMethods(spec.method) as unknown as Partial<Record<string, Handler>>;
  const handlers: Partial<Handlers> = { [spec.method]: handler };
  for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const) {
    if (method !== spec.method) handlers[method] = present ? refusals[method] : absent;
  }
  return handlers as Handlers;
}

/** A library's own handlers (Auth.js): declared for the access table and the fuzz, not wrapped. */
export function frameworkRoute<H extends Partial<Record<Method, Handler | ((request: NextRequest) => Promise<Response>)>>>(
  handlers: H,
  access: RouteAccess,
): H {
  for (const [method, handler] of Object.entries(handlers)) {
    if (handler) declare(handler, { kind: "route", access, method: method as Method, body: null, served: "framework", benchOnly: false });
  }
  return handlers;
}

/** A JSON answer that is never cached. */
export function json(data: unknown, status = 200): NextResponse {
  return NextResponse.json(data, { status, headers: { "Cache-Control": "no-store" } });
}
