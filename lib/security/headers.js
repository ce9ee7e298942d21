// @ts-check
// The security headers of every response, in one place: next.config.js sends them with everything
// Next routes, and lib/security/bare-responses.ts adds them to the few answers Next writes before
// its routing applies the config (the `//path` redirect, a last-resort 500). The
// Content-Security-Policy allows inline scripts because prerendered pages carry Next's inline
// bootstrap and cannot carry a per-request nonce (docs/decisions/0004-csp-for-prerendered-pages.md);
// everything else is locked to this origin.

/**
 * @param {boolean} isDev
 * @param {{ formAction?: boolean }} [options] formAction false: no form-action directive, for the one
 *   answer that posts to another site and sets its own (app/api/lti/deep-link/route.ts, decision 0051).
 */
export function securityHeaders(isDev, { formAction = true } = {}) {
  const contentSecurityPolicy = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    ...(formAction ? ["form-action 'self'"] : []),
    "frame-ancestors 'none'",
  ].join("; ");
  const headers = [
    { key: "Content-Security-Policy", value: contentSecurityPolicy },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
  if (!isDev) headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
  return headers;
}
