import { describe, expect, it } from "vitest";
import { createRandom, hashSeed, rotate, seededShuffle } from "./shuffle";

const letters = ["a", "b", "c", "d", "e", "f", "g", "h"];

describe("hashSeed", () => {
  it("gives four unsigned 32-bit words", () => {
    for (const word of hashSeed("attempt-1:q-1")) {
      expect(Number.isInteger(word)).toBe(true);
      expect(word).toBeGreaterThanOrEqual(0);
      expect(word).toBeLessThan(2 ** 32);
    }
  });
  it("is stable and sensitive to every character", () => {
    expect(hashSeed("abc")).toEqual(hashSeed("abc"));
    expect(hashSeed("abc")).not.toEqual(hashSeed("abd"));
    expect(hashSeed("")).not.toEqual(hashSeed(" "));
  });
});

describe("createRandom", () => {
  it("repeats the same sequence for the same seed", () => {
    const a = createRandom("seed");
    const b = createRandom("seed");
    const first = Array.from({ length: 20 }, a);
    expect(Array.from({ length: 20 }, b)).toEqual(first);
  });
  it("gives different sequences for different seeds", () => {
    expect(Array.from({ length: 5 }, createRandom("seed-1"))).not.toEqual(Array.from({ length: 5 }, createRandom("seed-2")));
  });
  it("stays in [0, 1) with a plausible mean", () => {
    const random = createRandom("range");
    const values = Array.from({ length: 10_000 }, random);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });
});

describe("seededShuffle", () => {
  it("is deterministic per seed", () => {
    expect(seededShuffle(letters, "attempt-1:q-1")).toEqual(seededShuffle(letters, "attempt-1:q-1"));
  });

  it("gives different orders for different seeds", () => {
    const orders = new Set(Array.from({ length: 50 }, (_, i) => seededShuffle(letters, `attempt-${i}:q-1`).join("")));
    // 8! = 40 320 orders: 50 seeds should almost all differ; demand far fewer collisions than that.
    expect(orders.size).toBeGreaterThan(45);
    expect(seededShuffle(letters, "attempt-1:q-1")).not.toEqual(seededShuffle(letters, "attempt-2:q-1"));
  });

  it("returns a permutation of the input", () => {
    for (let i = 0; i < 100; i++) {
      const shuffled = seededShuffle(letters, `perm-${i}`);
      expect(shuffled).toHaveLength(letters.length);
      expect([...shuffled].sort()).toEqual(letters);
    }
  });

  it("keeps duplicates and object identity", () => {
    const a = { id: "a" };
    const b = { id: "b" };
    const shuffled = seededShuffle([a, b, a], "dupes");
    expect(shuffled.filter((x) => x === a)).toHaveLength(2);
    expect(shuffled).toContain(b);
  });

  it("does not mutate its input", () => {
    const input = [...letters];
    seededShuffle(input, "no-mutation");
    expect(input).toEqual(letters);
  });

  it("handles empty and single-item lists", () => {
    expect(seededShuffle([], "x")).toEqual([]);
    expect(seededShuffle(["only"], "x")).toEqual(["only"]);
  });

  it("reaches every order of three items about equally often", () => {
    const counts = new Map<string, number>();
    const runs = 6000;
    for (let i = 0; i < runs; i++) {
      const key = seededShuffle(["a", "b", "c"], `uniform-${i}`).join("");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const count of counts.values()) {
      expect(count).toBeGreaterThan((runs / 6) * 0.85);
      expect(count).toBeLessThan((runs / 6) * 1.15);
    }
  });
});

describe("rotate", () => {
  it("moves the first item to the end by default", () => expect(rotate([1, 2, 3])).toEqual([2, 3, 1]));
  it("wraps around and accepts negative steps", () => {
    expect(rotate([1, 2, 3], 4)).toEqual([2, 3, 1]);
    expect(rotate([1, 2, 3], -1)).toEqual([3, 1, 2]);
  });
  it("handles an empty list", () => expect(rotate([])).toEqual([]));
});
