import { describe, expect, it } from "vitest";
import {
  bankFlaws,
  coverageGaps,
  precisionOf,
  questionFlaws,
  surfaceFeatures,
  surfaceProfile,
  unwaived,
  unwaivedBankFlaws,
  type CoverageContent,
  type FlawContext,
} from "./item-flaws";
import { QuestionSchema, type Question, type QuestionOf } from "./schema";

const base = { difficulty: 1 as const, explanation: "Because.", paragraphIds: ["eye-p03"], phaseIds: [], eventIds: [], contextNoteIds: [] };

function single(prompt: string, options: string[], answer = 0, extra: Partial<QuestionOf<"single">> = {}): QuestionOf<"single"> {
  return {
    ...base,
    id: "q-test",
    type: "single",
    prompt,
    options: options.map((text, i) => ({ id: `o${i}`, text })),
    answer: `o${answer}`,
    wrongExplanations: {},
    ...extra,
  };
}

function multiple(prompt: string, options: string[], answers: number[], id = "q-multi"): QuestionOf<"multiple"> {
  return {
    ...base,
    id,
    type: "multiple",
    prompt,
    options: options.map((text, i) => ({ id: `o${i}`, text })),
    answer: answers.map((i) => `o${i}`),
    wrongExplanations: {},
  };
}

function classify(id: string, statement: string, answer: QuestionOf<"classify">["answer"]): QuestionOf<"classify"> {
  return { ...base, id, type: "classify", prompt: "What kind of statement is this?", statement, answer };
}

const codes = (q: Question, ctx?: FlawContext) => questionFlaws(q, ctx).map((f) => f.code);

describe("questionFlaws: the key stands out", () => {
  it("flags a key that is clearly the longest option, with both lengths in the message", () => {
    const q = single("What did Lavrov give Kerry in Sochi?", [
      "Two baskets, one of tomatoes and one of potatoes",
      "Two long potatoes",
      "A red button",
      "A bag of carrots",
    ]);
    const flaw = questionFlaws(q).find((f) => f.code === "longest-key");
    expect(flaw?.message).toMatch(/48 characters; the next longest has 17/);
  });

  it("does not flag a key only a little longer (below 1.3 times or 10 characters)", () => {
    expect(codes(single("When?", ["May 2001", "2001", "1999", "2003"]))).not.toContain("longest-key");
    expect(codes(single("Who?", ["George W. Bush, about Vladimir Putin", "Barack Obama, about Dmitry Medvedev", "John Kerry, about Lavrov"]))).not.toContain(
      "longest-key",
    );
  });

  it("flags multiple-select questions whose right answers are all longer than the wrong ones", () => {
    const q = multiple("Which happened?", ["Obama authorised sanctions over Crimea", "Russia annexed it after a vote", "Potato gift", "Air strikes"], [0, 1]);
    expect(codes(q)).toContain("longest-key");
    const even = multiple("Which happened?", ["Sanctions over Crimea", "Potato gift", "Russia annexed it", "Air strikes in Syria"], [0, 1]);
    expect(codes(even)).not.toContain("longest-key");
  });

  it("flags a key that alone is precise to the day, not one among equals", () => {
    expect(precisionOf("24 September 2014")).toBe(4);
    expect(precisionOf("September 2014")).toBe(3);
    expect(precisionOf("in 2014")).toBe(2);
    expect(precisionOf("30,000 troops")).toBe(1);
    expect(precisionOf("About five months")).toBe(0);
    const q = single("When did the speech happen?", ["24 September 2014", "November 2014", "March 2014", "September 2015"]);
    expect(questionFlaws(q).find((f) => f.code === "precise-key")?.message).toMatch(/Only the right answer gives a day/);
    expect(codes(single("When?", ["24 September 2014", "2 November 2014", "March 2014"]))).not.toContain("precise-key");
    expect(codes(single("When?", ["March 2014", "24 September 2014", "May 2012"]))).not.toContain("precise-key");
  });
});

