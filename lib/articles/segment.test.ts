import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_SENTENCE_LENGTH, splitSentences } from "./segment";

/**
 * The invariant from segment.ts: every sentence is a trimmed, non-empty slice of the text, in
 * order, separated from the next only by (at least one character of) whitespace.
 */
function expectInvariant(text: string, sentences: string[]) {
  let at = 0;
  sentences.forEach((sentence, i) => {
    expect(sentence.length).toBeGreaterThan(0);
    expect(sentence).toBe(sentence.trim());
    const found = text.indexOf(sentence, at);
    expect(found, `sentence ${i} "${sentence}" is a slice of the text after position ${at}`).toBeGreaterThanOrEqual(at);
    const gap = text.slice(at, found);
    expect(gap.trim(), `only whitespace before sentence ${i}`).toBe("");
    if (i > 0) expect(gap.length, `whitespace between sentences ${i - 1} and ${i}`).toBeGreaterThan(0);
    at = found + sentence.length;
  });
  expect(text.slice(at).trim()).toBe("");
  // Hence: joining with one space is the text with the gaps between sentences collapsed.
  expect(sentences.join(" ")).toBe(collapseGaps(text, sentences));
}

function collapseGaps(text: string, sentences: string[]): string {
  let out = "";
  let at = 0;
  for (const sentence of sentences) {
    const found = text.indexOf(sentence, at);
    out += (out ? " " : "") + sentence;
    at = found + sentence.length;
  }
  return out;
}

function split(text: string): string[] {
  const sentences = splitSentences(text);
  expectInvariant(text, sentences);
  return sentences;
}

/** Hard cases, each with the sentences it must give. */
const CASES: [string, string, string[]][] = [
  [
    "middle initial",
    "President George W. Bush met Vladimir Putin in Slovenia. They talked for hours.",
    ["President George W. Bush met Vladimir Putin in Slovenia.", "They talked for hours."],
  ],
  ["two initials", "J. K. Rowling gave the speech. It was short.", ["J. K. Rowling gave the speech.", "It was short."]],
  ["initials without spaces", "The novel by J.R.R. Tolkien sold well. Critics agreed.", ["The novel by J.R.R. Tolkien sold well.", "Critics agreed."]],
  ["Mr. and Mrs.", "Mr. Kerry and Mrs. Kerry arrived late. Ms. Smith did not.", ["Mr. Kerry and Mrs. Kerry arrived late.", "Ms. Smith did not."]],
  ["Dr.", "Dr. Ahmed treated the wounded. She stayed all night.", ["Dr. Ahmed treated the wounded.", "She stayed all night."]],
  [
    "Gen. and Sen.",
    "Gen. Petraeus briefed Sen. McCain on Tuesday. The hearing followed.",
    ["Gen. Petraeus briefed Sen. McCain on Tuesday.", "The hearing followed."],
  ],
  ["Lt. Col. and Rep.", "Lt. Col. Jones wrote to Rep. Adams. Nobody answered.", ["Lt. Col. Jones wrote to Rep. Adams.", "Nobody answered."]],
  ["St. as a saint", "They met in St. Petersburg in June. The talks failed.", ["They met in St. Petersburg in June.", "The talks failed."]],
  ["St. as a street ending a sentence", "The embassy is on Main St. The guards are new.", ["The embassy is on Main St.", "The guards are new."]],
  ["U.S. inside a sentence", "The U.S. Navy sent two ships. Russia protested.", ["The U.S. Navy sent two ships.", "Russia protested."]],
  ["U.S. ending a sentence", "Lavrov flew to the U.S. He met Kerry the next day.", ["Lavrov flew to the U.S.", "He met Kerry the next day."]],
  ["U.N.", "The U.N. Security Council met at noon. It adjourned.", ["The U.N. Security Council met at noon.", "It adjourned."]],
  [
    "a.m. and p.m.",
    "The talks began at 9 a.m. on Monday and ended at 11 p.m. Tuesday. Both sides were tired.",
    ["The talks began at 9 a.m. on Monday and ended at 11 p.m. Tuesday.", "Both sides were tired."],
  ],
  ["p.m. ending a sentence", "The vote came at 5 p.m. The result surprised no one.", ["The vote came at 5 p.m.", "The result surprised no one."]],
  ["No. 5", "Resolution No. 2254 passed unanimously. It called for a ceasefire.", ["Resolution No. 2254 passed unanimously.", "It called for a ceasefire."]],
  ["No. as an answer", "Was it a deal? He said no. Then he left.", ["Was it a deal?", "He said no.", "Then he left."]],
  ["decimal numbers", "Oil fell 3.5 percent to $45.20 a barrel. Markets shrugged.", ["Oil fell 3.5 percent to $45.20 a barrel.", "Markets shrugged."]],
  [
    "ellipsis inside a sentence",
    "He said the war… and the peace were one. Then he sat down.",
    ["He said the war… and the peace were one.", "Then he sat down."],
  ],
  [
    "three-dot ellipsis before a capital",
    "“We will fight ... We will win,” he said. Nobody clapped.",
    ["“We will fight ... We will win,” he said.", "Nobody clapped."],
  ],
  ["ellipsis marks an omission", "The report said the deal was final... Diplomats disagreed.", ["The report said the deal was final... Diplomats disagreed."]],
  ["full stop plus ellipsis ends a sentence", "The deal was final.... Diplomats disagreed.", ["The deal was final....", "Diplomats disagreed."]],
  ["spaced ellipsis", "He paused . . . Then he spoke again.", ["He paused . . . Then he spoke again."]],
  [
    "curly quotation of several sentences",
    "“We will meet again. We always do. Nothing changes,” Lavrov said. Kerry nodded.",
    ["“We will meet again. We always do. Nothing changes,” Lavrov said.", "Kerry nodded."],
  ],
  [
    "straight quotation of several sentences",
    'Kerry said: "It is over. We tried. It failed." The room went quiet.',
    ['Kerry said: "It is over. We tried. It failed."', "The room went quiet."],
  ],
  [
    "quotation left open (continues in the next paragraph)",
    "“We tried everything. We failed. Nobody listened.",
    ["“We tried everything.", "We failed.", "Nobody listened."],
  ],
  ["closing quote after the full stop", "He said, “That is all.” Then he left.", ["He said, “That is all.”", "Then he left."]],
  [
    "closing bracket after the full stop",
    "The ceasefire held. (It did not last.) Fighting resumed.",
    ["The ceasefire held.", "(It did not last.)", "Fighting resumed."],
  ],
  ["question in a quotation followed by lowercase", "“Why now?” he asked. Nobody knew.", ["“Why now?” he asked.", "Nobody knew."]],
  ["no space after the mark", "What?No way. That was it.", ["What?No way.", "That was it."]],
  ["exclamation", "Enough! The talks are over.", ["Enough!", "The talks are over."]],
  [
    "caption credit in brackets",
    "Lavrov presents Kerry with tomatoes in Sochi, May 2015 [Twitter / @mfa_russia]",
    ["Lavrov presents Kerry with tomatoes in Sochi, May 2015 [Twitter / @mfa_russia]"],
  ],
  [
    "Jr. before a name continues",
    "Martin Luther King Jr. Day fell on a Monday. Offices closed.",
    ["Martin Luther King Jr. Day fell on a Monday.", "Offices closed."],
  ],
  [
    "month abbreviation",
    "The attacks of Sept. 11 changed everything. Nothing was the same.",
    ["The attacks of Sept. 11 changed everything.", "Nothing was the same."],
  ],
  ["e.g. and vs.", "Some cases, e.g. Syria vs. Ukraine, differ. Others do not.", ["Some cases, e.g. Syria vs. Ukraine, differ.", "Others do not."]],
];

