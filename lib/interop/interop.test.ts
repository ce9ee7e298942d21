import { readFileSync } from "node:fs";
import { parse } from "gift-pegjs";
import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { getQuestionBank } from "@/lib/quiz/bank";
import type { Question } from "@/lib/quiz/schema";
import { validateTeacherQuestion } from "@/lib/teacher/question-rules";
import { checkImport } from "./check";
import { builtInContext, builtInFlawContext, exportItems } from "./content";
import { escapeGift, readGift, writeGift } from "./gift";
import { readFeedback, readTags, toCandidate, type InteropFormat } from "./model";
import { readMoodleXml, writeMoodleXml } from "./moodle-xml";

const ctx = builtInContext();
const bank = getQuestionBank();
let counter = 0;
const newId = () => `t-test${counter++}`;

/** A question as a person reads it: option ids replaced by their texts, reviewer-only fields dropped. */
function comparable(q: Question): Record<string, unknown> {
  const common = {
    type: q.type,
    difficulty: q.difficulty,
    prompt: q.prompt,
    explanation: q.explanation,
    paragraphIds: q.paragraphIds,
    phaseIds: q.phaseIds,
    eventIds: q.eventIds,
    contextNoteIds: q.contextNoteIds,
  };
  switch (q.type) {
    case "single":
    case "multiple": {
      const text = (id: string) => q.options.find((o) => o.id === id)?.text;
      const correct = q.type === "single" ? [q.answer] : q.answer;
      return {
        ...common,
        options: q.options.map((o) => o.text),
        right: correct.map(text).sort(),
        wrong: Object.fromEntries(Object.entries(q.wrongExplanations).map(([id, why]) => [text(id), why])),
      };
    }
    case "true-false":
      return { ...common, answer: q.answer };
    case "order":
      return { ...common, order: q.answer.map((id) => q.items.find((i) => i.id === id)?.text) };
    case "match": {
      const right = (id: string) => q.right.find((r) => r.id === id)?.text;
      return {
        ...common,
        pairs: q.left.map((l) => [l.text, right(q.answer[l.id] ?? "")]),
        right: q.right.map((r) => r.text).sort(),
      };
    }
    case "classify":
      return { ...common, statement: q.statement, answer: q.answer };
  }
}

function roundTrip(format: InteropFormat, questions: readonly Question[]) {
  const written = format === "gift" ? writeGift(exportItems(questions), "Test", ctx) : writeMoodleXml(exportItems(questions), "Test", ctx);
  const read = format === "gift" ? readGift(written.text) : readMoodleXml(written.text);
  return { written, read, checked: checkImport(read, ctx, builtInFlawContext(), newId) };
}

