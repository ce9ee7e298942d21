/**
 * The tool's own signing keys (LTI 1.3 Security Framework): platforms fetch our public key set to
 * check our client assertions and Deep Linking responses. Keys rotate: a new one signs from the day
 * it is made, and the old one stays published for a while, so a platform that cached our key set
 * still accepts what the old key signed. The rules are here, pure; storing the keys is the caller's.
 */
import { exportJWK, generateKeyPair, type JWK } from "jose";

export const SIGNING_ALG = "RS256";
/** A key signs for this long before a new one takes over. */
export const KEY_SIGNS_FOR_DAYS = 90;
/** …and is still published this long after, for platforms that cached the key set. */
export const KEY_PUBLISHED_AFTER_DAYS = 14;
const DAY = 24 * 60 * 60 * 1000;

export type StoredKey = { kid: string; createdAt: Date; publicJwk: JWK; privateJwk: JWK };

export async function newToolKey(now = new Date()): Promise<StoredKey> {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const kid = crypto.randomUUID();
  const meta = { kid, alg: SIGNING_ALG, use: "sig" };
  return { kid, createdAt: now, publicJwk: { ...(await exportJWK(publicKey)), ...meta }, privateJwk: { ...(await exportJWK(privateKey)), ...meta } };
}

/** The key that signs now: the newest, unless it is too old to sign (then a new one is due). */
export function signingKey(keys: readonly StoredKey[], now = new Date()): StoredKey | null {
  const newest = [...keys].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  return newest && now.getTime() - newest.createdAt.getTime() < KEY_SIGNS_FOR_DAYS * DAY ? newest : null;
}

/**
 * The public key set to publish: every key that signs now or signed recently. A key is retired
 * once a newer one has been signing for KEY_PUBLISHED_AFTER_DAYS.
 */
export function publishedKeySet(keys: readonly StoredKey[], now = new Date()): { keys: JWK[] } {
  const byAge = [...keys].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const kept = byAge.filter((key, i) => {
    const successor = byAge[i - 1];
    return !successor || now.getTime() - successor.createdAt.getTime() < KEY_PUBLISHED_AFTER_DAYS * DAY;
  });
  // Only public members: a private JWK's `d`, `p`, `q`… never leave the server.
  return { keys: kept.map(({ publicJwk: { kty, n, e, kid, alg, use } }) => ({ kty, n, e, kid, alg, use })) };
}
