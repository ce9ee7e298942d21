// The quiz service against a real SQLite database with the seeded question bank.
import { rightResponse, wrongResponse } from "../../tooling/answers";
import { sentIn } from "../support/sent";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getLessonForBlock, getLessons } from "@/lib/content";
import { answerQuestion, finishAttempt, getAttemptView, QUIZ_LENGTH, startAttemptView, startOrResumeAttempt } from "@/lib/quiz/attempts";
import { getQuestion } from "@/lib/quiz/bank";
import { DomainError } from "@/lib/errors";
import { dueQuestionIds, reviewQueueSize } from "@/lib/quiz/review";
import type { Question } from "@/lib/quiz/schema";
import { upsertUser } from "@/prisma/factories";

let counter = 0;
const newStudent = () => upsertUser(db, { email: `quiz-${++counter}-${Date.now()}@example.test` });

function questionById(id: string): Question {
  const question = getQuestion(id);
  if (!question) throw new Error(`${id} is not in the bank`);
  return question;
}

async function firstOpenQuestion(userId: string, attemptId: string): Promise<Question> {
  const view = await getAttemptView(userId, attemptId);
  const open = view.items.find((item) => item.status === "open");
  const question = open ? getQuestion(open.question.id) : undefined;
  if (!question) throw new Error("no open question");
  return question;
}