describe("questionFlaws: the stem gives it away", () => {
  it("flags an option naming what the stem excludes", () => {
    const q = single("Which minister, other than Lavrov, received a gift?", ["Kerry", "Lavrov", "Clinton"]);
    const flaw = questionFlaws(q).find((f) => f.code === "stem-excludes");
    expect(flaw?.message).toMatch(/other than Lavrov.*“Lavrov” is ruled out/);
  });

  it("flags a key that alone repeats a word of the stem", () => {
    const q = single("Which meeting took place in Slovenia?", ["The Slovenia summit of 2001", "The Paris talks", "The Sochi talks"]);
    expect(questionFlaws(q).find((f) => f.code === "stem-echo")?.message).toMatch(/“slovenia”/);
    const shared = single("Which meeting took place in Slovenia?", ["The Slovenia summit of 2001", "A Slovenia dinner", "The Sochi talks"]);
    expect(codes(shared)).not.toContain("stem-echo");
  });

  it("flags two or more right answers that alone repeat a stem word in multiple-select", () => {
    const q = multiple(
      "Which trips took Kerry to Moscow or Sochi?",
      ["Moscow, December 2015", "Moscow, March 2016", "Paris, January 2014", "London, March 2014"],
      [0, 1],
    );
    expect(codes(q)).toContain("stem-echo");
  });

  it("flags a grammatical cue: a stem ending in “an” that only the key fits", () => {
    const q = single("The UN General Assembly is an", ["assembly of all members", "council of fifteen", "court of justice"]);
    expect(codes(q)).toContain("grammar-cue");
    expect(codes(single("The UN General Assembly is an", ["assembly of members", "organ of the UN", "court"]))).not.toContain("grammar-cue");
  });
});

describe("questionFlaws: wording", () => {
  it("flags absolute words in options and true/false statements, not in quoted source words", () => {
    const q = single("What did drone strikes do?", ["They covered the whole world", "They grew in Pakistan", "They never happened"]);
    expect(questionFlaws(q).filter((f) => f.code === "absolute-word")).toHaveLength(2);
    const quoted = single("What did the UN authorise?", ["“All necessary measures” to protect civilians", "An occupation", "Sanctions"]);
    expect(codes(quoted)).not.toContain("absolute-word");
    const tf: QuestionOf<"true-false"> = { ...base, id: "q-tf", type: "true-false", prompt: "Kerry always spoke first.", answer: false };
    expect(codes(tf)).toContain("absolute-word");
  });

  it("flags “all/none of the above”", () => {
    expect(codes(single("Which?", ["Kerry", "Lavrov", "All of the above"]))).toContain("all-none-above");
    expect(codes(single("Which?", ["Kerry", "Lavrov", "None of these"]))).toContain("all-none-above");
  });

  it("flags near-duplicate options: the same words, or a two-letter slip, but not different numbers or swapped roles", () => {
    expect(codes(single("Where?", ["Sochi, May 2015", "Sochi (May 2015)", "Paris"]))).toContain("near-duplicate");
    expect(codes(single("Who?", ["Bush, about Putin", "Putin, about Bush", "Kerry"]))).not.toContain("near-duplicate");
    expect(codes(single("Where?", ["The Winfield House", "Winfield Hous", "Paris"]))).toContain("near-duplicate");
    expect(codes(single("When?", ["In 2008", "In 2009", "In 2012"]))).not.toContain("near-duplicate");
    expect(codes(single("Who?", ["He backed the war", "He opposed the war", "He said nothing"]))).not.toContain("near-duplicate");
  });
});

