import { createServer, request as httpRequest, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "./client-address";
import { stampClientAddresses } from "./forwarded-for";

// A real Node http server, as `next start` uses, with the hook installed as instrumentation.ts does
// (one trusted proxy here): what the handler sees is what the app's `headers()` would see.
let server: Server;
let port: number;

beforeAll(async () => {
  stampClientAddresses(1);
  stampClientAddresses(1); // idempotent: a second call wraps nothing twice
  server = createServer((req, res) => {
    res.end(clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: String(req.headers[CLIENT_ADDRESS_HEADER] ?? "") })));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  port = address.port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function get(headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path: "/", headers }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve(body));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("stampClientAddresses", () => {
  it("stamps every request of a real http server, replacing a forged private header", async () => {
    expect(await get({ "x-forwarded-for": "1.2.3.4, 203.0.113.7", [CLIENT_ADDRESS_HEADER]: "forged 5.6.7.8" })).toBe("203.0.113.7");
    expect(await get({})).toBe("127.0.0.1");
  });
});
