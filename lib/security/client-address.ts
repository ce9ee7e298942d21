// The address the per-address throttles count by (decision 0035). A client can send any
// X-Forwarded-For it likes, and `next start` passes it on untouched, so the header is believed only
// as far as the deployment says proxies sit in front (TRUSTED_PROXIES). The address is worked out
// once per request from the socket (forwarded-for.ts, loaded from instrumentation.ts) and handed to
// the app in a private header that a client cannot set.

/** The private header carrying the address; any value a client sends is replaced. */
export const CLIENT_ADDRESS_HEADER = "x-backchannel-client";

/**
 * The client's address: the socket's peer with no trusted proxy; with N trusted proxies, the N-th
 * X-Forwarded-For entry from the right (each proxy appends the address it saw, so entries further
 * left were written by the client and prove nothing). Too few entries means the request did not come
 * through all the proxies: the leftmost one is the best there is.
 */
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedProxies: number): string {
  const socket = normalise(socketAddress) || "unknown";
  if (trustedProxies <= 0) return socket;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((hop) => normalise(hop))
    .filter((hop) => hop !== "");
  if (hops.length === 0) return socket;
  return hops[Math.max(0, hops.length - trustedProxies)] ?? socket;
}

// "::ffff:203.0.113.7" (IPv4 on an IPv6 socket) and "203.0.113.7" are one client.
function normalise(address: string | undefined): string {
  const trimmed = (address ?? "").trim().slice(0, 100);
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}

// The hook signs its header with a random value known only to this process: a request that
// arrives before the hook is loaded (server start-up) keeps whatever header the client sent, and
// that must not count as an address.
const STAMP = Symbol.for("backchannel.clientAddressStamp");
type WithStamp = typeof globalThis & { [STAMP]?: string };

export function processStamp(): string {
  const global = globalThis as WithStamp;
  global[STAMP] ??= crypto.randomUUID();
  return global[STAMP];
}

/** The header value the hook writes: the process's stamp, a space, the address. */
export function stampedAddress(address: string): string {
  return `${processStamp()} ${address}`;
}

/** Read by sign-in, joining a class, password reset and the sample question. */
export function clientAddress(headers: Pick<Headers, "get">): string {
  const value = headers.get(CLIENT_ADDRESS_HEADER) ?? "";
  const prefix = `${processStamp()} `;
  // Unstamped: the hook did not run (start-up, or a test calling code directly): one shared bucket.
  return value.startsWith(prefix) ? value.slice(prefix.length) || "unknown" : "unknown";
}
