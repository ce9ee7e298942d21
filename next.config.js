// @ts-check
import { securityHeaders } from "./lib/security/headers.js";

const isDev = process.env.NODE_ENV !== "production";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Next computes a page's ETag by hashing the whole HTML in JavaScript on every request: for a
  // ~100 KB lesson that was a fifth of the server's time per page (bench, decision 0008). The
  // prerendered pages carry long cache lifetimes instead, and private pages are never cached.
  generateEtags: false,
  // The build type-checks the app only; `npm run typecheck` covers tests, scripts and benchmarks too.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  // forbidden() renders app/forbidden.tsx with a 403 status.
  // serverActions.bodySizeLimit: an article upload is up to 10 MB, sent as base64 (a third more) in
  // a server action's form; the default 1 MB would refuse it before our own clear message could.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "14mb" } },
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pg"],
  // The benchmark's page and route are named page.bench.tsx and route.bench.ts: only a build made
  // with BENCH_ROUTES=1 reads those extensions, so any other build has no /bench/static or
  // /api/bench/floor at all, not even in its manifests (docs/decisions/0034-clean-refusals.md).
  pageExtensions: process.env.BENCH_ROUTES === "1" ? ["bench.tsx", "bench.ts", "tsx", "ts", "jsx", "js"] : ["tsx", "ts", "jsx", "js"],
  // Inlined at build time as a second fence (app/bench/enabled.ts): no deployment can switch the
  // routes on by setting a variable at run time.
  env: { BENCH_ROUTES: process.env.BENCH_ROUTES === "1" ? "1" : "0" },
  async headers() {
    // Also added to the answers Next writes before routing (lib/security/bare-responses.ts).
    // The LTI Deep Linking answer posts to the course platform: its own CSP names that one origin
    // as form-action (app/api/lti/deep-link/route.ts); everything else keeps form-action 'self'.
    return [
      { source: "/:path((?!api/lti/deep-link$).*)", headers: securityHeaders(isDev) },
      { source: "/api/lti/deep-link", headers: securityHeaders(isDev, { formAction: false }) },
    ];
  },
};

export default nextConfig;
