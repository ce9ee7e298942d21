import { describe, expect, it } from "vitest";
import articleJson from "@/content/article.json";
import { ArticleSchema, LABEL_VALUES, type Label } from "@/lib/content/schema";
import { sampleDoc } from "./doc-fixture";
import { SUGGESTION_RULES, suggestionsFor, suggestLabel, type SuggestionContext } from "./suggest";

const paragraph: SuggestionContext = { blockKind: "paragraph" };
const suggest = (sentence: string, context: SuggestionContext = paragraph) => suggestLabel(sentence, context);

describe("SUGGESTION_RULES", () => {
  it("lists every rule with a plain description, imagined before quote before opinion before fact", () => {
    expect(SUGGESTION_RULES.map((r) => r.id)).toEqual([
      "page-furniture",
      "furniture-phrase",
      "dialogue-line",
      "imagine",
      "quote-with-verb",
      "first-person",
      "evaluative-word",
      "date",
      "number",
    ]);
    const order = SUGGESTION_RULES.map((r) => r.label);
    const firstOf = (label: Label) => order.indexOf(label);
    expect(firstOf("imagined-dialogue")).toBeLessThan(firstOf("on-record-quote"));
    expect(firstOf("on-record-quote")).toBeLessThan(firstOf("opinion"));
    expect(firstOf("opinion")).toBeLessThan(firstOf("reported-fact"));
    for (const rule of SUGGESTION_RULES) {
      expect(rule.description.length).toBeGreaterThan(40);
      expect(rule.description).toMatch(/Checked/);
      expect(rule).not.toHaveProperty("match");
    }
    expect(SUGGESTION_RULES.find((r) => r.id === "evaluative-word")?.description).toContain("arguably");
  });
});

describe("suggestLabel", () => {
  it("suggests an on-record quote for quotation marks with a speech verb, with the speaker next to the verb", () => {
    expect(suggest("“We are not going to accept this,” Kerry said.")).toEqual({
      label: "on-record-quote",
      ruleId: "quote-with-verb",
      reason: "quotation marks with “said”",
      speaker: "Kerry",
    });
    expect(suggest("“There is no military solution,” said Lavrov, speaking in Geneva.")?.speaker).toBe("Lavrov");
    expect(suggest("Foreign Minister Sergey Lavrov told reporters the talks were “constructive”.")?.speaker).toBe("Sergey Lavrov");
    expect(suggest("The minister told reporters that the deal was “dead”.")).toEqual({
      label: "on-record-quote",
      ruleId: "quote-with-verb",
      reason: "quotation marks with “told”",
    });
    expect(suggest("“This is a moment of truth,” he said.")).not.toHaveProperty("speaker");
    expect(suggest("The ceasefire was “holding”, according to UN officials.")?.reason).toBe("quotation marks with “according to”");
    expect(suggest('Obama warned of "another Afghanistan" in October 2015.')?.label).toBe("on-record-quote");
    // A closing quotation mark stands between the verb and the capitalised word: not a speaker.
    expect(suggest("“We will never leave Ukraine,” said the minister.")).not.toHaveProperty("speaker");
  });

  it("treats a block quote, or a sentence continuing an open quotation, as a quote", () => {
    expect(suggest("“I looked the man in the eye.", { blockKind: "quote" })?.label).toBe("on-record-quote");
    expect(
      suggest("I found him to be very straightforward and trustworthy.”", { blockKind: "paragraph", previousSentence: "“I looked the man in the eye." }),
    ).toMatchObject({
      label: "on-record-quote",
      reason: "it continues the quotation opened in the sentence before",
    });
  });

  it("suggests imagined dialogue for speaker lines, dialogue dashes, speech blocks and ‘imagine’", () => {
    expect(suggest("SL: Yes, but my boss is not as lenient as yours.")).toEqual({
      label: "imagined-dialogue",
      ruleId: "dialogue-line",
      reason: "the line starts with “SL:”",
      speaker: "SL",
    });
    expect(suggest("Kerry: [Aggravated] It is, I assure you, it is.")?.speaker).toBe("Kerry");
    expect(suggest("— Shall we try again, John?")?.label).toBe("imagined-dialogue");
    expect(suggest("Amen.", { blockKind: "speech" })?.reason).toBe("the block is marked as speech");
    expect(suggest("I imagine, based on various news reports, their conversation could have gone as follows:")?.reason).toBe("the word “I imagine”");
    // "Long story short: …" is not a speaker's line, and "imagine" inside a quote is someone's words.
    expect(suggest("Long story short: Over the past 16 years, US-Russian relations underwent four different phases.")?.ruleId).not.toBe("dialogue-line");
    expect(suggest("“I cannot imagine a deal without Russia,” Kerry said.")?.label).toBe("on-record-quote");
  });

  it("suggests opinion for the first person or a judging word outside quotation marks", () => {
    expect(suggest("or should I say, a fifth home.")).toMatchObject({ label: "opinion", ruleId: "first-person", reason: "the first-person word “I”" });
    expect(suggest("Our leaders have learned nothing.")?.reason).toBe("the first-person word “Our”");
    expect(suggest("Bush’s initial impression seemed somewhat overconfident, even naive, after the 2001 summit.")).toMatchObject({
      label: "opinion",
      reason: "the judging word “seemed”",
    });
    expect(suggest("The policy was, arguably, a disastrous failure.")?.reason).toBe("the judging word “arguably”");
    // "US" is the country, not "us".
    expect(suggest("The US imposed sanctions on Russia in March 2014.")?.label).toBe("reported-fact");
  });

  it("suggests a reported fact for a date or a number", () => {
    expect(suggest("Lavrov offered Kerry two baskets of tomatoes before their meeting in Sochi in May 2015.")).toEqual({
      label: "reported-fact",
      ruleId: "date",
      reason: "the year “2015”",
    });
    expect(suggest("The talks resumed on Tuesday in Geneva.")?.reason).toBe("the day “Tuesday”");
    expect(suggest("The talks resumed in September.")?.reason).toBe("the month “September”");
    expect(suggest("More than 400,000 people have been killed in the war.")?.reason).toBe("the number “400,000”");
    expect(suggest("The two signed a nuclear arms reduction pact.")?.reason).toBe("the number “two”");
    expect(suggest("May the talks go well.")).toBeNull();
    expect(suggest("Nobody else was in the room.")).toBeNull();
  });

  it("suggests an editorial note for headings and notes to the reader", () => {
    expect(suggest("Messrs Fix-it", { blockKind: "heading" })).toEqual({
      label: "editorial-note",
      ruleId: "page-furniture",
      reason: "the block is marked as a heading",
    });
    expect(suggest("The views expressed in this article are the author’s own.")?.ruleId).toBe("furniture-phrase");
    expect(suggest("Editor’s note: This article is the fourth piece of a five-part series.")?.label).toBe("editorial-note");
  });
});

