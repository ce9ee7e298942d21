// The teacher acting on what they see, on a real SQLite file: a student's work opened from the
// gradebook, assignments edited after they are set (with the preview of what changes for students),
// classes renamed and archived, and the home page's list of what needs attention.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { answerQuestion, finishAttempt } from "@/lib/quiz/attempts";
import { getQuestion, getQuestionsForLesson } from "@/lib/quiz/bank";
import { setLessonRead, saveReadingPosition } from "@/lib/progress/reading";
import { getLessonBlocks } from "@/lib/content";
import { attentionForTeacher } from "@/lib/teacher/attention";
import { createAssignment, grantExtension, startAssignmentAttempt, studentAssignments, updateAssignment } from "@/lib/teacher/assignments";
import { createClass, JOIN_MESSAGES, listClassesForTeacher, renameClass, setClassArchived, studentClasses } from "@/lib/teacher/classes";
import { gradebookCsv, gradebookReport } from "@/lib/teacher/reports";
import { studentWorkForTeacher } from "@/lib/teacher/student-work";
import { caught, classWithStudents, coTeach, inDays, join, lessonAssignment, newStudent, newTeacher } from "../support/classroom";
import { rightResponse, wrongResponse } from "../../tooling/answers";
import { sentIn } from "../support/sent";

const lesson = (overrides: Record<string, unknown> = {}) => lessonAssignment({ maxAttempts: 2, ...overrides });

/** The student answers every question: the first wrong, the rest right; then finishes. */
async function takeQuiz(studentId: string, assignmentId: string) {
  const { attemptId } = await startAssignmentAttempt(studentId, assignmentId);
  const attempt = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { questionIds: true } });
  const ids = (attempt.questionIds as string[]).slice();
  for (const [i, id] of ids.entries()) {
    const q = getQuestion(id);
    if (q) await answerQuestion(studentId, attemptId, id, sentIn(attemptId, q, i === 0 ? wrongResponse(q) : rightResponse(q)));
  }
  await finishAttempt(studentId, attemptId);
  return { attemptId, questionIds: ids };
}

const edit = (a: { opensAt: Date; dueAt: Date }, changes: Record<string, unknown> = {}) => ({
  title: "",
  opensAt: a.opensAt,
  dueAt: a.dueAt,
  reveal: "IMMEDIATELY",
  maxAttempts: 2,
  studentIds: [],
  ...changes,
});

describe("a student's work, opened from the gradebook", () => {
  it("lists each attempt with the student's answers, the key, the time taken and the reading", async () => {
    const { teacher, classId, students } = await classWithStudents(["Amira", "Leo"]);
    const [amira, leo] = students;
    if (!amira || !leo) throw new Error("students");
    const { id: assignmentId } = await createAssignment(teacher.id, classId, lesson());
    const { questionIds } = await takeQuiz(amira.id, assignmentId);
    const blocks = getLessonBlocks("potato-diplomacy");
    await saveReadingPosition({ id: leo.id, role: "STUDENT" }, "potato-diplomacy", blocks[Math.floor(blocks.length / 2) - 1]?.id ?? "");
    await setLessonRead({ id: amira.id, role: "STUDENT" }, "potato-diplomacy", true);

    const work = await studentWorkForTeacher(teacher.id, classId, assignmentId, amira.id);
    expect(work.student.name).toBe("Amira");
    expect(work.status).toBe("done");
    expect(work.reading).toEqual({ state: "read", percent: 100 });
    expect(work.attempts).toHaveLength(1);
    const [attempt] = work.attempts;
    expect(attempt?.duration).toMatch(/\d+ s$/);
    expect(attempt?.items).toHaveLength(questionIds.length);
    const first = attempt?.items[0];
    const q = getQuestion(questionIds[0] ?? "");
    expect(first?.answered).toMatchObject({ correct: false, explanation: q?.explanation });
    expect(first?.answered?.studentAnswer).not.toBe(first?.answered?.correctAnswer);
    expect(attempt?.items[1]?.answered?.correct).toBe(true);

    const leosWork = await studentWorkForTeacher(teacher.id, classId, assignmentId, leo.id);
    expect(leosWork.attempts).toEqual([]);
    expect(leosWork.reading?.state).toBe("reading");

    const report = await gradebookReport(teacher.id, classId);
    expect(report.reading.get(`${amira.id}:${assignmentId}`)).toEqual({ state: "read", percent: 100 });
    expect(report.reading.get(`${leo.id}:${assignmentId}`)?.state).toBe("reading");
  });

  it("is not found for another teacher, another class's assignment, or someone not in the class", async () => {
    const { teacher, classId, students } = await classWithStudents(["Amira"]);
    const amira = students[0];
    if (!amira) throw new Error("student");
    const { id: assignmentId } = await createAssignment(teacher.id, classId, lesson());
    const other = await classWithStudents(["Sam"]);
    const sam = other.students[0];
    if (!sam) throw new Error("student");
    expect((await caught(studentWorkForTeacher(other.teacher.id, classId, assignmentId, amira.id))).code).toBe("not_found");
    const { id: otherAssignment } = await createAssignment(other.teacher.id, other.classId, lesson());
    expect((await caught(studentWorkForTeacher(teacher.id, classId, otherAssignment, amira.id))).code).toBe("not_found");
    expect((await caught(studentWorkForTeacher(teacher.id, classId, assignmentId, sam.id))).code).toBe("not_found");
  });
});

