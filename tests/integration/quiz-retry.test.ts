// "Retry the ones I missed" against a real SQLite database.
import { rightResponse, wrongResponse } from "../../tooling/answers";
import { sentIn } from "../support/sent";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { answerQuestion, finishAttempt, getAttemptView, startOrResumeAttempt, startRetryOfMissed } from "@/lib/quiz/attempts";
import { getQuestion } from "@/lib/quiz/bank";
import { upsertUser } from "@/prisma/factories";

let counter = 0;
const newStudent = () => upsertUser(db, { email: `retry-${++counter}-${Date.now()}@example.test` });

describe("retry the ones I missed", () => {
  it("starts a new practice attempt over exactly the missed and unanswered questions, graded the same way", async () => {
    const student = await newStudent();
    const { id } = await startOrResumeAttempt(student.id, { kind: "LESSON", scopeId: "potato-diplomacy" });
    const ids = (await getAttemptView(student.id, id)).items.map((item) => item.question.id);
    const [right, wrong] = ids.map((q) => getQuestion(q)!);
    await answerQuestion(student.id, id, right!.id, sentIn(id, right!, rightResponse(right!)));
    const wrongAnswer = wrongResponse(wrong!);
    if (wrongAnswer) await answerQuestion(student.id, id, wrong!.id, sentIn(id, wrong!, wrongAnswer));
    await expect(startRetryOfMissed(student.id, id)).rejects.toMatchObject({ code: "conflict" });
    await finishAttempt(student.id, id);

    const retry = await startRetryOfMissed(student.id, id);
    const view = await getAttemptView(student.id, retry.id);
    expect(view.practice).toBe(true);
    expect(view.items.map((item) => item.question.id).sort()).toEqual(ids.filter((q) => q !== right!.id).sort());
    await answerQuestion(student.id, retry.id, wrong!.id, sentIn(retry.id, wrong!, rightResponse(wrong!)));
    expect((await getAttemptView(student.id, retry.id)).items.find((item) => item.question.id === wrong!.id)).toMatchObject({
      status: "answered",
      result: { correct: true },
    });
  });

  it("keeps a retry apart from the quiz: Retry again carries on with it, starting the quiz never resumes it, and it is no best score", async () => {
    const student = await newStudent();
    const scope = { kind: "LESSON" as const, scopeId: "potato-diplomacy" };
    const { id } = await startOrResumeAttempt(student.id, scope);
    await finishAttempt(student.id, id); // nothing answered: every question counts as missed
    const retry = await startRetryOfMissed(student.id, id);
    expect((await startRetryOfMissed(student.id, id)).id, "a second press carries on with the open retry").toBe(retry.id);
    const quiz = await startOrResumeAttempt(student.id, scope);
    expect(quiz.resumed, "starting the quiz again is a whole new quiz, not the open retry").toBe(false);
    expect(quiz.id).not.toBe(retry.id);
    expect(await db.attempt.count({ where: { userId: student.id, retryOfId: id } })).toBe(1);
  });

  it("refuses someone else's attempt as not found", async () => {
    const student = await newStudent();
    const intruder = await newStudent();
    const { id } = await startOrResumeAttempt(student.id, { kind: "MIXED", scopeId: null });
    await finishAttempt(student.id, id);
    await expect(startRetryOfMissed(intruder.id, id)).rejects.toMatchObject({ code: "not_found" });
  });
});
