// The built-in bank against its own item-writing checks (lib/quiz/item-flaws.ts). Each failure
// lists every unwaived flaw or coverage gap, one line each, as scripts/check-item-flaws.ts does.
// A flaw that is acceptable in one question is waived there in writing: "waivers": { code: "why" }.
import { describe, expect, it } from "vitest";
import { getArticle, getGlossary, getLessons } from "@/lib/content";
import { bankContent, getQuestionBank, lessonOfQuestion } from "./bank";
import { coverageGaps, lessonSlugOf, unwaivedBankFlaws, type CoverageContent } from "./item-flaws";

const bank = getQuestionBank();
const coverage: CoverageContent = { lessons: getLessons(), glossary: getGlossary(), blocks: getArticle().blocks };

describe("the built-in question bank", () => {
  it("has no item-writing flaw that is not waived in writing", () => {
    const lines = unwaivedBankFlaws(bank, bankContent()).map((f) => `${f.questionId ?? "(whole bank)"} [${f.code}] ${f.message}`);
    expect(lines, `${lines.length} unwaived flaw(s):\n${lines.join("\n")}`).toEqual([]);
  });

  it("gives every lesson a quiz of its own (12+ questions on its paragraphs) and asks every term a lesson teaches", () => {
    const gaps = coverageGaps(bank, coverage);
    expect(gaps, `${gaps.length} coverage gap(s):\n${gaps.join("\n")}`).toEqual([]);
  });

  it("counts lesson questions the way the lesson quizzes pick them", () => {
    for (const q of bank) expect(lessonSlugOf(q, coverage), q.id).toBe(lessonOfQuestion(q));
  });
});
