/** The message for a question saved without sources (lib/articles/question-sources.ts, and the picker that clears it). */
export const NO_SOURCE = "Choose the sentences this question rests on.";

/** The first words of a sentence, to name it in a message, a list or a checkbox. Pure, for both sides. */
export function sentenceStart(text: string, words = 8): string {
  const all = text.trim().split(/\s+/);
  return all.length <= words ? all.join(" ") : `${all.slice(0, words).join(" ")}…`;
}