describe("suggestionsFor", () => {
  it("suggests for the shown unlabelled sentences by id, or for every sentence on request", () => {
    // s4 "Nobody else was in the room." triggers no rule; s6 has "failed"; s7 is hidden.
    expect(suggestionsFor(sampleDoc())).toEqual({ s6: { label: "opinion", ruleId: "evaluative-word", reason: "the judging word “failed”" } });
    const all = suggestionsFor(sampleDoc(), { all: true });
    expect(all.s2?.label).toBe("reported-fact");
    expect(all.s5).toMatchObject({ label: "on-record-quote", speaker: "Kerry" });
    expect(all.s9).toMatchObject({ label: "imagined-dialogue", speaker: "Lavrov" });
    expect(all.s1?.ruleId).toBe("page-furniture");
    expect(all).not.toHaveProperty("s4");
    expect(JSON.parse(JSON.stringify(all))).toEqual(all);
  });
});

describe("agreement with the hand labels of the built-in article", () => {
  const article = ArticleSchema.parse(articleJson);
  const units = article.blocks
    .filter((b) => b.display !== false)
    .flatMap((b) => {
      const sentences = b.sentences ?? [{ text: b.text, label: b.label }];
      return sentences.map((s, i) => ({ ...s, kind: b.kind, previous: sentences[i - 1]?.text }));
    });

  it("agrees often enough per label, and says so", () => {
    const stats = Object.fromEntries(LABEL_VALUES.map((label) => [label, { total: 0, agree: 0, none: 0 }]));
    const confusion: string[] = [];
    for (const unit of units) {
      const context: SuggestionContext = unit.previous === undefined ? { blockKind: unit.kind } : { blockKind: unit.kind, previousSentence: unit.previous };
      const suggestion = suggestLabel(unit.text, context);
      const row = stats[unit.label]!;
      row.total += 1;
      if (suggestion === null) row.none += 1;
      else if (suggestion.label === unit.label) row.agree += 1;
      else confusion.push(`${unit.label} → ${suggestion.label} (${suggestion.reason}): ${unit.text.slice(0, 70)}`);
    }
    const agreed = Object.values(stats).reduce((n, r) => n + r.agree, 0);
    const suggested = units.length - Object.values(stats).reduce((n, r) => n + r.none, 0);
    const lines = LABEL_VALUES.map((label) => {
      const r = stats[label]!;
      return `${label.padEnd(18)} ${r.agree}/${r.total} agree, ${r.none} without a suggestion`;
    });
    console.info(
      [
        `Suggestions vs hand labels (${units.length} labelled units of the built-in article):`,
        ...lines,
        `overall: ${agreed}/${units.length} agree; when a rule fires, ${agreed}/${suggested} agree`,
        "disagreements:",
        ...confusion,
      ].join("\n"),
    );
    // Floors a little under what the rules reach today (47/80 agree; 47/53 when a rule fires), so
    // a rule that breaks fails here. Opinion without a telltale word ("thriving in a bubble") gets
    // no suggestion, on purpose: saying nothing is better than guessing.
    expect(agreed / units.length).toBeGreaterThanOrEqual(0.55);
    expect(stats["imagined-dialogue"]!.agree).toBe(stats["imagined-dialogue"]!.total);
    expect(agreed / suggested).toBeGreaterThanOrEqual(0.85);
    // The two misses are the author's remarks about imagining ("I imagine … as follows:"), which
    // the brief's "imagine" rule sends to imagined dialogue.
    expect(stats["editorial-note"]!.agree / stats["editorial-note"]!.total).toBeGreaterThanOrEqual(0.75);
    expect(stats["on-record-quote"]!.agree).toBe(stats["on-record-quote"]!.total);
    expect(stats.opinion!.agree / stats.opinion!.total).toBeGreaterThanOrEqual(0.3);
    expect(stats["reported-fact"]!.agree / stats["reported-fact"]!.total).toBeGreaterThanOrEqual(0.45);
  });
});
