// Argon2id via @node-rs/argon2 (prebuilt, no compiler needed). Parameters: the library's
// defaults (OWASP-recommended m=19 MiB, t=2, p=1), about 50 ms a hash on this machine.
import { hash, verify } from "@node-rs/argon2";

export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

// Verifying against this when the email is unknown makes both failures take the same time.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hash("backchannel-timing-equaliser");
  await verifyPassword(await dummyHash, password);
  return false;
}
