// The tool's private keys sealed at rest (decision 0051): AES-256-GCM under a key derived from
// AUTH_SECRET by HKDF-SHA-256 (salt "backchannel-lti-tool-key", info the key's kid).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import type { JWK } from "jose";

function keyFor(kid: string, secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "backchannel-lti-tool-key", kid, 32));
}

/** `iv.ciphertext.tag`, each base64url. */
export function encryptJwk(jwk: JWK, kid: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(kid, secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(jwk), "utf8"), cipher.final()]);
  return [iv, body, cipher.getAuthTag()].map((part) => part.toString("base64url")).join(".");
}

export function decryptJwk(sealed: string, kid: string, secret: string): JWK {
  const [iv, body, tag] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !body || !tag) throw new Error("The stored LTI key is not in the expected form.");
  const decipher = createDecipheriv("aes-256-gcm", keyFor(kid, secret), iv);
  decipher.setAuthTag(tag);
  return JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8")) as JWK;
}
