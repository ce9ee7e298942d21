// Late work and what counts (decision 0036), on a real SQLite file: the same attempts read by the
// gradebook, its CSV, the attempt API, the student's own list and the teacher's page of her work,
// before and after the teacher changes her choices. F3 of issue 15: after an "after due"
// deadline every key is shown, so a retake then must not become the grade.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { answerQuestion, finishAttempt, getAttemptView } from "@/lib/quiz/attempts";
import { getQuestion } from "@/lib/quiz/bank";
import { createAssignment, grantExtension, startAssignmentAttempt, studentAssignments, updateAssignment } from "@/lib/teacher/assignments";
import { gradebookCsv, gradebookForClass, questionReport } from "@/lib/teacher/reports";
import { studentWorkForTeacher } from "@/lib/teacher/student-work";
import { rightResponse, wrongResponse } from "../../tooling/answers";
import { sentIn } from "../support/sent";
import { classWithStudents, inDays, lessonAssignment } from "../support/classroom";

/** She answers every question (all right, or all wrong) and finishes. */
async function takeQuiz(studentId: string, assignmentId: string, right: boolean) {
  const { attemptId } = await startAssignmentAttempt(studentId, assignmentId);
  const attempt = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { questionIds: true } });
  for (const id of attempt.questionIds as string[]) {
    const q = getQuestion(id);
    if (q) await answerQuestion(studentId, attemptId, id, sentIn(attemptId, q, right ? rightResponse(q) : wrongResponse(q)));
  }
  await finishAttempt(studentId, attemptId);
  return attemptId;
}

/** Time passes: her first attempt was two days ago, and the due date was yesterday. */
async function dueDatePassed(assignmentId: string, earlierAttemptIds: string[]) {
  await db.attempt.updateMany({ where: { id: { in: earlierAttemptIds } }, data: { startedAt: inDays(-2) } });
  await db.assignment.update({ where: { id: assignmentId }, data: { opensAt: inDays(-3), dueAt: inDays(-1) } });
}

/** The teacher's edit form, saved (confirming the preview when it shows one). */
async function saveEdit(teacherId: string, assignmentId: string, changes: Record<string, unknown>) {
  const a = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
  const input = { title: "", opensAt: a.opensAt, dueAt: a.dueAt, reveal: a.reveal, maxAttempts: a.maxAttempts, studentIds: [], ...changes };
  const first = await updateAssignment(teacherId, assignmentId, input);
  if (!first.saved) expect(await updateAssignment(teacherId, assignmentId, input, { confirmedKey: first.key })).toMatchObject({ saved: true });
  return first;
}

/** A student's row of the CSV, as fields (every field is quoted, so '","' separates them). */
const csvRow = (csv: string, name: string) =>
  csv
    .split("\r\n")
    .find((line) => line.startsWith(`"${name}"`))
    ?.slice(1, -1)
    .split('","');

