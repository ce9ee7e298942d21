/**
 * The tool's signing keys in the database (decision 0050). The private JWK is encrypted at rest with
 * AES-256-GCM under a key derived from AUTH_SECRET by HKDF-SHA-256 (salt "backchannel-lti-tool-key",
 * info the key's kid), so a copy of the database alone signs nothing. Rotation follows lib/lti/keys.ts:
 * a new key is made when the newest one is too old to sign.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { importJWK, type JWK } from "jose";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { ToolKey } from "./ags";
import { newToolKey, publishedKeySet, signingKey, SIGNING_ALG, type StoredKey } from "./keys";

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

async function storedKeys(): Promise<StoredKey[]> {
  const rows = await db.ltiToolKey.findMany({ orderBy: { createdAt: "desc" } });
  const secret = env().authSecret;
  return rows.map((row) => ({
    kid: row.kid,
    createdAt: row.createdAt,
    publicJwk: row.publicJwk as JWK,
    privateJwk: decryptJwk(row.privateJwkEnc, row.kid, secret),
  }));
}

/** The keys, with a new signing key made first when none may sign now (the first use, or rotation). */
async function keysWithSigner(now = new Date()): Promise<{ keys: StoredKey[]; signer: StoredKey }> {
  const keys = await storedKeys();
  const current = signingKey(keys, now);
  if (current) return { keys, signer: current };
  const made = await newToolKey(now);
  await db.ltiToolKey.create({
    data: { kid: made.kid, publicJwk: made.publicJwk as object, privateJwkEnc: encryptJwk(made.privateJwk, made.kid, env().authSecret), createdAt: now },
  });
  return { keys: [made, ...keys], signer: made };
}

/** The public key set platforms fetch (only public members, lib/lti/keys.ts). */
export async function toolKeySet(now = new Date()): Promise<{ keys: JWK[] }> {
  const { keys } = await keysWithSigner(now);
  return publishedKeySet(keys, now);
}

/** The key that signs our client assertions and Deep Linking responses now. */
export async function toolSigningKey(now = new Date()): Promise<ToolKey> {
  const { signer } = await keysWithSigner(now);
  const privateKey = await importJWK(signer.privateJwk, SIGNING_ALG);
  if (!(privateKey instanceof CryptoKey)) throw new Error("The LTI signing key did not import as a CryptoKey.");
  return { privateKey, kid: signer.kid, alg: SIGNING_ALG };
}
