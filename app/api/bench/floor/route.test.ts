import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import * as route from "./route.bench";

// A build without BENCH_ROUTES=1 does not contain this file (next.config.js pageExtensions). The
// second fence, were it built anyway: no session, no database, and a 404, not the guard's 401.
describe("the benchmark floor outside a bench build", () => {
  it("answers 404 to every method before any guard", async () => {
    expect(process.env.BENCH_ROUTES).toBeUndefined();
    for (const [method, handler] of Object.entries({
      POST: route.POST,
      GET: route.GET,
      PUT: route.PUT,
      PATCH: route.PATCH,
      DELETE: route.DELETE,
      OPTIONS: route.OPTIONS,
    })) {
      const response = await handler(new NextRequest("http://localhost/api/bench/floor", { method }), { params: Promise.resolve({}) });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: "not_found", message: "There is nothing here." } });
    }
  });
});
