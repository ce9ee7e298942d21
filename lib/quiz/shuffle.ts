// Seeded, deterministic shuffling. A quiz attempt must show the same option order every time
// the page is rendered or reloaded (and on the server that later checks the answer), so the
// order comes from a seed such as "<attempt id>:<question id>", never from Math.random().
//
// cyrb128 turns the string seed into 128 bits of state; sfc32 is a small, fast PRNG with good
// statistical quality for that state. Neither is cryptographic: the seed is not a secret, and
// the order only has to look arbitrary and stay stable.

/** A pseudo-random number generator returning floats in [0, 1). */
export type Random = () => number;

/** cyrb128: a 128-bit string hash (four unsigned 32-bit words), used to seed sfc32. */
export function hashSeed(seed: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32 ("small fast counting"), seeded from a string. */
export function createRandom(seed: string): Random {
  let [a, b, c, d] = hashSeed(seed);
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** A new array with the items in a seed-determined order (Fisher–Yates); the input is untouched. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const random = createRandom(seed);
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    // i and j are always in range, so the non-null assertions cannot hide an undefined.
    const held = shuffled[i]!;
    shuffled[i] = shuffled[j]!;
    shuffled[j] = held;
  }
  return shuffled;
}

/** A new array rotated left by `steps` (1 → the first item moves to the end). */
export function rotate<T>(items: readonly T[], steps = 1): T[] {
  if (items.length === 0) return [];
  const offset = ((steps % items.length) + items.length) % items.length;
  return [...items.slice(offset), ...items.slice(0, offset)];
}
