import { describe, expect, it } from "vitest";
import { formatJoinCode, generateJoinCode, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, joinPath, normaliseJoinCode } from "./join-code";

describe("join codes", () => {
  it("are 8 characters from the unambiguous alphabet", () => {
    for (let i = 0; i < 200; i++) {
      const code = generateJoinCode();
      expect(code).toHaveLength(JOIN_CODE_LENGTH);
      for (const ch of code) expect(JOIN_CODE_ALPHABET).toContain(ch);
    }
  });

  it("leave out characters that look alike", () => {
    for (const ch of ["0", "O", "1", "I"]) expect(JOIN_CODE_ALPHABET).not.toContain(ch);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
  });

  it("differ from one call to the next", () => {
    const codes = new Set(Array.from({ length: 500 }, () => generateJoinCode()));
    expect(codes.size).toBe(500);
  });

  it("map random bytes without bias and skip bytes past the last full round of the alphabet", () => {
    // With a 32-character alphabet every byte is usable: byte n gives character n mod 32.
    const bytes = Uint8Array.from([0, 1, 31, 32, 63, 255, 100, 7]);
    expect(generateJoinCode(() => bytes)).toBe([0, 1, 31, 0, 31, 31, 4, 7].map((i) => JOIN_CODE_ALPHABET[i]).join(""));
  });

  it("normalise what people type: case, spaces, dashes", () => {
    expect(normaliseJoinCode("abcd-ef23")).toBe("ABCDEF23");
    expect(normaliseJoinCode("  ABCD EF23 ")).toBe("ABCDEF23");
    expect(normaliseJoinCode("ab–cd—ef_23")).toBe("ABCDEF23");
    expect(normaliseJoinCode("ＡＢＣＤＥＦ２３")).toBe("ABCDEF23");
  });

  it("refuse what cannot be a code", () => {
    expect(normaliseJoinCode("")).toBeNull();
    expect(normaliseJoinCode("ABCDEF2")).toBeNull();
    expect(normaliseJoinCode("ABCDEF234")).toBeNull();
    expect(normaliseJoinCode("ABCDEF20")).toBeNull(); // 0 is not in the alphabet
    expect(normaliseJoinCode("ABCD'; --")).toBeNull();
  });

  it("format for display and link to the join form", () => {
    expect(formatJoinCode("ABCDEF23")).toBe("ABCD-EF23");
    expect(joinPath("ABCDEF23")).toBe("/classes/join?code=ABCDEF23");
  });
});
