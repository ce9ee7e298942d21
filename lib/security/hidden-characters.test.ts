import { describe, expect, it } from "vitest";
import { isShowableText } from "./hidden-characters";

describe("isShowableText", () => {
  it.each([
    ["a Latin name", "Amira Haddad"],
    ["accents", "Zoë Ngọc Ánh"],
    ["Arabic", "أميرة حداد"],
    ["Persian with a zero-width non-joiner inside a word", "محمد\u200cرضا"],
    ["Devanagari with a zero-width joiner after a virama", "क्\u200dष"],
    ["Cyrillic", "Сергей Лавров"],
    ["an emoji", "Leo 🎸"],
  ])("accepts %s", (_, text) => {
    expect(isShowableText(text)).toBe(true);
  });

  it.each([
    ["a right-to-left override", "Amira\u202eassah"],
    ["a left-to-right embedding", "\u202aLeo"],
    ["a pop directional formatting", "Leo\u202c"],
    ["a right-to-left isolate", "\u2067Leo\u2069"],
    ["a first-strong isolate", "\u2068Leo"],
    ["a left-to-right mark", "Leo\u200e"],
    ["a right-to-left mark", "\u200fLeo"],
    ["an Arabic letter mark", "Leo\u061c"],
    ["a zero-width space", "Le\u200bo"],
    ["a zero-width non-joiner between Latin letters", "Le\u200co"],
    ["a zero-width joiner between Latin letters", "Le\u200do"],
    ["a zero-width joiner at the end of Arabic", "أميرة\u200d"],
    ["a word joiner", "Le\u2060o"],
    ["a byte order mark", "\ufeffLeo"],
    ["a soft hyphen", "Le\u00ado"],
    ["an invisible tag character", "Leo\u{e0041}"],
    ["a control character", "Leo\u0007"],
    ["a C1 control character", "Leo\u0085"],
  ])("refuses %s", (_, text) => {
    expect(isShowableText(text)).toBe(false);
  });
});