describe("splitSentences", () => {
  it.each(CASES)("%s", (_name, text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it("splits real-looking journalism", () => {
    const paragraph =
      "In the spirit of their increasingly casual relationship, Lavrov offered Kerry two big baskets of tomatoes and potatoes before their meeting in Sochi in May 2015. " +
      "The message wasn’t lost on the American. " +
      "U.S. Secretary of State John F. Kerry told reporters at 4:30 p.m. that “the meeting was productive. We agreed on more than we disagreed.” " +
      "Russia’s Foreign Ministry, led by Sergey V. Lavrov since 2004, said the talks covered Syria, Ukraine and Resolution No. 2231.";
    expect(split(paragraph)).toEqual([
      "In the spirit of their increasingly casual relationship, Lavrov offered Kerry two big baskets of tomatoes and potatoes before their meeting in Sochi in May 2015.",
      "The message wasn’t lost on the American.",
      "U.S. Secretary of State John F. Kerry told reporters at 4:30 p.m. that “the meeting was productive. We agreed on more than we disagreed.”",
      "Russia’s Foreign Ministry, led by Sergey V. Lavrov since 2004, said the talks covered Syria, Ukraine and Resolution No. 2231.",
    ]);
  });

  it("keeps the text as it is: whitespace between sentences collapses, nothing else changes", () => {
    const text = "  First one.\n\tSecond  one.   Third one.  ";
    expect(split(text)).toEqual(["First one.", "Second  one.", "Third one."]);
  });

  it("returns nothing for whitespace", () => {
    expect(split("")).toEqual([]);
    expect(split("  \n ")).toEqual([]);
  });

  it("cuts a sentence longer than the document allows at whitespace", () => {
    const text = `${"word ".repeat(2500)}end.`;
    const sentences = split(text);
    expect(sentences.length).toBeGreaterThan(1);
    for (const sentence of sentences) expect(sentence.length).toBeLessThanOrEqual(MAX_SENTENCE_LENGTH);
  });

  it("keeps the invariant for any mix of the hard cases and whitespace", () => {
    const pieces = [
      ...CASES.map(([, text]) => text),
      "Mr.",
      "U.S.",
      "W.",
      "...",
      "…",
      ". . .",
      "“",
      "”",
      '"',
      "(",
      ")",
      "No.",
      "5",
      "3.5",
      "a.m.",
      "He",
      "the",
      "?",
      "!",
      "x",
    ];
    const whitespace = fc.constantFrom(" ", "  ", "\n", "\t", " \u00a0", "");
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...pieces), whitespace), { maxLength: 12 }), (parts) => {
        const text = parts.map(([piece, space]) => piece + space).join("");
        expectInvariant(text, splitSentences(text));
      }),
      { numRuns: 2000, seed: 16 },
    );
  }, 30_000);

  it("keeps the invariant for arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "B", ".", " ", "\n", "?", "“", "”", '"', "…", "(", ")", "1") }), (text) => {
        expectInvariant(text, splitSentences(text));
      }),
      { numRuns: 2000, seed: 16 },
    );
  }, 30_000);

  it("segments 10,000 words well under the time budget", () => {
    const paragraph = CASES.map(([, text]) => text).join(" ");
    const words = paragraph.split(/\s+/).length;
    const text = Array.from({ length: Math.ceil(10_000 / words) }, () => paragraph);
    const start = performance.now();
    let count = 0;
    for (const p of text) count += splitSentences(p).length;
    const ms = performance.now() - start;
    expect(count).toBeGreaterThan(100);
    // The import goal is 2 s for the whole article; quadratic work would take far longer.
    expect(ms).toBeLessThan(2000);
  });
});
