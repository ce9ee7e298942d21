/**
 * The tool's signing keys in the database (decision 0051). The private JWK is encrypted at rest with
 * AES-256-GCM under a key derived from AUTH_SECRET by HKDF-SHA-256 (salt "backchannel-lti-tool-key",
 * info the key's kid), so a copy of the database alone signs nothing. Rotation follows lib/lti/keys.ts:
 * a new key is made when the newest one is too old to sign.
 */
import { importJWK, type JWK } from "jose";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { ToolKey } from "./ags";
import { decryptJwk, encryptJwk } from "./key-seal";
import { newToolKey, publishedKeySet, signingKey, SIGNING_ALG, type StoredKey } from "./keys";

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

/**
 * The public key set platforms fetch (only public members, lib/lti/keys.ts). Reading it makes no
 * key: the first one is made when something is first signed, before any platform needs to check it.
 */
export async function toolKeySet(now = new Date()): Promise<{ keys: JWK[] }> {
  return publishedKeySet(await storedKeys(), now);
}

/** The key that signs our client assertions and Deep Linking responses now. */
export async function toolSigningKey(now = new Date()): Promise<ToolKey> {
  const { signer } = await keysWithSigner(now);
  const privateKey = await importJWK(signer.privateJwk, SIGNING_ALG);
  if (!(privateKey instanceof CryptoKey)) throw new Error("The LTI signing key did not import as a CryptoKey.");
  return { privateKey, kid: signer.kid, alg: SIGNING_ALG };
}