describe("questionFlaws: classify statements", () => {
  it("recognises speaker prefixes, quotation marks and fragments", () => {
    expect(surfaceFeatures("JK: Look, speeches are made for public consumption.")).toEqual(["speaker-prefix"]);
    expect(surfaceFeatures("“I looked the man in the eye.”")).toEqual(["quotation-marks"]);
    expect(surfaceFeatures("or should I say, a fifth home.")).toEqual(["fragment"]);
    expect(surfaceFeatures("Things seemed to be going well")).toEqual(["fragment"]);
    expect(surfaceFeatures("Things seemed to be going well.")).toEqual([]);
  });

  it("flags a surface form that predicts the label of every statement having it in the bank", () => {
    const bank = [
      classify("q-a", "JK: One.", "imagined-dialogue"),
      classify("q-b", "SL: Two.", "imagined-dialogue"),
      classify("q-c", "“A quote.”", "on-record-quote"),
      classify("q-d", "“Another.”", "opinion"),
    ];
    const profile = surfaceProfile(bank);
    expect(profile).toEqual({ "speaker-prefix": { label: "imagined-dialogue", count: 2 } });
    const flaw = questionFlaws(bank[0] as Question, { classifySurface: profile }).find((f) => f.code === "classify-surface");
    expect(flaw?.message).toMatch(/speaker's initials.*\(2\) is imagined dialogue/);
    expect(codes(bank[2] as Question, { classifySurface: profile })).not.toContain("classify-surface");
  });
});

describe("questionFlaws: tags", () => {
  const ctx: FlawContext = {
    blocks: [
      { id: "p1", label: "reported-fact" },
      { id: "d1", label: "imagined-dialogue" },
    ],
    phases: [
      { id: "ph1", title: "Phase one", paragraphIds: ["p1"] },
      { id: "ph2", title: "Phase two", paragraphIds: ["p9"] },
    ],
    events: [
      { id: "e1", title: "Event one", phaseId: "ph1", paragraphIds: ["p1"] },
      { id: "e2", title: "Event two", phaseId: "ph2", paragraphIds: ["p8", "d1"] },
      { id: "e3", title: "Imagined", phaseId: "ph2", paragraphIds: ["d1"], mentionedOnlyIn: "imagined-dialogue" },
    ],
  };

  it("flags a phase none of whose paragraphs (or tagged events) the question cites", () => {
    const q = single("Q?", ["a", "b"], 0, { paragraphIds: ["p1"], phaseIds: ["ph1", "ph2"] });
    const flaws = questionFlaws(q, ctx).filter((f) => f.code === "phase-tag");
    expect(flaws.map((f) => f.message)).toEqual([expect.stringMatching(/“Phase two”/)]);
    const viaEvent = single("Q?", ["a", "b"], 0, { paragraphIds: ["d1"], phaseIds: ["ph2"], eventIds: ["e3"] });
    expect(codes(viaEvent, ctx)).not.toContain("phase-tag");
  });

  it("flags an event the cited paragraphs do not mention, and a real event on an imagined-only question", () => {
    const q = single("Q?", ["a", "b"], 0, { paragraphIds: ["p1"], phaseIds: ["ph1", "ph2"], eventIds: ["e1", "e2"] });
    expect(
      questionFlaws(q, ctx)
        .filter((f) => f.code === "event-tag")
        .map((f) => f.message),
    ).toEqual([expect.stringMatching(/“Event two”/)]);
    const imagined = single("In the imagined dialogue?", ["a", "b"], 0, { paragraphIds: ["d1"], phaseIds: ["ph2"], eventIds: ["e2", "e3"] });
    const flaws = questionFlaws(imagined, ctx);
    expect(flaws.filter((f) => f.code === "imagined-event-tag").map((f) => f.message)).toEqual([expect.stringMatching(/“Event two”/)]);
    expect(flaws.filter((f) => f.code === "event-tag")).toEqual([]);
  });

  it("checks no tags without the content to check them against", () => {
    const q = single("Q?", ["a", "b"], 0, { phaseIds: ["ph2"], eventIds: ["e2"] });
    expect(codes(q)).toEqual([]);
  });
});

describe("waivers", () => {
  const q = single("What did Lavrov give?", ["Two baskets, one of tomatoes and one of potatoes", "Potatoes", "A button"], 0, {
    waivers: { "longest-key": "The detail is the point of the question." },
  });

  it("are part of the question schema, need text, and name a known flaw", () => {
    expect(QuestionSchema.safeParse(q).success).toBe(true);
    expect(QuestionSchema.safeParse({ ...q, waivers: { "longest-key": "  " } }).success).toBe(false);
    expect(QuestionSchema.safeParse({ ...q, waivers: { "no-such-flaw": "Why" } }).success).toBe(false);
    expect(QuestionSchema.safeParse({ ...q, waivers: undefined }).success).toBe(true);
  });

  it("silence the waived flaw only", () => {
    expect(codes(q)).toContain("longest-key");
    expect(unwaived(q, questionFlaws(q)).map((f) => f.code)).not.toContain("longest-key");
  });

  it("that waive nothing are reported as stale", () => {
    const clean = single("When?", ["2001", "1999", "2003"], 0, { waivers: { "absolute-word": "Not needed" } });
    expect(unwaivedBankFlaws([clean])).toEqual([
      expect.objectContaining({ questionId: "q-test", code: "absolute-word", message: expect.stringMatching(/stale|no such flaw/) }),
    ]);
  });
});

describe("bankFlaws: patterns across the bank", () => {
  const keyedFirst = Array.from({ length: 8 }, (_, i) => ({ ...single(`Question ${i}?`, ["2001", "1999", "2003", "2005"]), id: `q-${i}` }));

  it("flags a position holding far more keys than its share", () => {
    const flaws = bankFlaws(keyedFirst).filter((f) => f.questionId === undefined);
    expect(flaws.map((f) => f.code).sort()).toEqual(["key-position"]);
    expect(flaws.find((f) => f.code === "key-position")?.message).toMatch(
      /first option is the right answer in 8 of 8 questions, where about 2\.0 would be fair/,
    );
  });

  it("does not flag keys spread over positions", () => {
    const spread = keyedFirst.map((q, i) => ({ ...q, answer: `o${i % 4}` }));
    expect(bankFlaws(spread).filter((f) => f.questionId === undefined)).toEqual([]);
  });

  it("flags one “k of n correct” pattern in most multiple-select questions", () => {
    const list = Array.from({ length: 4 }, (_, i) => multiple("Which?", ["Aa", "Bb", "Cc", "Dd", "Ee"], [i % 5, (i + 1) % 5, (i + 2) % 5], `q-m${i}`));
    expect(bankFlaws(list).find((f) => f.code === "answer-count")?.message).toMatch(/4 of 4 have exactly 3 of 5/);
    const varied = list.map((q, i) => ({ ...q, answer: q.answer.slice(0, 1 + (i % 3)) }));
    expect(bankFlaws(varied).find((f) => f.code === "answer-count")).toBeUndefined();
  });

  it("flags the key being the longest option in far more single-choice questions than chance", () => {
    const list = Array.from({ length: 8 }, (_, i) => ({
      ...single(
        `Question ${i}?`,
        ["aaa", "bb", "cc", "dd"].map((t, j) => (j === i % 4 ? `${t}${t}` : t)),
        i % 4,
      ),
      id: `q-l${i}`,
    }));
    expect(bankFlaws(list).find((f) => f.code === "longest-key" && f.questionId === undefined)?.message).toMatch(/longest option in 8 of 8/);
  });
});

describe("coverageGaps", () => {
  const content: CoverageContent = {
    lessons: [
      { slug: "one", title: "One", blockIds: ["a1", "a2"], glossaryTermIds: ["t1"], showFrontMatter: true },
      { slug: "two", title: "Two", blockIds: ["b1"], glossaryTermIds: ["t2"] },
    ],
    glossary: [
      { id: "t1", term: "Term one", matches: ["term one"] },
      { id: "t2", term: "Term two", matches: ["term two"] },
    ],
    blocks: [
      { id: "f1", section: "front-matter" },
      { id: "a1", section: "opening" },
      { id: "a2", section: "opening" },
      { id: "b1", section: "eye-of-the-beholder" },
    ],
  };
  const ask = (id: string, paragraphIds: string[], glossaryTermIds?: string[]) => ({ ...single("Q?", ["x", "y"]), id, paragraphIds, glossaryTermIds });

  it("names each lesson with fewer than the minimum of questions citing only its paragraphs (front matter counts for its lesson)", () => {
    const questions = [ask("q1", ["a1"]), ask("q2", ["f1", "a2"]), ask("q3", ["a1", "b1"]), ask("q4", ["b1"])];
    const gaps = coverageGaps(questions, content, 2).filter((g) => g.startsWith("lesson"));
    expect(gaps).toEqual([expect.stringMatching(/^lesson "two" \(Two\) has 1 questions/)]);
  });

  it("names each taught term no question lists, and tags naming unknown terms", () => {
    const gaps = coverageGaps([ask("q1", ["a1"], ["t1", "nope"])], content, 0);
    expect(gaps).toEqual([
      expect.stringMatching(/"q1" is tagged with glossary term "nope"/),
      expect.stringMatching(/^glossary term "t2" \(Term two\), taught in two/),
    ]);
  });
});
