import { describe, expect, it } from "vitest";
import { QuestionSchema } from "@/lib/quiz/schema";
import { describeResponse, formatDuration, readingLabel, readingState } from "./student-work-math";

const common = { id: "q", prompt: "?", difficulty: 1 as const, explanation: "Because.", paragraphIds: ["p1"], contextNoteIds: [], phaseIds: [], eventIds: [] };
const options = [
  { id: "a", text: "Geneva" },
  { id: "b", text: "Moscow" },
  { id: "c", text: "Vienna" },
];

describe("describeResponse", () => {
  it("single: the chosen option's text", () => {
    const q = QuestionSchema.parse({ ...common, type: "single", options, answer: "a", wrongExplanations: {} });
    expect(describeResponse(q, { type: "single", choice: "b" })).toBe("Moscow");
  });
  it("multiple: the chosen options in the question's order", () => {
    const q = QuestionSchema.parse({ ...common, type: "multiple", options, answer: ["a", "c"], wrongExplanations: {} });
    expect(describeResponse(q, { type: "multiple", choices: ["c", "a"] })).toBe("Geneva; Vienna");
  });
  it("true-false", () => {
    const q = QuestionSchema.parse({ ...common, type: "true-false", answer: true });
    expect(describeResponse(q, { type: "true-false", value: false })).toBe("False");
  });
  it("order: the student's order", () => {
    const q = QuestionSchema.parse({ ...common, type: "order", items: options, answer: ["a", "b", "c"] });
    expect(describeResponse(q, { type: "order", order: ["c", "a", "b"] })).toBe("Vienna → Geneva → Moscow");
  });
  it("match: every left item with the student's pick, unmatched ones said so", () => {
    const q = QuestionSchema.parse({
      ...common,
      type: "match",
      left: [
        { id: "l1", text: "Kerry" },
        { id: "l2", text: "Lavrov" },
      ],
      right: [
        { id: "r1", text: "USA" },
        { id: "r2", text: "Russia" },
      ],
      answer: { l1: "r1", l2: "r2" },
    });
    expect(describeResponse(q, { type: "match", pairs: { l1: "r2" } })).toBe("Kerry: Russia; Lavrov: not matched");
  });
  it("classify: the label's name", () => {
    const q = QuestionSchema.parse({ ...common, type: "classify", statement: "…", answer: "opinion" });
    expect(describeResponse(q, { type: "classify", label: "reported-fact" })).toBe("Reported fact");
  });
  it("a response of another type is not shown as if it fitted", () => {
    const q = QuestionSchema.parse({ ...common, type: "true-false", answer: true });
    expect(describeResponse(q, { type: "single", choice: "a" })).toBe("an answer of another kind");
  });
});

describe("formatDuration", () => {
  const start = new Date("2026-03-05T10:00:00Z");
  it.each([
    [0, "0 s"],
    [40_000, "40 s"],
    [245_000, "4 min 5 s"],
    [3_720_000, "1 h 2 min"],
  ])("%i ms → %s", (ms, text) => expect(formatDuration(start, new Date(start.getTime() + ms))).toBe(text));
  it("is null while the attempt is open", () => expect(formatDuration(start, null)).toBeNull());
});

describe("readingState", () => {
  const blocks = ["p1", "p2", "p3", "p4"];
  it("no row: not started", () => expect(readingState(blocks, undefined)).toEqual({ state: "not-started", percent: 0 }));
  it("part way", () => expect(readingState(blocks, { readAt: null, lastParagraphId: "p2" })).toEqual({ state: "reading", percent: 50 }));
  it("read", () => expect(readingState(blocks, { readAt: new Date(), lastParagraphId: "p2" })).toEqual({ state: "read", percent: 100 }));
  it("labels", () => {
    expect(readingLabel({ state: "reading", percent: 50 })).toBe("Read 50%");
    expect(readingLabel({ state: "read", percent: 100 })).toBe("Read");
    expect(readingLabel({ state: "not-started", percent: 0 })).toBe("Not started reading");
  });
});
