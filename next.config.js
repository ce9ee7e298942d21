// @ts-check
// Security headers for every response. The Content-Security-Policy allows inline scripts because
// prerendered pages carry Next's inline bootstrap and cannot carry a per-request nonce
// (docs/decisions/0004-csp-for-prerendered-pages.md); everything else is locked to this origin.
const isDev = process.env.NODE_ENV !== "production";

const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

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
  experimental: { authInterrupts: true },
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pg"],
  // Inlined at build time: the benchmark's routes exist only in a build made with BENCH_ROUTES=1
  // (app/bench/enabled.ts), so no deployment can switch them on by setting a variable at run time.
  env: { BENCH_ROUTES: process.env.BENCH_ROUTES === "1" ? "1" : "0" },
  async headers() {
    const headers = [
      { key: "Content-Security-Policy", value: contentSecurityPolicy },
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
      { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ];
    if (!isDev) headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
    return [{ source: "/:path*", headers }];
  },
};

export default nextConfig;
