import { describe, expect, it } from "vitest";
import { getQuestion, getQuestionBank } from "@/lib/quiz/bank";
import { QuestionSchema, type Question } from "@/lib/quiz/schema";
import { EMPTY_QUESTION_FORM, fieldForPath, formToQuestion, questionToForm, type QuestionFormValues } from "./question-form";
import { validateTeacherQuestion } from "./question-rules";

const form = (values: Partial<QuestionFormValues>): QuestionFormValues => ({
  ...EMPTY_QUESTION_FORM,
  prompt: "In which year did Bush and Putin first meet, in Slovenia?",
  explanation: "The article dates the first summit to 2001.",
  paragraphIds: ["eye-p03"],
  phaseIds: ["phase-rapport"],
  ...values,
});

describe("question form", () => {
  it("reads single-choice options, the right one marked with *", () => {
    const { candidate, errors } = formToQuestion(form({ options: "1999\n* 2001\n\n  2003  " }), "t-new");
    expect(errors).toEqual({});
    expect(candidate).toMatchObject({
      id: "t-new",
      type: "single",
      difficulty: 1,
      options: [
        { id: "o1", text: "1999" },
        { id: "o2", text: "2001" },
        { id: "o3", text: "2003" },
      ],
      answer: "o2",
    });
    expect(QuestionSchema.safeParse(candidate).success).toBe(true);
  });

  it("asks for exactly one * in a single-choice question", () => {
    expect(formToQuestion(form({ options: "1999\n2001" }), "t").errors.options?.[0]).toMatch(/Mark the right option/);
    expect(formToQuestion(form({ options: "*1999\n*2001" }), "t").errors.options?.[0]).toMatch(/only one/);
  });

  it("reads several right options for multiple select", () => {
    const { candidate } = formToQuestion(form({ type: "multiple", options: "* Iraq\n* Georgia\nSlovenia" }), "t");
    expect(candidate).toMatchObject({ answer: ["o1", "o2"] });
  });

  it("reads order items in their right order and match pairs", () => {
    expect(formToQuestion(form({ type: "order", items: "First\nSecond\nThird" }), "t").candidate).toMatchObject({
      items: [
        { id: "i1", text: "First" },
        { id: "i2", text: "Second" },
        { id: "i3", text: "Third" },
      ],
      answer: ["i1", "i2", "i3"],
    });
    expect(formToQuestion(form({ type: "match", pairs: "Slovenia = 2001\nSochi = 2013\nGeneva = 2013" }), "t").candidate).toMatchObject({
      left: [
        { id: "l1", text: "Slovenia" },
        { id: "l2", text: "Sochi" },
        { id: "l3", text: "Geneva" },
      ],
      right: [
        { id: "r1", text: "2001" },
        { id: "r2", text: "2013" },
      ],
      answer: { l1: "r1", l2: "r2", l3: "r2" },
    });
    expect(formToQuestion(form({ type: "match", pairs: "Slovenia 2001" }), "t").errors.pairs?.[0]).toMatch(/left item = right item/);
    expect(formToQuestion(form({ type: "match", pairs: "Slovenia = 2001\n= 1999" }), "t").candidate).toMatchObject({
      left: [{ id: "l1", text: "Slovenia" }],
      right: [
        { id: "r1", text: "2001" },
        { id: "r2", text: "1999" },
      ],
      answer: { l1: "r1" },
    });
  });

  it("reads true/false and classify answers", () => {
    expect(formToQuestion(form({ type: "true-false", trueFalse: "false" }), "t").candidate).toMatchObject({ answer: false });
    expect(formToQuestion(form({ type: "classify", statement: "  Words  ", label: "opinion" }), "t").candidate).toMatchObject({
      statement: "Words",
      answer: "opinion",
    });
    expect(formToQuestion(form({ type: "essay" }), "t")).toEqual({ candidate: null, errors: { type: ["Choose a question type."] } });
  });

  it("round-trips every built-in question through the form unchanged (ids kept by text)", () => {
    for (const builtIn of getQuestionBank()) {
      // Waivers, glossary tags and item enemies belong to the reviewed bank: the editor has no field for them.
      const question = withoutBankReview(builtIn);
      const { candidate, errors } = formToQuestion(questionToForm(builtIn), question.id, builtIn);
      expect(errors, question.id).toEqual({});
      const parsed = QuestionSchema.parse(candidate);
      // The form lists order items in their right order; learners see them shuffled anyway.
      if (parsed.type === "order" && question.type === "order") {
        expect({ ...parsed, items: [...parsed.items].sort((a, b) => a.id.localeCompare(b.id)) }, question.id).toEqual({
          ...question,
          items: [...question.items].sort((a, b) => a.id.localeCompare(b.id)),
        });
      } else if (parsed.type === "multiple" && question.type === "multiple") {
        // A multiple-select key is a set: the form lists it in option order.
        expect({ ...parsed, answer: [...parsed.answer].sort() }, question.id).toEqual({ ...question, answer: [...question.answer].sort() });
      } else if (parsed.type === "match" && question.type === "match") {
        // Right items come in the order the pairs first name them.
        expect({ ...parsed, right: [...parsed.right].sort((a, b) => a.id.localeCompare(b.id)) }, question.id).toEqual({
          ...question,
          right: [...question.right].sort((a, b) => a.id.localeCompare(b.id)),
        });
      } else {
        expect(parsed, question.id).toEqual(question);
      }
    }
  });

  it("keeps explanations of wrong options that still exist and are still wrong", () => {
    const original = getQuestion("q-slovenia-summit-year");
    if (original?.type !== "single") throw new Error("bank changed");
    // Drop option "d" (2008) and make "c" (2003) the right answer.
    const { candidate } = formToQuestion(form({ options: "1999\n2001\n* 2003\n2010" }), original.id, original);
    expect(candidate).toMatchObject({
      options: [
        { id: "a", text: "1999" },
        { id: "b", text: "2001" },
        { id: "c", text: "2003" },
        { id: "o1", text: "2010" },
      ],
      answer: "c",
      wrongExplanations: {},
    });
  });

  it("files schema paths under form fields", () => {
    expect(fieldForPath("single", "answer")).toBe("options");
    expect(fieldForPath("match", "left")).toBe("pairs");
    expect(fieldForPath("true-false", "answer")).toBe("trueFalse");
    expect(fieldForPath("classify", "answer")).toBe("label");
    expect(fieldForPath("order", "answer")).toBe("items");
    expect(fieldForPath("single", "prompt")).toBe("prompt");
  });
});

