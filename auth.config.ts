// What the proxy needs from the Auth.js setup: the protected paths, and the edge-safe config
// (which lives in lib/auth/config.ts so the guards need no root app file).
export { authConfig, baseConfig } from "@/lib/auth/config";

/** Paths that need a signed-in person; the pages check again themselves (the proxy is a convenience). */
export const PROTECTED_PREFIXES = ["/dashboard", "/account", "/teacher", "/quiz", "/review", "/classes", "/articles"];

export function isProtectedPath(pathname: string): boolean {
  return PROTECTED_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}