describe("quiz attempts", () => {
  it("gives every lesson a full quiz that asks only about that lesson's paragraphs", async () => {
    const student = await newStudent();
    for (const lesson of getLessons()) {
      const { id } = await startOrResumeAttempt(student.id, { kind: "LESSON", scopeId: lesson.slug });
      const questions = (await getAttemptView(student.id, id)).items.map((item) => questionById(item.question.id));
      expect(questions, lesson.slug).toHaveLength(QUIZ_LENGTH.LESSON);
      for (const question of questions) {
        for (const paragraphId of question.paragraphIds)
          expect(getLessonForBlock(paragraphId)?.lesson.slug, `${lesson.slug}: ${question.id} cites ${paragraphId}`).toBe(lesson.slug);
      }
    }
  });

  it("starts a lesson quiz, and resumes the same attempt instead of starting another", async () => {
    const student = await newStudent();
    const first = await startOrResumeAttempt(student.id, { kind: "LESSON", scopeId: "potato-diplomacy" });
    expect(first.resumed).toBe(false);
    const again = await startOrResumeAttempt(student.id, { kind: "LESSON", scopeId: "potato-diplomacy" });
    expect(again).toEqual({ id: first.id, resumed: true });
    const view = await getAttemptView(student.id, first.id);
    expect(view.items.length).toBeGreaterThan(3);
    expect(view.items.every((item) => item.status === "open")).toBe(true);
  });

  it("starts with the same view it would read back, and resumes with the answers so far", async () => {
    const student = await newStudent();
    const started = await startAttemptView(student.id, { kind: "PHASE", scopeId: "phase-rapport" });
    expect(started.resumed).toBe(false);
    expect(started.attempt).toEqual(await getAttemptView(student.id, started.attempt.id));
    const question = questionById(started.attempt.items[0]?.question.id ?? "");
    await answerQuestion(student.id, started.attempt.id, question.id, sentIn(started.attempt.id, question, rightResponse(question)));
    const resumed = await startAttemptView(student.id, { kind: "PHASE", scopeId: "phase-rapport" });
    expect(resumed).toEqual({ resumed: true, attempt: await getAttemptView(student.id, started.attempt.id) });
    expect(resumed.attempt.items[0]).toMatchObject({ status: "answered", result: { correct: true } });
  });

  it("never puts the answer key into an open question's view", async () => {
    const student = await newStudent();
    const { id } = await startOrResumeAttempt(student.id, { kind: "MIXED", scopeId: null });
    const view = await getAttemptView(student.id, id);
    const json = JSON.stringify(view);
    expect(json).not.toMatch(/"answer"|"explanation"|"wrongExplanations"|"paragraphIds"/);
  });

  it("records an answer once: a retry is harmless, a different answer is refused", async () => {
    const student = await newStudent();
    const { id } = await startOrResumeAttempt(student.id, { kind: "PHASE", scopeId: "phase-rapport" });
    const question = await firstOpenQuestion(student.id, id);
    const first = await answerQuestion(student.id, id, question.id, sentIn(id, question, rightResponse(question)));
    expect(first.recorded).toBe(true);
    expect(first.item.result).toMatchObject({ correct: true, score: 1 });
    expect(first.item.question).toHaveProperty("explanation");
    expect(first).toMatchObject({ answered: 1, total: expect.any(Number) });
    const retry = await answerQuestion(student.id, id, question.id, sentIn(id, question, rightResponse(question)));
    expect(retry).toMatchObject({ recorded: false, answered: 1 });
    await expect(answerQuestion(student.id, id, question.id, sentIn(id, question, wrongResponse(question)))).rejects.toMatchObject({ code: "conflict" });
    expect(await db.attemptAnswer.count({ where: { attemptId: id } })).toBe(1);
  });

  it("treats someone else's attempt exactly like one that does not exist", async () => {
    const owner = await newStudent();
    const intruder = await newStudent();
    const { id } = await startOrResumeAttempt(owner.id, { kind: "MIXED", scopeId: null });
    const question = await firstOpenQuestion(owner.id, id);
    const theirs = await answerQuestion(intruder.id, id, question.id, sentIn(id, question, rightResponse(question))).catch((e: unknown) => e);
    const missing = await answerQuestion(intruder.id, "no-such-attempt", question.id, sentIn("no-such-attempt", question, rightResponse(question))).catch(
      (e: unknown) => e,
    );
    expect(theirs).toBeInstanceOf(DomainError);
    expect(missing).toBeInstanceOf(DomainError);
    expect((theirs as DomainError).message).toBe((missing as DomainError).message);
    await expect(getAttemptView(intruder.id, id)).rejects.toMatchObject({ code: "not_found" });
    expect(await db.attemptAnswer.count({ where: { attemptId: id } })).toBe(0);
  });

  it("rejects a malformed answer without recording anything", async () => {
    const student = await newStudent();
    const { id } = await startOrResumeAttempt(student.id, { kind: "MIXED", scopeId: null });
    const question = await firstOpenQuestion(student.id, id);
    await expect(answerQuestion(student.id, id, question.id, { type: "single" })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(answerQuestion(student.id, id, question.id, "garbage")).rejects.toMatchObject({ code: "invalid_input" });
    const otherType = question.type === "true-false" ? { type: "single", choice: "a" } : { type: "true-false", value: true };
    await expect(answerQuestion(student.id, id, question.id, otherType)).rejects.toMatchObject({ code: "invalid_input" });
    expect(await db.attemptAnswer.count({ where: { attemptId: id } })).toBe(0);
  });

  it("finishes with the share of points over all questions, then refuses further answers", async () => {
    const student = await newStudent();
    const { id } = await startOrResumeAttempt(student.id, { kind: "LESSON", scopeId: "messrs-fix-it" });
    const view = await getAttemptView(student.id, id);
    const questions = view.items.map((item) => getQuestion(item.question.id)).filter((q): q is Question => q !== undefined);
    const [a, b] = questions;
    if (!a || !b) throw new Error("lesson quiz too short");
    await answerQuestion(student.id, id, a.id, sentIn(id, a, rightResponse(a)));
    await answerQuestion(student.id, id, b.id, sentIn(id, b, wrongResponse(b)));
    const finished = await finishAttempt(student.id, id);
    const expected = (1 + (await db.attemptAnswer.findFirstOrThrow({ where: { attemptId: id, questionId: b.id } })).score) / questions.length;
    expect(finished.score).toBeCloseTo(expected, 5);
    expect(await finishAttempt(student.id, id)).toEqual(finished);
    const [, , c] = questions;
    if (c) await expect(answerQuestion(student.id, id, c.id, sentIn(id, c, rightResponse(c)))).rejects.toMatchObject({ code: "conflict" });
    // A new start after finishing is a new attempt.
    expect((await startOrResumeAttempt(student.id, { kind: "LESSON", scopeId: "messrs-fix-it" })).id).not.toBe(id);
  });

  it("puts a missed question into the review queue, due by spaced repetition", async () => {
    const student = await newStudent();
    const { id } = await startOrResumeAttempt(student.id, { kind: "MIXED", scopeId: null });
    const question = await firstOpenQuestion(student.id, id);
    const answeredAt = new Date("2026-03-01T10:00:00Z");
    await answerQuestion(student.id, id, question.id, sentIn(id, question, wrongResponse(question)), answeredAt);
    expect(await dueQuestionIds(student.id, answeredAt, 10)).toEqual([]);
    expect(await dueQuestionIds(student.id, new Date("2026-03-02T10:00:00Z"), 10)).toEqual([question.id]);
    await expect(startOrResumeAttempt(student.id, { kind: "REVIEW", scopeId: null })).resolves.toMatchObject({ resumed: false });
  });

  it("replays the review queue from every attempt's answers, and leaves retired questions out", async () => {
    const student = await newStudent();
    const day = (n: number) => new Date(Date.UTC(2026, 2, 1 + n, 10));
    const first = await startOrResumeAttempt(student.id, { kind: "MIXED", scopeId: null });
    const [missed, other] = (await getAttemptView(student.id, first.id)).items.map((item) => item.question);
    if (!missed || !other) throw new Error("a mixed quiz should have at least two questions");
    await answerQuestion(student.id, first.id, missed.id, sentIn(first.id, questionById(missed.id), wrongResponse(questionById(missed.id))), day(0));
    await answerQuestion(student.id, first.id, other.id, sentIn(first.id, questionById(other.id), wrongResponse(questionById(other.id))), day(0));
    expect(await reviewQueueSize(student.id, day(1))).toEqual({ due: 2, total: 2 });
    // Answered right in the review quiz: that card moves ahead, so only the other one is due.
    const review = await startOrResumeAttempt(student.id, { kind: "REVIEW", scopeId: null });
    await answerQuestion(student.id, review.id, missed.id, sentIn(review.id, questionById(missed.id), rightResponse(questionById(missed.id))), day(1));
    expect(await dueQuestionIds(student.id, day(1), 10)).toEqual([other.id]);
    expect(await reviewQueueSize(student.id, day(1))).toEqual({ due: 1, total: 2 });
    // A retired question is never asked again, so it leaves the queue (its answers stay).
    await db.question.update({ where: { id: other.id }, data: { retiredAt: day(1) } });
    try {
      expect(await reviewQueueSize(student.id, day(1))).toEqual({ due: 0, total: 1 });
      expect(await dueQuestionIds(student.id, day(60), 10)).toEqual([missed.id]);
    } finally {
      await db.question.update({ where: { id: other.id }, data: { retiredAt: null } });
    }
  });

  it("refuses an unknown lesson or phase", async () => {
    const student = await newStudent();
    await expect(startOrResumeAttempt(student.id, { kind: "LESSON", scopeId: "nope" })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(startOrResumeAttempt(student.id, { kind: "PHASE", scopeId: "nope" })).rejects.toMatchObject({ code: "invalid_input" });
  });
});
