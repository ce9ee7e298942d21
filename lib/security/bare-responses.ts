// Next writes a few answers before its routing applies next.config.js's headers(): the redirect
// of a path with `//` or `\` (resolve-routes.ts answers 308 before anything else runs) and the
// plain "Internal Server Error" its router falls back to. Those left without the security headers
// (issue 15). Loaded once at server start (instrumentation.ts): any response whose headers are
// about to be sent without a Content-Security-Policy gets the full set; a response that already
// has them (everything Next routes) is left as it is.
import { ServerResponse } from "node:http";
import { securityHeaders } from "./headers.js";

const MARK = Symbol.for("backchannel.securityHeaders");

type Patched = typeof ServerResponse.prototype.writeHead & { [MARK]?: true };

/** Adds the missing security headers to every Node response; idempotent. */
export function addSecurityHeadersToBareResponses(isDev: boolean): void {
  const original = ServerResponse.prototype.writeHead as Patched;
  if (original[MARK]) return;
  const headers = securityHeaders(isDev);
  const writeHead = function (this: ServerResponse, ...args: Parameters<typeof original>) {
    if (!this.headersSent && !this.hasHeader("content-security-policy")) {
      for (const { key, value } of headers) if (!this.hasHeader(key)) this.setHeader(key, value);
    }
    return original.apply(this, args);
  } as Patched;
  writeHead[MARK] = true;
  ServerResponse.prototype.writeHead = writeHead;
}