describe("late work, counted by the teacher's choice", () => {
  it("F3: after due, a retake after the deadline scores 100 % and is marked late and not counted everywhere, until the teacher counts it", async () => {
    const { teacher, classId, students } = await classWithStudents(["Amira"]);
    const [amira] = students;
    if (!amira) throw new Error("setup");
    const { id: assignmentId } = await createAssignment(teacher.id, classId, lessonAssignment({ title: "Potatoes", reveal: "AFTER_DUE", maxAttempts: 2 }));
    // The defaults: late work counts, attempts after the answers were shown do not.
    expect(await db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { lateWorkCounts: true, afterRevealCounts: true } })).toEqual({
      lateWorkCounts: true,
      afterRevealCounts: false,
    });
    const onTime = await takeQuiz(amira.id, assignmentId, false);
    await dueDatePassed(assignmentId, [onTime]);

    // Before she starts again she is told it is late and will not count.
    expect((await studentAssignments(amira.id))[0]?.startNotice).toBe(
      "Your due date has passed. An attempt you start now is marked late and does not count toward your grade: the answers have been shown since your due date.",
    );
    const retake = await takeQuiz(amira.id, assignmentId, true);

    // Gradebook: the on-time score is the grade; the 100 % is kept apart, marked.
    const cell = (await gradebookForClass(teacher.id, classId)).gradebook.rows[0]?.cells[0];
    expect(cell).toMatchObject({ status: "done", bestScore: 0, notCountedScore: 1, late: true, anyNotCounted: true, attemptsUsed: 2 });
    // CSV: the columns as before, then late, counted and the best not counted.
    const { csv } = await gradebookCsv(teacher.id, classId);
    expect(csv.split("\r\n")[0]).toBe(
      '\uFEFF"Student","Email","Potatoes: best score (%)","Potatoes: status","Potatoes: late","Potatoes: counted","Potatoes: best not counted (%)"',
    );
    expect(csvRow(csv, "Amira")).toEqual(["Amira", amira.email, "0", "Done", "yes", "no", "100"]);
    // The API's attempt payloads.
    expect(await getAttemptView(amira.id, onTime)).toMatchObject({ late: false, counted: true });
    expect(await getAttemptView(amira.id, retake)).toMatchObject({ late: true, counted: false, score: 1 });
    // Her own list: the grade, and the Late tag.
    expect((await studentAssignments(amira.id))[0]).toMatchObject({ status: "done", bestScore: 0, late: true, canStart: false, startNotice: null });
    // The teacher's page of her work.
    const work = await studentWorkForTeacher(teacher.id, classId, assignmentId, amira.id);
    expect(work).toMatchObject({ status: "done", bestScore: 0, notCountedScore: 1 });
    expect(work.attempts.map((a) => [a.late, a.counted, a.label])).toEqual([
      [false, true, null],
      [true, false, "Late · not counted"],
    ]);
    expect(work.countingRule).toBe("Attempts started after the due date do not count: the answers are shown from then on.");
    // Item analysis keeps every answer, counted or not: it says how each question is doing.
    expect((await questionReport(teacher.id, classId)).items.reduce((sum, i) => sum + i.answers, 0)).toBe(
      await db.attemptAnswer.count({ where: { attemptId: { in: [onTime, retake] } } }),
    );

    // The teacher counts attempts after the answers were shown: re-graded when read, nothing deleted.
    const preview = await saveEdit(teacher.id, assignmentId, { afterRevealCounts: true });
    expect(preview.saved ? [] : preview.preview.consequences.map((c) => c.message)).toContain(
      "Which of Amira’s attempts count toward the grade changes; grades are worked out again and no attempt is deleted.",
    );
    expect((await gradebookForClass(teacher.id, classId)).gradebook.rows[0]?.cells[0]).toMatchObject({ status: "done", bestScore: 1, notCountedScore: null });
    expect(await getAttemptView(amira.id, retake)).toMatchObject({ late: true, counted: true });
    expect(csvRow((await gradebookCsv(teacher.id, classId)).csv, "Amira")).toEqual(["Amira", amira.email, "100", "Done", "yes", "yes", ""]);

    // Late work no longer counts: back to the on-time score; an edit without the choices keeps them.
    await saveEdit(teacher.id, assignmentId, { lateWorkCounts: false });
    await saveEdit(teacher.id, assignmentId, { title: "Potatoes again" });
    expect(await db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { lateWorkCounts: true, afterRevealCounts: true } })).toEqual({
      lateWorkCounts: false,
      afterRevealCounts: true,
    });
    expect((await gradebookForClass(teacher.id, classId)).gradebook.rows[0]?.cells[0]).toMatchObject({ bestScore: 0, notCountedScore: 1 });
    expect(await db.attempt.count({ where: { assignmentId } })).toBe(2);
  });

  it("late work that does not count: her extension is her due date; without one she is told, marked and not counted", async () => {
    const { teacher, classId, students } = await classWithStudents(["Leo", "Zoë"]);
    const [leo, zoe] = students;
    if (!leo || !zoe) throw new Error("setup");
    const { id: assignmentId } = await createAssignment(teacher.id, classId, lessonAssignment({ title: "Sochi", lateWorkCounts: false }));
    await grantExtension(teacher.id, assignmentId, leo.id, { dueAt: inDays(9), extraAttempts: 0 });
    await dueDatePassed(assignmentId, []);
    await db.assignmentOverride.update({ where: { assignmentId_userId: { assignmentId, userId: leo.id } }, data: { dueAt: inDays(1) } });

    expect((await studentAssignments(leo.id))[0]).toMatchObject({ startNotice: null, status: "not-started" });
    expect((await studentAssignments(zoe.id))[0]).toMatchObject({
      status: "missing",
      startNotice:
        "Your due date has passed. An attempt you start now is marked late and does not count toward your grade: your teacher does not count late work.",
    });
    const leoAttempt = await takeQuiz(leo.id, assignmentId, true);
    const zoeAttempt = await takeQuiz(zoe.id, assignmentId, true);

    const { gradebook } = await gradebookForClass(teacher.id, classId);
    const byName = Object.fromEntries(gradebook.rows.map((r) => [r.student.name, r.cells[0]]));
    expect(byName.Leo).toMatchObject({ status: "done", bestScore: 1, late: false, extended: true });
    expect(byName["Zoë"]).toMatchObject({ status: "not-counted", bestScore: null, notCountedScore: 1, late: true });
    // Handed in by both; the average is of grades that count.
    expect(gradebook.columns[0]).toMatchObject({ submitted: 2, averageScore: 1 });
    const { csv } = await gradebookCsv(teacher.id, classId);
    expect(csvRow(csv, "Zoë")).toEqual(["Zoë", zoe.email, "", "Late, not counted", "yes", "no", "100"]);
    expect(csvRow(csv, "Leo")).toEqual(["Leo", leo.email, "100", "Done", "no", "yes", ""]);
    expect(await getAttemptView(leo.id, leoAttempt)).toMatchObject({ late: false, counted: true });
    expect(await getAttemptView(zoe.id, zoeAttempt)).toMatchObject({ late: true, counted: false });
    expect((await studentAssignments(zoe.id))[0]).toMatchObject({ status: "not-counted", bestScore: null, late: true });
  });

  it("refuses a late-work choice that is not yes or no, with a clear message", async () => {
    const { teacher, classId } = await classWithStudents([]);
    const refused = await createAssignment(teacher.id, classId, lessonAssignment({ lateWorkCounts: "maybe", afterRevealCounts: 3 })).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({
      code: "invalid_input",
      fields: { lateWorkCounts: ["Choose whether late work counts."], afterRevealCounts: ["Choose whether attempts after the answers were shown count."] },
    });
  });
});
