// Class join codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I), drawn with a
// cryptographic random source. Pure apart from the random source, which tests can replace.
import { randomBytes } from "node:crypto";

/** 32 characters: A–Z without I and O, and 2–9. Every character is unambiguous on a whiteboard. */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 8;

const CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/**
 * A new code. Bytes are mapped by rejection sampling (bytes at or above the largest multiple of
 * the alphabet size are skipped), so every character is equally likely whatever the alphabet size.
 */
export function generateJoinCode(random: (size: number) => Uint8Array = randomBytes): string {
  const size = JOIN_CODE_ALPHABET.length;
  const limit = 256 - (256 % size);
  let code = "";
  while (code.length < JOIN_CODE_LENGTH) {
    for (const byte of random(JOIN_CODE_LENGTH * 2)) {
      if (byte >= limit) continue;
      code += JOIN_CODE_ALPHABET[byte % size];
      if (code.length === JOIN_CODE_LENGTH) break;
    }
  }
  return code;
}

/**
 * What a person typed or pasted, as a code: upper case, without spaces, dashes or dots. Returns
 * null when the result cannot be a code (wrong length or a character outside the alphabet).
 */
export function normaliseJoinCode(raw: string): string | null {
  const code = raw
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-‐‑‒–—_.]/g, "");
  return CODE_PATTERN.test(code) ? code : null;
}

/** For display: two groups of four ("ABCD-EF23"), easier to read aloud and copy. */
export function formatJoinCode(code: string): string {
  return code.length === JOIN_CODE_LENGTH ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/** The path a student opens to join (the form is pre-filled). */
export function joinPath(code: string): string {
  return `/classes/join?code=${encodeURIComponent(code)}`;
}