describe("editing an assignment", () => {
  it("saves at once when nobody is affected", async () => {
    const { teacher, classId } = await classWithStudents(["Amira"]);
    const { id } = await createAssignment(teacher.id, classId, lesson());
    const due = inDays(10);
    await expect(updateAssignment(teacher.id, id, edit({ opensAt: inDays(-1), dueAt: due }, { title: "Read it again", maxAttempts: 3 }))).resolves.toEqual({
      saved: true,
      classId,
    });
    expect(await db.assignment.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: "Read it again", maxAttempts: 3, dueAt: due });
  });

  it("shows what changes for students who started, writes nothing, then saves what was confirmed", async () => {
    const { teacher, classId, students } = await classWithStudents(["Amira", "Leo"]);
    const amira = students[0];
    if (!amira) throw new Error("student");
    const opensAt = inDays(-1);
    const { id } = await createAssignment(teacher.id, classId, lesson({ opensAt }));
    await takeQuiz(amira.id, id);

    const input = edit({ opensAt, dueAt: inDays(7) }, { maxAttempts: 1 });
    const first = await updateAssignment(teacher.id, id, input);
    if (first.saved) throw new Error("expected a preview");
    expect(first.preview.started.map((s) => s.name)).toEqual(["Amira"]);
    expect(first.preview.consequences.map((c) => c.message)).toEqual(["Allowing 1 attempt leaves Amira with no attempt left."]);
    expect((await db.assignment.findUniqueOrThrow({ where: { id } })).maxAttempts).toBe(2);

    // A key for another preview does not save this one.
    expect((await updateAssignment(teacher.id, id, input, { confirmedKey: "something-else" })).saved).toBe(false);
    expect(await updateAssignment(teacher.id, id, input, { confirmedKey: first.key })).toEqual({ saved: true, classId });
    expect((await db.assignment.findUniqueOrThrow({ where: { id } })).maxAttempts).toBe(1);
    expect(await db.attempt.count({ where: { assignmentId: id } })).toBe(1);
    expect(await caught(startAssignmentAttempt(amira.id, id))).toMatchObject({ code: "conflict" });
  });

  it("changes who it is for, keeps attempts, and ends an extension the new due date overtakes", async () => {
    const { teacher, classId, students } = await classWithStudents(["Amira", "Leo"]);
    const [amira, leo] = students;
    if (!amira || !leo) throw new Error("students");
    const opensAt = inDays(-1);
    const { id } = await createAssignment(teacher.id, classId, lesson({ opensAt }));
    await takeQuiz(amira.id, id);
    await grantExtension(teacher.id, id, leo.id, { dueAt: inDays(8), extraAttempts: 1 });

    const input = edit({ opensAt, dueAt: inDays(9) }, { studentIds: [leo.id] });
    const preview = await updateAssignment(teacher.id, id, input);
    if (preview.saved) throw new Error("expected a preview");
    expect(preview.preview.consequences.map((c) => c.kind).sort()).toEqual(["extension-ends", "removed-with-work"]);
    await updateAssignment(teacher.id, id, input, { confirmedKey: preview.key });
    expect(await db.assignmentTarget.findMany({ where: { assignmentId: id }, select: { userId: true } })).toEqual([{ userId: leo.id }]);
    expect(await db.assignmentOverride.findUniqueOrThrow({ where: { assignmentId_userId: { assignmentId: id, userId: leo.id } } })).toMatchObject({
      dueAt: null,
      extraAttempts: 1,
    });
    expect((await studentAssignments(amira.id)).map((a) => a.id)).not.toContain(id);
    expect(await db.attempt.count({ where: { assignmentId: id, userId: amira.id } })).toBe(1);
  });

  it("refuses bad input with field errors, students from elsewhere, and other teachers", async () => {
    const { teacher, classId } = await classWithStudents(["Amira"]);
    const { id } = await createAssignment(teacher.id, classId, lesson());
    const badDates = await caught(updateAssignment(teacher.id, id, edit({ opensAt: inDays(3), dueAt: inDays(2) })));
    expect(badDates.fields.dueAt).toEqual(["The due date must be after the opening date."]);
    const badAttempts = await caught(updateAssignment(teacher.id, id, edit({ opensAt: inDays(-1), dueAt: inDays(2) }, { maxAttempts: 0 })));
    expect(badAttempts.fields.maxAttempts).toEqual(["Allow at least 1 attempt."]);
    const stranger = await newStudent("Stranger");
    const badStudent = await caught(updateAssignment(teacher.id, id, edit({ opensAt: inDays(-1), dueAt: inDays(2) }, { studentIds: [stranger.id] })));
    expect(badStudent.fields.studentIds).toEqual(["Choose students who are in this class."]);
    const other = await newTeacher();
    expect((await caught(updateAssignment(other.id, id, edit({ opensAt: inDays(-1), dueAt: inDays(2) })))).code).toBe("not_found");
    expect((await db.assignment.findUniqueOrThrow({ where: { id } })).maxAttempts).toBe(2);
  });
});

