// Text that people's names, class names and titles must not contain: control characters, and the
// invisible "format" characters (Unicode category Cf). Among those are the bidirectional controls
// (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), which turn "Amira" into a name that reads
// differently in a roster or a CSV opened in a spreadsheet, and the zero-width ones (U+200B–U+200D,
// U+2060, U+FEFF), which make two names that look the same different (issue 15). The one exception:
// a zero-width joiner or non-joiner between two letters of a script that shapes its letters by
// joining (Persian and Arabic, the Indic scripts), where it is part of correct spelling.

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const FORMAT = /\p{Cf}/gu;
const JOINING_LETTER =
  /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}]/u;

/** Whether every format character in `text` is a joiner between two letters of a joining script. */
function onlySpellingJoiners(text: string): boolean {
  for (const match of text.matchAll(FORMAT)) {
    const at = match.index;
    if (match[0] !== "\u200c" && match[0] !== "\u200d") return false;
    const before = text.slice(0, at).match(/[\p{L}\p{M}]$/u)?.[0];
    const after = text.slice(at + 1).match(/^\p{L}/u)?.[0];
    if (!before || !after || !JOINING_LETTER.test(before) || !JOINING_LETTER.test(after)) return false;
  }
  return true;
}

/** True when `text` has an invisible or text-direction character (line breaks are not counted). */
export function hasInvisibleCharacters(text: string): boolean {
  return !onlySpellingJoiners(text);
}

/** True when `text` (one line: a name or a title) has no control character and no invisible or text-direction character. */
export function isShowableText(text: string): boolean {
  return !CONTROL.test(text) && onlySpellingJoiners(text);
}

export const INVISIBLE_CHARACTERS_MESSAGE = "contains invisible or text-direction characters. Type it again without them.";
