// Option ids in the browser are per-attempt tokens (decision 0025), and a learner's past survives
// changes to the bank: a retired built-in question and an edited one still show in earlier
// attempts, with their answers counting as they were recorded. Real SQLite, the quiz service itself.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { QuestionSource } from "@/lib/enums";
import { gradedAnswers, masterySummary } from "@/lib/progress/learner";
import { answerQuestion, finishAttempt, getAttemptView, type AnsweredItem } from "@/lib/quiz/attempts";
import { getQuestion, getQuestionBank } from "@/lib/quiz/bank";
import { createAssignment, startAssignmentAttempt } from "@/lib/teacher/assignments";
import { dueQuestionIds, reviewQueueSize } from "@/lib/quiz/review";
import { QuestionSchema, type Question } from "@/lib/quiz/schema";
import { upsertUser } from "@/prisma/factories";
import { classWithStudents, lessonAssignment } from "../support/classroom";
import { asShown, rightResponse, wrongResponse } from "../../tooling/answers";

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${Date.now()}`;
const newStudent = () => upsertUser(db, { email: `${unique("opaque")}@example.test` });

// Ids no text, token or other field can contain by chance, so any occurrence in JSON is a leak.
const common = { difficulty: 2, explanation: "Why it is so.", paragraphIds: ["eye-p03"], phaseIds: ["phase-rapport"], eventIds: [], contextNoteIds: [] };
function bankOf(suffix: string): Question[] {
  return [
    {
      ...common,
      id: `qz-single-${suffix}`,
      type: "single",
      prompt: "Where did they first meet?",
      options: [
        { id: "zkeyone", text: "Slovenia" },
        { id: "zwrongtwo", text: "Moscow" },
        { id: "zwrongthree", text: "Crawford" },
      ],
      answer: "zkeyone",
      wrongExplanations: { zwrongtwo: "A later meeting." },
    },
    {
      ...common,
      id: `qz-multiple-${suffix}`,
      type: "multiple",
      prompt: "Which happened in 2001?",
      options: [
        { id: "zmkeyone", text: "The Slovenia summit" },
        { id: "zmkeytwo", text: "9/11" },
        { id: "zmwrongthree", text: "The invasion of Iraq" },
      ],
      answer: ["zmkeyone", "zmkeytwo"],
      wrongExplanations: {},
    },
    {
      ...common,
      id: `qz-order-${suffix}`,
      type: "order",
      prompt: "Earliest first.",
      items: [
        { id: "zofirst", text: "Slovenia summit" },
        { id: "zosecond", text: "Invasion of Iraq" },
        { id: "zothird", text: "Lavrov appointed" },
      ],
      answer: ["zofirst", "zosecond", "zothird"],
    },
    {
      ...common,
      id: `qz-match-${suffix}`,
      type: "match",
      prompt: "Match each event to its year.",
      left: [
        { id: "zlslovenia", text: "Slovenia summit" },
        { id: "zliraq", text: "Invasion of Iraq" },
      ],
      right: [
        { id: "zryearone", text: "2001" },
        { id: "zryeartwo", text: "2003" },
      ],
      answer: { zlslovenia: "zryearone", zliraq: "zryeartwo" },
    },
  ].map((q) => QuestionSchema.parse(q));
}
const AUTHORED_IDS = /z(?:keyone|wrongtwo|wrongthree|mkeyone|mkeytwo|mwrongthree|ofirst|osecond|othird|lslovenia|liraq|ryearone|ryeartwo)/;

async function storeQuestions(questions: Question[], source: QuestionSource, retiredAt: Date | null = null) {
  for (const q of questions) {
    await db.question.create({
      data: {
        id: q.id,
        source,
        type: q.type,
        difficulty: q.difficulty,
        prompt: q.prompt,
        body: q,
        paragraphIds: q.paragraphIds,
        retiredAt,
        phases: { create: q.phaseIds.map((phaseId) => ({ phaseId })) },
      },
    });
  }
}

const newAttempt = (userId: string, questionIds: string[]) =>
  db.attempt.create({ data: { userId, kind: "MIXED", scopeId: null, questionIds }, select: { id: true } });

describe("option ids in the browser", () => {
  it("are tokens in every view of a whole attempt: open, answered, revealed, resumed; answers are stored and graded in the bank's ids", async () => {
    const student = await newStudent();
    const questions = bankOf(unique("x"));
    await storeQuestions(questions, "TEACHER");
    const { id } = await newAttempt(
      student.id,
      questions.map((q) => q.id),
    );

    const open = await getAttemptView(student.id, id);
    expect(open.items).toHaveLength(4);
    expect(JSON.stringify(open)).not.toMatch(AUTHORED_IDS);

    for (const question of questions) {
      const shown = open.items.find((item) => item.question.id === question.id)!.question;
      // The bank's ids are refused with the usual message: only this attempt's tokens are answers.
      await expect(answerQuestion(student.id, id, question.id, rightResponse(question))).rejects.toMatchObject({
        code: "invalid_input",
        message: "The answer is not in a form this question accepts.",
      });
      const response = asShown(question, shown, rightResponse(question));
      const outcome = await answerQuestion(student.id, id, question.id, response);
      expect(outcome.recorded, question.type).toBe(true);
      expect(outcome.item.result, question.type).toMatchObject({ correct: true, score: 1 });
      expect(outcome.item.response).toEqual(response);
      expect(JSON.stringify(outcome), question.type).not.toMatch(AUTHORED_IDS);
      // The revealed key names the options the learner saw, so "You answered"/"The answer" line up.
      expect(JSON.stringify(outcome.item.question.type === question.type && "answer" in outcome.item.question ? outcome.item.question.answer : null)).toBe(
        JSON.stringify(keyInTokens(outcome.item)),
      );
      // A retry of the same tokens is harmless; the database keeps the bank's ids.
      expect(await answerQuestion(student.id, id, question.id, response)).toMatchObject({ recorded: false });
      const stored = await db.attemptAnswer.findUniqueOrThrow({
        where: { attemptId_questionId: { attemptId: id, questionId: question.id } },
        select: { response: true },
      });
      expect(stored.response).toEqual(rightResponse(question));
    }

    const resumed = await getAttemptView(student.id, id);
    expect(JSON.stringify(resumed)).not.toMatch(AUTHORED_IDS);
    for (const item of resumed.items) {
      if (item.status !== "answered") throw new Error("every question was answered");
      expect(item.result?.feedback?.correctAnswer).toBeDefined();
      // The options keep their place and names across reloads.
      expect(item.question).toMatchObject(open.items[item.position]!.question);
    }
    expect(await finishAttempt(student.id, id)).toMatchObject({ score: 1 });
  });

  it("differ between attempts at the same questions, and a token of another attempt is refused", async () => {
    const student = await newStudent();
    const [single] = bankOf(unique("y"));
    await storeQuestions([single!], "TEACHER");
    const first = await newAttempt(student.id, [single!.id]);
    const second = await newAttempt(student.id, [single!.id]);
    const optionsOf = async (attemptId: string) => {
      const view = (await getAttemptView(student.id, attemptId)).items[0]!.question;
      return view.type === "single" ? view.options : [];
    };
    const [a, b] = [await optionsOf(first.id), await optionsOf(second.id)];
    expect(a.map((o) => o.id).filter((token) => b.some((o) => o.id === token))).toEqual([]);
    const fromFirst = asShown(single!, { type: "single", options: a }, rightResponse(single!));
    await expect(answerQuestion(student.id, second.id, single!.id, fromFirst)).rejects.toMatchObject({ code: "invalid_input" });
    await expect(answerQuestion(student.id, second.id, single!.id, { type: "single", choice: "not-a-token" })).rejects.toMatchObject({ code: "invalid_input" });
    expect(await db.attemptAnswer.count({ where: { attemptId: second.id } })).toBe(0);
  });
});

/** The key as the feedback names it, for comparing with the revealed question's `answer`. */
function keyInTokens(item: AnsweredItem): unknown {
  const key = item.result?.feedback?.correctAnswer;
  if (!key) return null;
  if (key.type === "single") return key.optionId;
  if (key.type === "multiple") return key.optionIds;
  if (key.type === "order") return key.itemIds;
  if (key.type === "match") return Object.fromEntries(key.pairs.map((p) => [p.leftId, p.rightId]));
  return null;
}

describe("a learner's past when the bank changes", () => {
  it("keeps a retired built-in question in earlier attempts, mastery and results; it leaves the review queue", async () => {
    const student = await newStudent();
    const [retired] = bankOf(unique("retired")).map((q) => ({ ...q, id: `q-retired-${q.id}` }));
    if (!retired || getQuestion(retired.id)) throw new Error("the retired question must not be in the bank");
    // In the bank when the learner answered it (wrongly), then removed from content/questions.json:
    // the seed retires its row and keeps its body.
    await storeQuestions([retired], "BUILT_IN");
    const { id } = await newAttempt(student.id, [retired.id]);
    const view = (await getAttemptView(student.id, id)).items[0]!.question;
    await answerQuestion(student.id, id, retired.id, asShown(retired, view, wrongResponse(retired)), new Date("2026-03-01T10:00:00Z"));
    await finishAttempt(student.id, id);
    expect(await dueQuestionIds(student.id, new Date("2026-03-09T10:00:00Z"), 10)).toEqual([retired.id]);
    await db.question.update({ where: { id: retired.id }, data: { retiredAt: new Date("2026-03-02T10:00:00Z") } });

    const results = await getAttemptView(student.id, id);
    expect(results.items).toHaveLength(1);
    expect(results.items[0]).toMatchObject({ status: "answered", question: { id: retired.id, prompt: retired.prompt }, result: { correct: false, score: 0 } });
    const answers = await gradedAnswers(student.id);
    expect(answers).toEqual([expect.objectContaining({ questionId: retired.id, score: 0, phaseIds: ["phase-rapport"] })]);
    expect(masterySummary(answers).phases.find((p) => p.id === "phase-rapport")?.mastery).toMatchObject({ answered: 1, correct: 0 });
    expect(await dueQuestionIds(student.id, new Date("2026-03-09T10:00:00Z"), 10)).toEqual([]);
    expect(await reviewQueueSize(student.id, new Date("2026-03-09T10:00:00Z"))).toEqual({ due: 0, total: 0 });
  });

  it("does not ask a retired built-in question in a new attempt at an assignment that chose it", async () => {
    const { teacher, classId, students } = await classWithStudents(["Amira"]);
    const [retired] = bankOf(unique("assigned")).map((q) => ({ ...q, id: `q-retired-${q.id}` }));
    const kept = getQuestionBank()[0]!;
    const { id: assignmentId } = await createAssignment(teacher.id, classId, lessonAssignment({ questionIds: [kept.id] }));
    // Chosen while it was in the bank; retired since.
    await storeQuestions([retired!], "BUILT_IN", new Date());
    await db.assignment.update({ where: { id: assignmentId }, data: { questionIds: [retired!.id, kept.id] } });
    const { attemptId } = await startAssignmentAttempt(students[0]!.id, assignmentId);
    expect((await getAttemptView(students[0]!.id, attemptId)).items.map((item) => item.question.id)).toEqual([kept.id]);
  });

  it("shows an answer that no longer fits an edited question without marks, its score as recorded, and mastery and review as before", async () => {
    const student = await newStudent();
    const [single, , order] = bankOf(unique("edited"));
    await storeQuestions([single!, order!], "TEACHER");
    const { id } = await newAttempt(student.id, [single!.id, order!.id]);
    const before = await getAttemptView(student.id, id);
    const shown = (q: Question) => before.items.find((item) => item.question.id === q.id)!.question;
    const answeredAt = new Date("2026-03-01T10:00:00Z");
    await answerQuestion(student.id, id, single!.id, asShown(single!, shown(single!), { type: "single", choice: "zwrongtwo" }), answeredAt);
    await answerQuestion(student.id, id, order!.id, asShown(order!, shown(order!), rightResponse(order!)), answeredAt);
    const { score } = await finishAttempt(student.id, id);
    const masteryBefore = masterySummary(await gradedAnswers(student.id));
    const dueBefore = await dueQuestionIds(student.id, new Date("2026-03-09T10:00:00Z"), 10);

    // The author removes the option the learner chose, and an order item.
    const edit = async (q: Question, body: Question) => db.question.update({ where: { id: q.id }, data: { body } });
    if (single!.type !== "single" || order!.type !== "order") throw new Error("unexpected types");
    await edit(single!, { ...single!, options: single!.options.filter((o) => o.id !== "zwrongtwo"), wrongExplanations: {} });
    await edit(order!, {
      ...order!,
      items: order!.items.slice(0, 2).concat({ id: "zofourth", text: "Kerry in Moscow" }),
      answer: ["zofirst", "zosecond", "zofourth"],
    });

    const after = await getAttemptView(student.id, id);
    expect(after.score).toBe(score);
    for (const item of after.items) {
      if (item.status !== "answered") throw new Error("both were answered");
      // No marks (feedback), but the verdict and score the learner was given stand.
      expect(item.result?.feedback, item.question.id).toBeNull();
    }
    expect(after.items.map((item) => (item.status === "answered" ? item.result && { correct: item.result.correct, score: item.result.score } : null))).toEqual([
      { correct: false, score: 0 },
      { correct: true, score: 1 },
    ]);
    expect(masterySummary(await gradedAnswers(student.id))).toEqual(masteryBefore);
    expect(await dueQuestionIds(student.id, new Date("2026-03-09T10:00:00Z"), 10)).toEqual(dueBefore);
  });
});
