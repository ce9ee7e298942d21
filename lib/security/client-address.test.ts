import { IncomingMessage } from "node:http";
import { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress, resolveClientAddress, stampedAddress } from "./client-address";
import { stampClientAddress } from "./forwarded-for";

describe("resolveClientAddress", () => {
  it("with no trusted proxy reads the socket and ignores any X-Forwarded-For", () => {
    expect(resolveClientAddress("198.51.100.9", "203.0.113.7", 0)).toBe("198.51.100.9");
    expect(resolveClientAddress("::ffff:198.51.100.9", undefined, 0)).toBe("198.51.100.9");
    expect(resolveClientAddress(undefined, "203.0.113.7", 0)).toBe("unknown");
  });

  it("with one trusted proxy takes the entry that proxy appended, not the ones the client wrote", () => {
    expect(resolveClientAddress("10.0.0.1", "203.0.113.7", 1)).toBe("203.0.113.7");
    // The client sent "X-Forwarded-For: 1.2.3.4"; nginx appended the real address.
    expect(resolveClientAddress("10.0.0.1", "1.2.3.4, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(resolveClientAddress("10.0.0.1", ["1.2.3.4", " 203.0.113.7 "], 1)).toBe("203.0.113.7");
    expect(resolveClientAddress("10.0.0.1", "", 1)).toBe("10.0.0.1");
  });

  it("with two trusted proxies takes the second entry from the right", () => {
    expect(resolveClientAddress("10.0.0.2", "1.2.3.4, 203.0.113.7, 10.0.0.1", 2)).toBe("203.0.113.7");
    expect(resolveClientAddress("10.0.0.2", "203.0.113.7, 10.0.0.1", 2)).toBe("203.0.113.7");
    // Fewer entries than proxies: the leftmost is the best there is.
    expect(resolveClientAddress("10.0.0.2", "10.0.0.1", 2)).toBe("10.0.0.1");
  });
});

function request(remoteAddress: string, headers: Record<string, string>): IncomingMessage {
  const socket = new Socket();
  Object.defineProperty(socket, "remoteAddress", { value: remoteAddress });
  const message = new IncomingMessage(socket);
  Object.assign(message.headers, headers);
  return message;
}

describe("clientAddress", () => {
  it("reads only the header the hook stamped, whatever the client sent", () => {
    const spoofed = request("198.51.100.9", { "x-forwarded-for": "1.2.3.4", [CLIENT_ADDRESS_HEADER]: "5.6.7.8", "x-real-ip": "9.9.9.9" });
    stampClientAddress(spoofed, 0);
    expect(clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: String(spoofed.headers[CLIENT_ADDRESS_HEADER]) }))).toBe("198.51.100.9");
  });

  it("counts an unstamped or forged header as one unknown client", () => {
    expect(clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: "5.6.7.8", "x-forwarded-for": "1.2.3.4" }))).toBe("unknown");
    expect(clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: `forged ${"5.6.7.8"}` }))).toBe("unknown");
    expect(clientAddress(new Headers())).toBe("unknown");
    expect(clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: stampedAddress("203.0.113.7") }))).toBe("203.0.113.7");
  });
});