describe("teacher question rules", () => {
  const valid = () => formToQuestion(form({ options: "1999\n* 2001\n2003" }), "t-abc").candidate;

  it("accepts a question that rests on a reported fact", () => {
    const result = validateTeacherQuestion(valid());
    expect(result.ok).toBe(true);
  });

  it("refuses paragraphs that do not exist, by field", () => {
    const result = validateTeacherQuestion({ ...valid(), paragraphIds: ["eye-p999"] });
    expect(result).toEqual({
      ok: false,
      errors: { paragraphIds: expect.arrayContaining([expect.stringMatching(/cites paragraph "eye-p999", which does not exist/)]) },
    });
  });

  it("refuses schema problems, by field", () => {
    const result = validateTeacherQuestion({ ...valid(), prompt: "" });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.prompt?.length).toBeGreaterThan(0);
  });

  it("refuses a classify statement that is not the article's words", () => {
    const result = validateTeacherQuestion({
      ...formToQuestion(form({ type: "classify", statement: "Putin liked potatoes.", label: "reported-fact" }), "t-x").candidate,
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.statement?.[0]).toMatch(/not the exact text/);
  });

  it("refuses text-direction and invisible characters in the prompt, the options and the explanation, by field", () => {
    const { candidate } = formToQuestion(
      form({ options: "\u20661999\n* 2001\n2003", prompt: "When did Slovenia\u202e host the summit?", explanation: "Because\u200b of the record." }),
      "t-abc",
    );
    const result = validateTeacherQuestion(candidate);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const field of ["prompt", "explanation", "options"])
      expect(result.errors[field], field).toEqual(["This text contains invisible or text-direction characters. Type it again without them."]);
  });

  it("refuses a question on the imagined dialogue that does not say it is imagined", () => {
    const result = validateTeacherQuestion({ ...valid(), paragraphIds: ["fixit-d01"] });
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.values(result.errors).flat().join(" ")).toMatch(/imagined|opinion/);
  });

  it("accepts every built-in question as a teacher's copy (as duplicating makes it, without the bank's review fields)", () => {
    for (const q of getQuestionBank()) expect(validateTeacherQuestion({ ...withoutBankReview(q), id: "t-copy" }).ok, q.id).toBe(true);
  });
});

function withoutBankReview(question: Question): Question {
  const copy = { ...question };
  delete copy.waivers;
  delete copy.glossaryTermIds;
  delete copy.notWith;
  return copy;
}