describe("renaming and archiving a class", () => {
  it("renames, refusing an empty name or one the teacher already uses", async () => {
    const { teacher, classId } = await classWithStudents([]);
    const { id: otherClass } = await createClass(teacher.id, "Year 11");
    expect((await caught(renameClass(teacher.id, classId, " "))).fields.name).toEqual(["Name the class."]);
    expect((await caught(renameClass(teacher.id, classId, "year 11"))).fields.name?.[0]).toMatch(/already have a class/);
    await expect(renameClass(teacher.id, classId, "Year 12 Politics")).resolves.toEqual({ name: "Year 12 Politics" });
    await expect(renameClass(teacher.id, otherClass, "Year 11")).resolves.toEqual({ name: "Year 11" });
    const stranger = await newTeacher();
    expect((await caught(renameClass(stranger.id, classId, "Mine now"))).code).toBe("not_found");
  });

  it("archived: leaves the students' lists, takes no one new, keeps its data and CSV; unarchived: back", async () => {
    const { teacher, classId, joinCode, students } = await classWithStudents(["Amira"]);
    const amira = students[0];
    if (!amira) throw new Error("student");
    const { id } = await createAssignment(teacher.id, classId, lesson());
    await takeQuiz(amira.id, id);
    const colleague = await newTeacher("Colleague");
    await coTeach(teacher.id, classId, colleague);
    expect((await caught(setClassArchived(colleague.id, classId, true))).code).toBe("forbidden");

    await setClassArchived(teacher.id, classId, true);
    expect(await studentClasses(amira.id)).toEqual([]);
    expect(await studentAssignments(amira.id)).toEqual([]);
    expect(await caught(startAssignmentAttempt(amira.id, id))).toMatchObject({ code: "not_found" });
    const newcomer = await newStudent("Newcomer");
    expect((await caught(join(newcomer.id, joinCode))).fields.code).toEqual([JOIN_MESSAGES.archived]);
    expect((await listClassesForTeacher(teacher.id)).find((c) => c.id === classId)?.archivedAt).toBeInstanceOf(Date);
    const { csv } = await gradebookCsv(teacher.id, classId);
    expect(csv).toContain("Amira");
    expect(csv).toContain("Done");
    expect(await db.attempt.count({ where: { assignmentId: id } })).toBe(1);

    await setClassArchived(teacher.id, classId, false);
    expect((await studentClasses(amira.id)).map((c) => c.id)).toEqual([classId]);
    expect((await studentAssignments(amira.id)).map((a) => a.id)).toEqual([id]);
  });
});

describe("what needs attention", () => {
  it("lists late and missing work by name and the most-missed questions, leaving archived classes out", async () => {
    const { teacher, classId, students } = await classWithStudents(["Amira", "Leo", "Sam"]);
    const [amira, leo] = students;
    if (!amira || !leo) throw new Error("students");
    // A fixed set of questions, so both students answer the ones the other missed (a lesson pool of
    // 25 drawn ten at a time may share none of them).
    const chosen = getQuestionsForLesson("potato-diplomacy")
      .slice(0, 6)
      .map((q) => q.id);
    const { id } = await createAssignment(teacher.id, classId, lesson({ title: "Potatoes", opensAt: inDays(-3), dueAt: inDays(1), questionIds: chosen }));
    const { questionIds } = await takeQuiz(amira.id, id);
    await takeQuiz(leo.id, id);
    // The due date moves to a minute ago, before both finished: Amira and Leo are late, Sam missing.
    const input = edit({ opensAt: inDays(-3), dueAt: new Date(Date.now() - 60_000) }, { maxAttempts: 2 });
    const preview = await updateAssignment(teacher.id, id, input);
    if (!preview.saved) await updateAssignment(teacher.id, id, input, { confirmedKey: preview.key });

    const attention = await attentionForTeacher(teacher.id);
    expect(attention.overdue).toEqual([
      expect.objectContaining({
        classId,
        title: "Potatoes",
        missing: [expect.objectContaining({ name: "Sam" })],
        late: [expect.objectContaining({ name: "Amira" }), expect.objectContaining({ name: "Leo" })],
      }),
    ]);
    // Each got their first question wrong (their orders differ): those questions lead, hardest first.
    expect(questionIds.length).toBeGreaterThan(1);
    expect(attention.missed.length).toBeGreaterThan(0);
    expect(attention.missed.every((item) => item.classId === classId && item.correctShare < 1 && item.answers >= 2)).toBe(true);
    const shares = attention.missed.map((item) => item.correctShare);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));

    await setClassArchived(teacher.id, classId, true);
    expect(await attentionForTeacher(teacher.id)).toEqual({ overdue: [], missed: [] });
  });
});
