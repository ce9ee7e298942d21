import { describe, expect, it } from "vitest";
import { decryptJwk, encryptJwk } from "./key-seal";

const SECRET = "a-secret-of-at-least-thirty-two-characters";
const JWK_PRIVATE = { kty: "RSA", n: "abc", e: "AQAB", d: "private-exponent", kid: "k1" };

describe("sealing the tool's private key", () => {
  it("opens with the same secret and kid, and keeps nothing readable", () => {
    const sealed = encryptJwk(JWK_PRIVATE, "k1", SECRET);
    expect(sealed).not.toContain("private-exponent");
    expect(decryptJwk(sealed, "k1", SECRET)).toEqual(JWK_PRIVATE);
  });

  it("does not open with another secret, under another kid, or when changed", () => {
    const sealed = encryptJwk(JWK_PRIVATE, "k1", SECRET);
    expect(() => decryptJwk(sealed, "k1", `${SECRET}x`)).toThrow();
    expect(() => decryptJwk(sealed, "k2", SECRET)).toThrow();
    const [iv, body, tag] = sealed.split(".");
    expect(() => decryptJwk([iv, `A${body?.slice(1)}`, tag].join("."), "k1", SECRET)).toThrow();
  });
});
