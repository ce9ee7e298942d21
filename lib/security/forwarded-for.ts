// Loaded once at server start (instrumentation.ts). App Router code never sees the socket, so every
// incoming request gets its client address (client-address.ts) written into a private header
// before Next reads it; whatever the client sent under that name is dropped. Wraps the `request`
// event of Node's http server, the one place that still has both the socket and the headers.
import { IncomingMessage, Server } from "node:http";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress, stampedAddress } from "./client-address";

const MARK = Symbol.for("backchannel.clientAddress");

type Marked = { [MARK]?: true };

export function stampClientAddress(request: IncomingMessage, trustedProxies: number): void {
  request.headers[CLIENT_ADDRESS_HEADER] = stampedAddress(
    resolveClientAddress(request.socket?.remoteAddress, request.headers["x-forwarded-for"], trustedProxies),
  );
}

/** Stamps every request of every http server in this process; idempotent. */
export function stampClientAddresses(trustedProxies: number): void {
  // Node types `emit` as one overload per event; the wrapper passes every event through unchanged.
  const original: typeof Server.prototype.emit & Marked = Server.prototype.emit;
  if (original[MARK]) return;
  const emit: Marked = function (this: Server, event: string | symbol, ...args: unknown[]) {
    const request = args[0];
    if (event === "request" && request instanceof IncomingMessage) stampClientAddress(request, trustedProxies);
    return Reflect.apply(original, this, [event, ...args]);
  };
  emit[MARK] = true;
  Object.defineProperty(Server.prototype, "emit", { value: emit, writable: true, configurable: true });
}
