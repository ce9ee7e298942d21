import { CompactSign, compactVerify, createLocalJWKSet, importJWK } from "jose";
import { describe, expect, it } from "vitest";
import { KEY_PUBLISHED_AFTER_DAYS, KEY_SIGNS_FOR_DAYS, newToolKey, publishedKeySet, signingKey } from "./keys";

const DAY = 24 * 60 * 60 * 1000;
const at = (days: number) => new Date(Date.UTC(2026, 0, 1) + days * DAY);

describe("the tool's keys", () => {
  it("publishes only public members, and what the private key signs verifies with the published set", async () => {
    const key = await newToolKey(at(0));
    const set = publishedKeySet([key], at(1));
    expect(set.keys).toHaveLength(1);
    expect(Object.keys(set.keys[0] ?? {}).sort()).toEqual(["alg", "e", "kid", "kty", "n", "use"]);
    const signed = await new CompactSign(new TextEncoder().encode("hello"))
      .setProtectedHeader({ alg: "RS256", kid: key.kid })
      .sign(await importJWK(key.privateJwk, "RS256"));
    const { payload } = await compactVerify(signed, createLocalJWKSet(set));
    expect(new TextDecoder().decode(payload)).toBe("hello");
  });

  it("signs with the newest key until it is too old, and then asks for a new one", async () => {
    const old = await newToolKey(at(0));
    const current = await newToolKey(at(80));
    expect(signingKey([old, current], at(100))?.kid).toBe(current.kid);
    expect(signingKey([old, current], at(80 + KEY_SIGNS_FOR_DAYS))).toBeNull();
    expect(signingKey([], at(0))).toBeNull();
  });

  it("keeps the old key published for a while after the new one starts signing, then drops it", async () => {
    const old = await newToolKey(at(0));
    const current = await newToolKey(at(90));
    const kids = (day: number) => publishedKeySet([old, current], at(day)).keys.map((k) => k.kid);
    expect(kids(90 + KEY_PUBLISHED_AFTER_DAYS - 1)).toEqual([current.kid, old.kid]);
    expect(kids(90 + KEY_PUBLISHED_AFTER_DAYS)).toEqual([current.kid]);
  });
});
