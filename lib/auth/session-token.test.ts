import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { sessionFromCookies, sessionUserIdFromCookies } from "./session-token";

const secret = "a-test-secret-that-is-long-enough-0123456789";
const plain = { secret, secureCookie: false };
const secure = { secret, secureCookie: true };
const PLAIN_NAME = "authjs.session-token";
const SECURE_NAME = "__Secure-authjs.session-token";

/** A session token as Auth.js writes it: encrypted with the secret, salted with the cookie's name. */
const tokenFor = (sub: string, options: { salt?: string; maxAge?: number; secret?: string } = {}) =>
  encode({ token: { sub, role: "STUDENT" }, secret: options.secret ?? secret, salt: options.salt ?? PLAIN_NAME, maxAge: options.maxAge ?? 3600 });

describe("sessionUserIdFromCookies", () => {
  it("reads the user id from a valid session cookie among others", async () => {
    const cookie = `theme=dark; ${PLAIN_NAME}=${await tokenFor("user-1")}; other=1`;
    await expect(sessionUserIdFromCookies(cookie, plain)).resolves.toBe("user-1");
  });

  it("reads the production cookie (__Secure- name and salt) only when secure cookies are on", async () => {
    const token = await tokenFor("user-2", { salt: SECURE_NAME });
    await expect(sessionUserIdFromCookies(`${SECURE_NAME}=${token}`, secure)).resolves.toBe("user-2");
    await expect(sessionUserIdFromCookies(`${SECURE_NAME}=${token}`, plain)).resolves.toBeNull();
    // A token made for the other cookie name does not decrypt under this one.
    await expect(sessionUserIdFromCookies(`${SECURE_NAME}=${await tokenFor("user-2")}`, secure)).resolves.toBeNull();
  });

  it("refuses an expired token", async () => {
    const expired = await tokenFor("user-3", { maxAge: -120 });
    await expect(sessionUserIdFromCookies(`${PLAIN_NAME}=${expired}`, plain)).resolves.toBeNull();
  });

  it("refuses a tampered token and one made with another secret", async () => {
    const token = await tokenFor("user-4");
    const middle = Math.floor(token.length / 2);
    const tampered = `${token.slice(0, middle)}${token[middle] === "A" ? "B" : "A"}${token.slice(middle + 1)}`;
    await expect(sessionUserIdFromCookies(`${PLAIN_NAME}=${tampered}`, plain)).resolves.toBeNull();
    const foreign = await tokenFor("user-4", { secret: "another-secret-that-is-also-long-enough-987" });
    await expect(sessionUserIdFromCookies(`${PLAIN_NAME}=${foreign}`, plain)).resolves.toBeNull();
  });

  it("has no session without the cookie: no header, other cookies only, or garbage", async () => {
    await expect(sessionUserIdFromCookies(null, plain)).resolves.toBeNull();
    await expect(sessionUserIdFromCookies("theme=dark", plain)).resolves.toBeNull();
    await expect(sessionUserIdFromCookies(`${PLAIN_NAME}=not-a-token`, plain)).resolves.toBeNull();
  });

  it("refuses a valid token without a user id", async () => {
    const anonymous = await encode({ token: { role: "STUDENT" }, secret, salt: PLAIN_NAME });
    await expect(sessionUserIdFromCookies(`${PLAIN_NAME}=${anonymous}`, plain)).resolves.toBeNull();
  });
});

describe("sessionFromCookies", () => {
  it("reads the session version the token was issued under, 0 for a token from before versions", async () => {
    const versioned = await encode({ token: { sub: "user-3", role: "STUDENT", sv: 4 }, secret, salt: PLAIN_NAME, maxAge: 3600 });
    await expect(sessionFromCookies(`${PLAIN_NAME}=${versioned}`, plain)).resolves.toEqual({ userId: "user-3", sessionVersion: 4 });
    await expect(sessionFromCookies(`${PLAIN_NAME}=${await tokenFor("user-4")}`, plain)).resolves.toEqual({ userId: "user-4", sessionVersion: 0 });
  });
});
