import { env } from "@/lib/env";

/**
 * Where links in mail point: the public URL (AUTH_URL). Only in development may the request's own
 * host stand in: in production a forged Host header would send the victim's link to the forger.
 * Null when neither applies.
 */
export function publicBaseUrl(requestHeaders: Pick<Headers, "get">): string | null {
  const { publicUrl, nodeEnv } = env();
  if (publicUrl) return publicUrl;
  const host = requestHeaders.get("host");
  return nodeEnv !== "production" && host ? `http://${host}` : null;
}