describe("GIFT", () => {
  it("escapes every special character, and gift-pegjs reads the text back unchanged", () => {
    const text = "a~b=c#d{e}f:g \\ h\nnext line";
    expect(escapeGift(text)).toBe("a\\~b\\=c\\#d\\{e\\}f\\:g \\\\ h\\nnext line");
    const [question] = parse(`::Title\\: one::${escapeGift(text)} {TRUE####${escapeGift("why: {it} = so")}}\n`);
    expect(question?.type).toBe("TF");
    expect(question && "stem" in question ? question.stem.text : "").toBe(text);
    expect(question && "globalFeedback" in question ? question.globalFeedback?.text : "").toBe("why: {it} = so");
  });

  it("writes the whole built-in bank so that the independent parser gift-pegjs reads every question", () => {
    const written = writeGift(exportItems(bank), "Built-in questions", ctx);
    const parsed = parse(written.text);
    const orders = bank.filter((q) => q.type === "order");
    expect(parsed).toHaveLength(bank.length - orders.length);
    expect(written.written).toBe(parsed.length);
    // GIFT has no ordering type: each order question is named as left out, in the file and the result.
    expect(written.skipped.map((s) => s.id)).toEqual(orders.map((q) => q.id));
    for (const q of orders) expect(written.text).toContain(`//   ${q.id}: GIFT has no ordering type`);
    // Types as Moodle reads them: single, multiple and classify as multiple choice, true/false, match.
    const types = new Set(parsed.map((q) => q.type));
    expect([...types].sort()).toEqual(["MC", "Matching", "TF"]);
  });

  it("round-trips every question it can hold: export, import, the same questions", () => {
    const { read, checked } = roundTrip("gift", bank);
    expect(checked.refused).toEqual([]);
    const exported = bank.filter((q) => q.type !== "order");
    expect(read).toHaveLength(exported.length);
    expect(checked.accepted.map((a) => comparable(a.question))).toEqual(exported.map(comparable));
  });

  it("carries each question's explanation and source paragraph, word for word, in its general feedback", () => {
    const q = bank.find((x) => x.type === "single");
    if (!q) throw new Error("no single question");
    const [item] = readGift(writeGift(exportItems([q]), "One", ctx).text);
    const { explanation, places } = readFeedback(item?.generalFeedback ?? "");
    expect(explanation).toBe(q.explanation);
    expect(places).toHaveLength(q.paragraphIds.length);
    expect(item?.generalFeedback).toContain(`Source: ${places[0]}: “`);
  });

  it("refuses a file it cannot read with the line and the question", () => {
    const file = "::Fine::Is this fine? {TRUE####Yes.}\n\n// a comment\n::Broken one::What is 2 {=two ~three\n";
    const error = (() => {
      try {
        readGift(file);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect((error as Error).message).toMatch(/line 4/);
    expect((error as Error).message).toContain("“Broken one”");
  });

  it("gives each question the line it starts on", () => {
    const items = readGift("// header\n\n::A::One? {TRUE####x}\n\n// [tag:bc-difficulty-1]\n::B::Two? {FALSE####y}\n");
    expect(items.map((i) => [i.name, i.line])).toEqual([
      ["A", 3],
      ["B", 6],
    ]);
  });
});

describe("Moodle XML", () => {
  it("round-trips the whole built-in bank, all six types: export, import, the same questions", () => {
    const { written, checked } = roundTrip("moodle-xml", bank);
    expect(written.skipped).toEqual([]);
    expect(checked.refused).toEqual([]);
    expect(checked.accepted.map((a) => comparable(a.question))).toEqual(bank.map(comparable));
  });

  it("maps the types to Moodle's: ordering for order, multiple choice over the labels for classify", () => {
    const classify = bank.find((q) => q.type === "classify");
    const order = bank.find((q) => q.type === "order");
    if (!classify || !order) throw new Error("bank types missing");
    const xml = writeMoodleXml(exportItems([classify, order]), "Two", ctx).text;
    expect(xml).toContain('<question type="multichoice">');
    expect(xml).toContain('<question type="ordering">');
    for (const name of ["Reported fact", "On-record quote", "Author’s opinion", "Imagined dialogue"]) expect(xml).toContain(`<text>${name}</text>`);
  });

  it("escapes what XML reserves", () => {
    const q = bank.find((x) => x.type === "true-false");
    if (!q) throw new Error("no true-false question");
    const tricky = { ...q, prompt: `Is <b>this</b> & "that" 'so'?` };
    const xml = writeMoodleXml(exportItems([tricky]), "A & B", ctx).text;
    expect(xml).toContain("Is &lt;b&gt;this&lt;/b&gt; &amp;");
    expect(readMoodleXml(xml)[0]?.text).toBe(tricky.prompt);
  });

  it("imports a hand-written sample in Moodle's documented format, and reports what it cannot", () => {
    const items = readMoodleXml(readFileSync("tests/fixtures/moodle-sample.xml", "utf8"));
    const { accepted, refused } = checkImport(items, ctx, builtInFlawContext(), newId);
    expect(accepted.map((a) => [a.name, a.question.type, a.question.paragraphIds])).toEqual([
      ["First summit", "single", ["eye-p03"]],
      ["Baskets in Sochi", "true-false", ["opening-p03"]],
      ["Events and years", "match", ["eye-p03", "eye-p05"]],
    ]);
    const first = accepted[0]?.question;
    expect(first?.type === "single" && first.options.map((o) => o.text)).toEqual(["Slovenia", "Croatia", "Austria"]);
    expect(first?.explanation).toBe("The article places the first Bush–Putin summit in Slovenia, in 2001.");
    const match = accepted[2]?.question;
    expect(match?.type === "match" && match.right.map((r) => r.text)).toEqual(["2001", "2003", "2012"]);
    expect(refused.map((r) => [r.name, r.line])).toEqual([
      ["Name the minister", 137],
      ["No source", 161],
    ]);
    expect(refused[0]?.problems[0]).toMatch(/no short-answer questions/);
    expect(refused[1]?.problems[0]).toMatch(/names no paragraph/);
  });

  it("says in plain words, by field, why a readable question is not brought in", () => {
    const single = bank.find((q) => q.type === "single");
    if (!single || single.type !== "single") throw new Error("no single-choice question");
    const [item] = readMoodleXml(writeMoodleXml(exportItems([{ ...single, options: single.options.filter((o) => o.id === single.answer) }]), "One", ctx).text);
    if (!item) throw new Error("nothing read");
    const { refused } = checkImport([item], ctx, builtInFlawContext(), newId);
    expect(refused[0]?.problems).toContain("Options: Give 2 to 6 options.");
  });

  it("refuses a malformed file with the line and the question", () => {
    const xml = `<?xml version="1.0"?>\n<quiz>\n  <question type="truefalse">\n    <name><text>Broken</text></name>\n    <questiontext><text>Oops</questiontext>\n  </question>\n</quiz>\n`;
    expect(() => readMoodleXml(xml)).toThrow(/line 5 in the question “Broken” that starts on line 3/);
    expect(() => readMoodleXml("<html><body>not a quiz</body></html>")).toThrow(/not Moodle XML/);
  });
});

describe("the mapping", () => {
  it("reads its own tags and leaves a school's tags alone", () => {
    expect(readTags(["bc-type-single", "bc-difficulty-3", "bc-paragraph-eye-p03", "year-12", "bc-phase-phase-rapport"])).toEqual({
      type: "single",
      difficulty: 3,
      paragraphIds: ["eye-p03"],
      phaseIds: ["phase-rapport"],
      eventIds: [],
      contextNoteIds: [],
    });
  });

  it("refuses a question whose paragraph is not in the article, rather than store it without one", () => {
    const item = {
      line: 1,
      name: "x",
      text: "Is it so?",
      generalFeedback: "Yes.\n\nSource: Lesson 9, paragraph 99",
      tags: [],
      body: { kind: "true-false" as const, answer: true },
    };
    expect(toCandidate(item, ctx)).toEqual({ ok: false, problem: "Its feedback names “Lesson 9, paragraph 99”, which is not in the article." });
    expect(toCandidate({ ...item, generalFeedback: "Yes.", tags: ["bc-paragraph-nowhere"] }, ctx)).toMatchObject({ ok: false });
  });

  it("checks imports like a teacher's question: a prompt that presents the author's opinion as fact is refused", () => {
    const opinion = bank.find((q) => q.type === "true-false" && /author|Bishara|article/i.test(q.prompt));
    if (!opinion) return;
    const bad = { ...opinion, prompt: "Is this so?" };
    const { checked } = roundTrip("moodle-xml", [bad]);
    const valid = validateTeacherQuestion({ ...bad, id: "t-x" }).ok;
    expect(checked.accepted.length === 1).toBe(valid);
  });

  it("gives item-flaw warnings with an imported question", () => {
    const item = {
      line: 3,
      name: "long key",
      text: "Where did Bush and Putin first meet?",
      generalFeedback: "In Slovenia.\n\nSource: Lesson 2, paragraph 4",
      tags: [],
      body: {
        kind: "choice" as const,
        single: true,
        choices: [
          { text: "At Brdo Castle near Kranj in Slovenia, in June 2001, as the article says", fraction: 100, feedback: "" },
          { text: "Vienna", fraction: 0, feedback: "" },
          { text: "Rome", fraction: 0, feedback: "" },
        ],
      },
    };
    const { accepted } = checkImport([item], ctx, builtInFlawContext(), newId);
    expect(accepted[0]?.flaws.map((f) => f.code)).toContain("longest-key");
  });
});
