// Classes, joining, assignments, extensions, reports and teacher questions against a real SQLite
// database (a migrated copy of the template, with the built-in question bank seeded).
import { rightResponse } from "../../tooling/answers";
import { sentIn } from "../support/sent";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { finishAttempt, answerQuestion, getAttemptView } from "@/lib/quiz/attempts";
import { getQuestion } from "@/lib/quiz/bank";
import type { Question } from "@/lib/quiz/schema";
import {
  createAssignment,
  deleteAssignment,
  grantExtension,
  listAssignments,
  removeExtension,
  startAssignmentAttempt,
  studentAssignments,
  STUDENT_ASSIGNMENT_NOT_FOUND,
} from "@/lib/teacher/assignments";
import {
  createClass,
  getClassForTeacher,
  getRoster,
  joinClass,
  JOIN_MESSAGES,
  listClassesForTeacher,
  regenerateJoinCode,
  removeCoTeacher,
  removeStudent,
  studentClasses,
} from "@/lib/teacher/classes";
import { NOT_FOUND_MESSAGES } from "@/lib/teacher/errors";
import { cancelInvitation, inviteCoTeacher, listClassInvitations } from "@/lib/teacher/invitations";
import { formatJoinCode } from "@/lib/teacher/join-code";
import { EMPTY_QUESTION_FORM, formToQuestion } from "@/lib/teacher/question-form";
import {
  assignableOwnQuestions,
  createQuestion,
  duplicateBuiltIn,
  getOwnQuestion,
  listOwnQuestions,
  setQuestionRetired,
  updateQuestion,
} from "@/lib/teacher/questions";
import { gradebookCsv, gradebookForClass, gradebookReport, questionReport } from "@/lib/teacher/reports";
import { caught, classWithStudents, coTeach, inDays, join, lessonAssignment, newStudent, newTeacher, noSleep, now, unique } from "../support/classroom";

describe("classes", () => {
  it("creates a class with a join code, and refuses a second class of the same name for that teacher", async () => {
    const teacher = await newTeacher();
    const created = await createClass(teacher.id, "  Year 10 History ");
    expect(created.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const error = await caught(createClass(teacher.id, "year 10 history"));
    expect(error.code).toBe("invalid_input");
    expect(error.fields.name?.[0]).toMatch(/already have a class with this name/);
    // Another teacher may use the same name.
    const other = await newTeacher();
    await expect(createClass(other.id, "Year 10 History")).resolves.toMatchObject({ id: expect.any(String) });
    expect((await caught(createClass(teacher.id, "   "))).fields.name?.[0]).toBe("Name the class.");
    const list = await listClassesForTeacher(teacher.id);
    expect(list).toEqual([expect.objectContaining({ id: created.id, name: "Year 10 History", role: "OWNER", students: 0, assignments: 0 })]);
  });

  it("lets students join with the code as typed (any case, spaces, dashes), once", async () => {
    const { classId, joinCode } = await classWithStudents([]);
    const student = await newStudent("Zoë");
    const typed = ` ${formatJoinCode(joinCode).toLowerCase()} `;
    await expect(join(student.id, typed)).resolves.toEqual({ classId, name: expect.any(String), alreadyMember: false });
    await expect(join(student.id, joinCode)).resolves.toMatchObject({ alreadyMember: true });
    expect(await db.classMember.count({ where: { classId } })).toBe(1);
    expect(await studentClasses(student.id)).toEqual([expect.objectContaining({ id: classId, teachers: ["Teacher"] })]);
  });

  it("gives a clear message for an unknown or malformed code, and refuses teachers", async () => {
    const student = await newStudent();
    const unknown = await caught(join(student.id, "ZZZZ-ZZZZ"));
    expect(unknown.fields.code).toEqual([JOIN_MESSAGES.unknown]);
    expect((await caught(join(student.id, "abc"))).fields.code).toEqual([JOIN_MESSAGES.malformed]);
    const { joinCode } = await classWithStudents([]);
    const teacher = await newTeacher();
    expect(await caught(join(teacher.id, joinCode))).toMatchObject({ code: "forbidden", message: JOIN_MESSAGES.teacher });
  });

  it("locks out a student who keeps guessing codes, even when they then get one right", async () => {
    const { joinCode, classId } = await classWithStudents([]);
    const guesser = await newStudent();
    const delays: number[] = [];
    const options = { address: unique("addr"), sleep: async (ms: number) => void delays.push(ms) };
    for (let i = 0; i < 10; i++) {
      const error = await caught(joinClass(guesser.id, `ZZZZZZ${"23456789"[i % 8]}${"ABCDEFGH"[i % 8]}`, options));
      expect(error.code).toBe("invalid_input");
    }
    // Slowed from the fifth failure on (RULES.joinCode.slowAfter).
    expect(delays.length).toBeGreaterThan(0);
    const locked = await caught(joinClass(guesser.id, joinCode, options));
    expect(locked.code).toBe("rate_limited");
    expect(locked.message).toMatch(/^Too many wrong codes\. For safety, try again in 1[45] minutes\.$/);
    expect(await db.classMember.count({ where: { classId, userId: guesser.id } })).toBe(0);
    // Another student on another address is not affected.
    const other = await newStudent();
    await expect(join(other.id, joinCode)).resolves.toMatchObject({ alreadyMember: false });
  });

  it("limits guesses per address across students (a looser limit, for shared school networks)", async () => {
    const address = unique("shared");
    for (let i = 0; i < 50; i++) {
      const student = await newStudent();
      await caught(joinClass(student.id, "ZZZZZZZZ", { address, sleep: noSleep }));
    }
    const { joinCode } = await classWithStudents([]);
    const fresh = await newStudent();
    expect((await caught(joinClass(fresh.id, joinCode, { address, sleep: noSleep }))).code).toBe("rate_limited");
  });

  it("regenerates the code: the old one stops working", async () => {
    const { teacher, classId, joinCode } = await classWithStudents([]);
    const next = await regenerateJoinCode(teacher.id, classId);
    expect(next).not.toBe(joinCode);
    const student = await newStudent();
    expect((await caught(join(student.id, joinCode))).fields.code).toEqual([JOIN_MESSAGES.unknown]);
    await expect(join(student.id, next)).resolves.toMatchObject({ classId });
  });

  it("removes a student with their individual assignments and extensions, keeping their attempts", async () => {
    const { teacher, classId, students } = await classWithStudents(["Amira", "Leo"]);
    const [amira, leo] = students;
    if (!amira || !leo) throw new Error("setup");
    const { id: assignmentId } = await createAssignment(teacher.id, classId, lessonAssignment({ studentIds: [amira.id] }));
    await grantExtension(teacher.id, assignmentId, amira.id, { dueAt: inDays(10), extraAttempts: 1 });
    const { attemptId } = await startAssignmentAttempt(amira.id, assignmentId);
    await removeStudent(teacher.id, classId, amira.id);
    expect((await getRoster(teacher.id, classId)).map((s) => s.name)).toEqual(["Leo"]);
    expect(await db.assignmentTarget.count({ where: { assignmentId } })).toBe(0);
    expect(await db.assignmentOverride.count({ where: { assignmentId } })).toBe(0);
    expect(await db.attempt.count({ where: { id: attemptId } })).toBe(1);
    expect(await studentAssignments(amira.id)).toEqual([]);
    expect(await caught(removeStudent(teacher.id, classId, amira.id))).toMatchObject({ code: "not_found", message: NOT_FOUND_MESSAGES.student });
  });

  it("shares a class with a co-teacher who accepted an invitation; a co-teacher cannot invite", async () => {
    const { teacher, classId } = await classWithStudents(["Amira"]);
    const colleague = await newTeacher("Mr Okafor");
    await coTeach(teacher.id, classId, colleague);
    // The co-teacher now sees the class, its roster and its gradebook…
    expect(await getClassForTeacher(colleague.id, classId)).toMatchObject({ role: "CO_TEACHER", teachers: [{ role: "OWNER" }, { name: "Mr Okafor" }] });
    expect(await getRoster(colleague.id, classId)).toHaveLength(1);
    // …but cannot share it further.
    const third = await newTeacher();
    expect((await caught(inviteCoTeacher(colleague.id, classId, third.email, { baseUrl: null }))).code).toBe("forbidden");
  });

  it("lets the owner remove a co-teacher and a co-teacher leave; the class's work stays", async () => {
    const { teacher: owner, classId } = await classWithStudents(["Amira"]);
    const colleague = await newTeacher("Mr Okafor");
    const other = await newTeacher("Ms Brandt");
    await coTeach(owner.id, classId, colleague);
    await coTeach(owner.id, classId, other);
    // Work a co-teacher set belongs to the class, not to them.
    const { id: assignmentId } = await createAssignment(colleague.id, classId, lessonAssignment());

    // A co-teacher can neither remove the owner nor another co-teacher…
    expect(await caught(removeCoTeacher(colleague.id, classId, owner.id))).toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/Only the teacher who created the class/),
    });
    expect(await caught(removeCoTeacher(colleague.id, classId, other.id))).toMatchObject({ code: "forbidden" });
    // …and the owner cannot leave their own class.
    expect(await caught(removeCoTeacher(owner.id, classId, owner.id))).toMatchObject({ code: "forbidden", message: expect.stringMatching(/cannot leave it/) });
    expect(await db.classTeacher.count({ where: { classId } })).toBe(3);

    // The owner removes one co-teacher: they no longer see the class; the assignment stays.
    await expect(removeCoTeacher(owner.id, classId, colleague.id)).resolves.toEqual({ left: false });
    expect(await getClassForTeacher(colleague.id, classId)).toBeNull();
    expect(await listClassesForTeacher(colleague.id)).toEqual([]);
    expect(await db.assignment.count({ where: { id: assignmentId, classId } })).toBe(1);
    // Removing them again: they do not teach it any more.
    expect(await caught(removeCoTeacher(owner.id, classId, colleague.id))).toMatchObject({ code: "not_found" });

    // The other co-teacher leaves of their own accord.
    await expect(removeCoTeacher(other.id, classId, other.id)).resolves.toEqual({ left: true });
    expect(await getClassForTeacher(other.id, classId)).toBeNull();
    expect(await getClassForTeacher(owner.id, classId)).toMatchObject({ role: "OWNER", teachers: [{ role: "OWNER" }] });
    expect(await db.classMember.count({ where: { classId } })).toBe(1);
  });

  it("treats a teacher who does not teach the class as if it did not exist when removing co-teachers", async () => {
    const { teacher: owner, classId } = await classWithStudents(["Amira"]);
    const colleague = await newTeacher();
    await coTeach(owner.id, classId, colleague);
    const stranger = await newTeacher();
    for (const target of [colleague.id, owner.id, stranger.id]) {
      const theirs = await caught(removeCoTeacher(stranger.id, classId, target));
      expect(theirs).toMatchObject({ code: "not_found", message: NOT_FOUND_MESSAGES.class });
      expect((await caught(removeCoTeacher(stranger.id, "no-such-class", target))).message).toBe(theirs.message);
    }
    expect(await db.classTeacher.count({ where: { classId } })).toBe(2);
  });
});

describe("tenant isolation", () => {
  it("treats another teacher's class exactly like one that does not exist", async () => {
    const { teacher: owner, classId, students } = await classWithStudents(["Amira"]);
    const [amira] = students;
    if (!amira) throw new Error("setup");
    const { id: assignmentId } = await createAssignment(owner.id, classId, lessonAssignment());
    const intruder = await newTeacher();

    expect(await getClassForTeacher(intruder.id, classId)).toBeNull();
    expect(await getClassForTeacher(intruder.id, "no-such-class")).toBeNull();

    const attempts: [string, (id: string) => Promise<unknown>][] = [
      ["roster", (id) => getRoster(intruder.id, id)],
      ["remove student", (id) => removeStudent(intruder.id, id, amira.id)],
      ["regenerate code", (id) => regenerateJoinCode(intruder.id, id)],
      ["invite co-teacher", (id) => inviteCoTeacher(intruder.id, id, intruder.email, { baseUrl: null })],
      ["list invitations", (id) => listClassInvitations(intruder.id, id)],
      ["cancel invitation", (id) => cancelInvitation(intruder.id, id, "no-such-invitation")],
      ["list assignments", (id) => listAssignments(intruder.id, id)],
      ["create assignment", (id) => createAssignment(intruder.id, id, lessonAssignment())],
      ["gradebook", (id) => gradebookForClass(intruder.id, id)],
      ["gradebook report", (id) => gradebookReport(intruder.id, id)],
      ["question report", (id) => questionReport(intruder.id, id)],
      ["csv", (id) => gradebookCsv(intruder.id, id)],
    ];
    for (const [what, run] of attempts) {
      const theirs = await caught(run(classId));
      const missing = await caught(run("no-such-class"));
      expect(theirs, what).toMatchObject({ code: "not_found", message: NOT_FOUND_MESSAGES.class });
      expect(missing.message, what).toBe(theirs.message);
    }
    for (const [what, run] of [
      ["extension", (id: string) => grantExtension(intruder.id, id, amira.id, { dueAt: inDays(9), extraAttempts: 0 })],
      ["remove extension", (id: string) => removeExtension(intruder.id, id, amira.id)],
      ["delete assignment", (id: string) => deleteAssignment(intruder.id, id)],
    ] as const) {
      const theirs = await caught(run(assignmentId));
      const missing = await caught(run("no-such-assignment"));
      expect(theirs, what).toMatchObject({ code: "not_found", message: NOT_FOUND_MESSAGES.assignment });
      expect(missing.message, what).toBe(theirs.message);
    }
    // Nothing changed.
    expect(await db.classMember.count({ where: { classId } })).toBe(1);
    expect(await db.classTeacher.count({ where: { classId } })).toBe(1);
    expect(await db.assignment.count({ where: { classId } })).toBe(1);
    expect(await db.assignmentOverride.count({ where: { assignmentId } })).toBe(0);
    expect(await listClassesForTeacher(intruder.id)).toEqual([]);
  });

  it("keeps each teacher's questions to themselves", async () => {
    const author = await newTeacher();
    const intruder = await newTeacher();
    const { id } = await duplicateBuiltIn(author.id, "q-slovenia-summit-year");
    const original = getQuestion("q-slovenia-summit-year");
    if (!original) throw new Error("bank changed");
    expect(await getOwnQuestion(intruder.id, id)).toBeNull();
    expect(await listOwnQuestions(intruder.id)).toEqual([]);
    const theirs = await caught(updateQuestion(intruder.id, id, { ...original, prompt: "Hijacked?" }));
    const missing = await caught(updateQuestion(intruder.id, "t-nothing-here", { ...original }));
    expect(theirs).toMatchObject({ code: "not_found", message: NOT_FOUND_MESSAGES.question });
    expect(missing.message).toBe(theirs.message);
    expect((await caught(setQuestionRetired(intruder.id, id, true))).message).toBe(NOT_FOUND_MESSAGES.question);
    // Nor can another teacher's question go into an assignment.
    const { id: classId } = await createClass(intruder.id, unique("Class"));
    const refused = await caught(createAssignment(intruder.id, classId, lessonAssignment({ questionIds: [id] })));
    expect(refused.fields.questionIds?.[0]).toMatch(/your own questions/);
    expect((await getOwnQuestion(author.id, id))?.question.prompt).toBe(original.prompt);
  });
});

describe("assignments", () => {
  it("validates dates, scope, attempts, students and questions", async () => {
    const { teacher, classId } = await classWithStudents(["Amira"]);
    const outsider = await newStudent();
    const fields = async (input: Record<string, unknown>) => (await caught(createAssignment(teacher.id, classId, lessonAssignment(input)))).fields;
    expect((await fields({ opensAt: inDays(8) })).dueAt).toEqual(["The due date must be after the opening date."]);
    expect((await fields({ opensAt: inDays(-3), dueAt: inDays(-1) })).dueAt).toEqual(["The due date must be in the future."]);
    expect((await fields({ scopeId: "no-such-lesson" })).scope).toEqual(["Choose one of the lessons."]);
    expect((await fields({ kind: "PHASE", scopeId: "potato-diplomacy" })).scope).toEqual(["Choose one of the phases."]);
    expect((await fields({ kind: "MIXED", scopeId: "potato-diplomacy" })).scope).toEqual(["A mixed review covers the whole article."]);
    expect((await fields({ maxAttempts: 0 })).maxAttempts).toEqual(["Allow at least 1 attempt."]);
    expect((await fields({ reveal: "SOMETIMES" })).reveal?.length).toBe(1);
    expect((await fields({ studentIds: [outsider.id] })).studentIds).toEqual(["Choose students who are in this class."]);
    expect((await fields({ questionIds: ["no-such-question"] })).questionIds?.length).toBe(1);
    expect(await db.assignment.count({ where: { classId } })).toBe(0);
  });

  it("sets work for the whole class or for chosen students, titled after the scope by default", async () => {
    const { teacher, classId, students } = await classWithStudents(["Amira", "Leo"]);
    const [amira, leo] = students;
    if (!amira || !leo) throw new Error("setup");
    const own = await createQuestion(
      teacher.id,
      formToQuestion(
        {
          ...EMPTY_QUESTION_FORM,
          prompt: "In which year was the first Bush–Putin summit, in Slovenia?",
          explanation: "2001.",
          paragraphIds: ["eye-p03"],
          phaseIds: ["phase-rapport"],
          options: "1999\n* 2001",
        },
        "x",
      ).candidate ?? {},
    );
    await createAssignment(teacher.id, classId, lessonAssignment({ dueAt: inDays(5) }));
    await createAssignment(
      teacher.id,
      classId,
      lessonAssignment({
        kind: "PHASE",
        scopeId: "phase-rapport",
        title: "Phase one, for Leo",
        dueAt: inDays(3),
        studentIds: [leo.id],
        questionIds: [own.id, "q-slovenia-summit-year"],
      }),
    );
    const list = await listAssignments(teacher.id, classId);
    expect(list.map((a) => [a.title, a.targets.map((t) => t.name), a.questionIds])).toEqual([
      ["Phase one, for Leo", ["Leo"], [own.id, "q-slovenia-summit-year"]],
      ["Lesson: Potato diplomacy", [], null],
    ]);
    expect((await studentAssignments(amira.id)).map((a) => a.title)).toEqual(["Lesson: Potato diplomacy"]);
    const forLeo = await studentAssignments(leo.id);
    expect(forLeo.map((a) => a.title)).toEqual(["Phase one, for Leo", "Lesson: Potato diplomacy"]);
    expect(forLeo[0]).toMatchObject({
      status: "not-started",
      isOpen: true,
      canStart: true,
      attemptsUsed: 0,
      attemptsAllowed: 1,
      bestScore: null,
      openAttemptId: null,
    });
    // Retired questions can no longer be assigned.
    await setQuestionRetired(teacher.id, own.id, true);
    expect(await assignableOwnQuestions(teacher.id)).toEqual([]);
    expect((await caught(createAssignment(teacher.id, classId, lessonAssignment({ questionIds: [own.id] })))).fields.questionIds?.length).toBe(1);
  });

  it("hides the student's score while the assignment holds results back, and shows it once they are revealed", async () => {
    const { teacher, classId, students } = await classWithStudents(["Amira"]);
    const [amira] = students;
    if (!amira) throw new Error("setup");
    const { id: assignmentId } = await createAssignment(teacher.id, classId, lessonAssignment({ dueAt: inDays(2), reveal: "AFTER_DUE" }));
    const { attemptId } = await startAssignmentAttempt(amira.id, assignmentId);
    for (const item of (await getAttemptView(amira.id, attemptId)).items) {
      const q = getQuestion(item.question.id);
      if (q) await answerQuestion(amira.id, attemptId, q.id, sentIn(attemptId, q, rightResponse(q)));
    }
    await finishAttempt(amira.id, attemptId);
    expect((await studentAssignments(amira.id))[0]).toMatchObject({ status: "done", bestScore: null });
    expect((await studentAssignments(amira.id, inDays(3)))[0]).toMatchObject({ status: "done", bestScore: 1 });
  });

  it("lets a student start, resume and finish within their attempts; an extension adds time and attempts", async () => {
    const { teacher, classId, students } = await classWithStudents(["Amira"]);
    const [amira] = students;
    if (!amira) throw new Error("setup");
    const { id: assignmentId } = await createAssignment(teacher.id, classId, lessonAssignment({ dueAt: inDays(2) }));
    const first = await startAssignmentAttempt(amira.id, assignmentId);
    expect(first.resumed).toBe(false);
    expect(await startAssignmentAttempt(amira.id, assignmentId)).toEqual({ attemptId: first.attemptId, resumed: true });
    expect((await studentAssignments(amira.id))[0]).toMatchObject({ status: "in-progress", openAttemptId: first.attemptId, canStart: true });

    const view = await getAttemptView(amira.id, first.attemptId);
    for (const item of view.items) {
      const q = getQuestion(item.question.id);
      if (q) await answerQuestion(amira.id, first.attemptId, q.id, sentIn(first.attemptId, q, rightResponse(q)));
    }
    await finishAttempt(amira.id, first.attemptId);
    expect((await studentAssignments(amira.id))[0]).toMatchObject({ status: "done", bestScore: 1, attemptsUsed: 1, canStart: false });
    expect(await caught(startAssignmentAttempt(amira.id, assignmentId))).toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/used all your attempts/),
    });

    // An extension: a later date and one more attempt.
    expect((await caught(grantExtension(teacher.id, assignmentId, amira.id, { dueAt: inDays(1), extraAttempts: 0 }))).fields.dueAt?.[0]).toMatch(/later than/);
    expect((await caught(grantExtension(teacher.id, assignmentId, amira.id, { dueAt: null, extraAttempts: 0 }))).fields.dueAt?.[0]).toMatch(
      /later due date, extra attempts/,
    );
    await grantExtension(teacher.id, assignmentId, amira.id, { dueAt: inDays(4), extraAttempts: 1 });
    const extended = (await studentAssignments(amira.id))[0];
    expect(extended).toMatchObject({ extended: true, attemptsAllowed: 2, canStart: true });
    expect(extended?.dueAt.getTime()).toBe(inDays(4).getTime());
    await expect(startAssignmentAttempt(amira.id, assignmentId)).resolves.toMatchObject({ resumed: false });
    expect((await listAssignments(teacher.id, classId))[0]?.extensions).toEqual([{ userId: amira.id, name: "Amira", dueAt: inDays(4), extraAttempts: 1 }]);
    await removeExtension(teacher.id, assignmentId, amira.id);
    expect((await studentAssignments(amira.id))[0]).toMatchObject({ extended: false, attemptsAllowed: 1 });
  });

  it("asks exactly the teacher's chosen questions, their own among them", async () => {
    const { teacher, classId, students } = await classWithStudents(["Amira"]);
    const [amira] = students;
    if (!amira) throw new Error("setup");
    const own = await duplicateBuiltIn(teacher.id, "q-sochi-gift");
    const chosen = [own.id, "q-slovenia-summit-year", "q-tf-putin-first-call"];
    const { id: assignmentId } = await createAssignment(teacher.id, classId, lessonAssignment({ questionIds: chosen }));
    const { attemptId } = await startAssignmentAttempt(amira.id, assignmentId);
    const view = await getAttemptView(amira.id, attemptId);
    expect(view.items.map((item) => item.question.id).sort()).toEqual([...chosen].sort());
    expect(await startAssignmentAttempt(amira.id, assignmentId)).toEqual({ attemptId, resumed: true });
  });

  it("refuses extensions for students the assignment is not for", async () => {
    const { teacher, classId, students } = await classWithStudents(["Amira", "Leo"]);
    const [amira, leo] = students;
    if (!amira || !leo) throw new Error("setup");
    const { id } = await createAssignment(teacher.id, classId, lessonAssignment({ studentIds: [amira.id] }));
    expect((await caught(grantExtension(teacher.id, id, leo.id, { dueAt: inDays(9), extraAttempts: 0 }))).fields.studentId?.length).toBe(1);
    const outsider = await newStudent();
    expect((await caught(grantExtension(teacher.id, id, outsider.id, { dueAt: inDays(9), extraAttempts: 0 }))).fields.studentId?.length).toBe(1);
  });

  it("does not open before its opening date, and is invisible to students it is not for", async () => {
    const { teacher, classId, students } = await classWithStudents(["Amira", "Leo"]);
    const [amira, leo] = students;
    if (!amira || !leo) throw new Error("setup");
    const { id: later } = await createAssignment(teacher.id, classId, lessonAssignment({ opensAt: inDays(1), dueAt: inDays(3) }));
    expect((await studentAssignments(amira.id))[0]).toMatchObject({ isOpen: false, canStart: false });
    expect(await caught(startAssignmentAttempt(amira.id, later))).toMatchObject({ code: "conflict", message: "This assignment is not open yet." });
    const { id: forAmira } = await createAssignment(teacher.id, classId, lessonAssignment({ studentIds: [amira.id] }));
    expect(await caught(startAssignmentAttempt(leo.id, forAmira))).toMatchObject({ code: "not_found", message: STUDENT_ASSIGNMENT_NOT_FOUND });
    const stranger = await newStudent();
    expect((await caught(startAssignmentAttempt(stranger.id, forAmira))).message).toBe(STUDENT_ASSIGNMENT_NOT_FOUND);
  });
});

describe("reports", () => {
  /** A finished attempt at an assignment, written directly (the quiz service is tested elsewhere). */
  async function finished(userId: string, assignmentId: string, finishedAt: Date, answers: { question: Question; correct: boolean }[]) {
    const score = answers.filter((a) => a.correct).length / answers.length;
    await db.attempt.create({
      data: {
        userId,
        kind: "LESSON",
        scopeId: "potato-diplomacy",
        assignmentId,
        questionIds: answers.map((a) => a.question.id),
        startedAt: new Date(finishedAt.getTime() - 10 * 60_000),
        finishedAt,
        score,
        answers: {
          create: answers.map(({ question, correct }) => ({
            questionId: question.id,
            response: correct
              ? rightResponse(question)
              : question.type === "single"
                ? { type: "single", choice: question.options.find((o) => o.id !== question.answer)?.id ?? "" }
                : {},
            correct,
            score: correct ? 1 : 0,
            answeredAt: finishedAt,
          })),
        },
      },
    });
  }

  it("builds the gradebook, heatmaps, item analysis and a safe CSV for a class", async () => {
    const { teacher, classId, students } = await classWithStudents(["Amira", "Leo", '=HYPERLINK("http://x")', "Zoë"]);
    const [amira, leo, sneaky, zoe] = students;
    if (!amira || !leo || !sneaky || !zoe) throw new Error("setup");
    const { id: lesson } = await createAssignment(teacher.id, classId, lessonAssignment({ title: "Lesson one", dueAt: inDays(1) }));
    await createAssignment(
      teacher.id,
      classId,
      lessonAssignment({ kind: "PHASE", scopeId: "phase-rapport", title: "Phase one", dueAt: inDays(6), studentIds: [amira.id] }),
    );
    const q1 = getQuestion("q-slovenia-summit-year");
    const q2 = getQuestion("q-sochi-gift");
    if (q1?.type !== "single" || !q2) throw new Error("bank changed");
    await finished(amira.id, lesson, now, [
      { question: q1, correct: true },
      { question: q2, correct: true },
    ]);
    await finished(leo.id, lesson, now, [
      { question: q1, correct: false },
      { question: q2, correct: true },
    ]);
    await finished(sneaky.id, lesson, now, [
      { question: q1, correct: false },
      { question: q2, correct: false },
    ]);

    const { gradebook } = await gradebookForClass(teacher.id, classId);
    expect(gradebook.columns.map((c) => [c.title, c.assigned, c.submitted])).toEqual([
      ["Lesson one", 4, 3],
      ["Phase one", 1, 0],
    ]);
    const byName = Object.fromEntries(gradebook.rows.map((r) => [r.student.name, r.cells]));
    expect(byName.Amira?.[0]).toMatchObject({ status: "done", bestScore: 1 });
    expect(byName.Leo?.[0]).toMatchObject({ status: "done", bestScore: 0.5 });
    expect(byName["Zoë"]?.[0]).toMatchObject({ status: "not-started", bestScore: null });
    expect(byName.Leo?.[1]).toEqual({ assigned: false });

    const report = await questionReport(teacher.id, classId);
    const item = report.items.find((i) => i.questionId === q1.id);
    expect(item).toMatchObject({ answers: 3, students: 3, discrimination: null });
    expect(item?.correctShare).toBeCloseTo(1 / 3);
    expect(item?.wrongChoices).toEqual([{ id: expect.any(String), text: expect.any(String), count: 2 }]);
    const cited = report.paragraphs.find((p) => p.paragraphId === q1.paragraphIds[0]);
    expect(cited).toMatchObject({ wrong: 2, answered: 3 });
    const { mastery } = await gradebookReport(teacher.id, classId);
    expect(mastery.rows).toHaveLength(4);
    expect(mastery.rows.find((r) => r.student.name === "Amira")?.cells.some((c) => c.level !== "not-started")).toBe(true);

    const { csv } = await gradebookCsv(teacher.id, classId);
    expect(csv.startsWith('\uFEFF"Student","Email","Lesson one: best score (%)"')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain(`"Amira","${amira.email}","100","Done","","Not started"`);
    expect(csv.split("\r\n")).toHaveLength(6); // header, 4 students, final empty line
  });
});

describe("teacher questions", () => {
  it("duplicates a built-in question into an editable copy; the built-in stays as it is", async () => {
    const teacher = await newTeacher();
    const { id } = await duplicateBuiltIn(teacher.id, "q-slovenia-summit-year");
    expect(id).toMatch(/^t-[a-z0-9]{12}$/);
    const row = await db.question.findUniqueOrThrow({ where: { id }, select: { source: true, basedOnId: true, ownerId: true, phases: true } });
    expect(row).toMatchObject({ source: "TEACHER", basedOnId: "q-slovenia-summit-year", ownerId: teacher.id, phases: [{ phaseId: "phase-rapport" }] });
    const own = await getOwnQuestion(teacher.id, id);
    if (!own || own.question.type !== "single") throw new Error("copy missing");
    await updateQuestion(teacher.id, id, { ...own.question, prompt: "In which year did Bush and Putin first meet, at a summit in Slovenia?" });
    expect((await getOwnQuestion(teacher.id, id))?.question.prompt).toMatch(/first meet/);
    expect((await db.question.findUniqueOrThrow({ where: { id: "q-slovenia-summit-year" } })).prompt).toBe(getQuestion("q-slovenia-summit-year")?.prompt);
    // Built-in questions are not the teacher's to edit.
    expect((await caught(updateQuestion(teacher.id, "q-slovenia-summit-year", { ...own.question }))).code).toBe("not_found");
    expect((await caught(duplicateBuiltIn(teacher.id, id))).code).toBe("not_found");
  });

  it("stores and reads back a question carrying waivers and glossary tags; an editor's save keeps neither stale", async () => {
    const teacher = await newTeacher();
    const form = {
      ...EMPTY_QUESTION_FORM,
      prompt: "Where did Bush and Putin first meet?",
      explanation: "In Slovenia, in 2001.",
      paragraphIds: ["eye-p03"],
      phaseIds: ["phase-rapport"],
      options: "* Slovenia\nSochi",
    };
    const candidate = { ...formToQuestion(form, "x").candidate, waivers: { "stem-echo": "Reviewed." }, glossaryTermIds: ["sochi"] };
    const { id } = await createQuestion(teacher.id, candidate);
    const own = await getOwnQuestion(teacher.id, id);
    expect(own?.question).toMatchObject({ waivers: { "stem-echo": "Reviewed." }, glossaryTermIds: ["sochi"] });
    // The editor rebuilds the question from its fields, which have no waivers: a reworded question is checked afresh.
    await updateQuestion(teacher.id, id, formToQuestion({ ...form, prompt: "Where did the two presidents first meet?" }, id, own?.question).candidate ?? {});
    expect((await getOwnQuestion(teacher.id, id))?.question.waivers).toBeUndefined();
  });

  it("validates a new question like a built-in one, by field, and retires and restores it", async () => {
    const teacher = await newTeacher();
    const base = {
      ...EMPTY_QUESTION_FORM,
      prompt: "Where did Bush and Putin first meet?",
      explanation: "In Slovenia, in 2001.",
      paragraphIds: ["eye-p03"],
      phaseIds: ["phase-rapport"],
      options: "* Slovenia\nSochi",
    };
    const bad = await caught(createQuestion(teacher.id, formToQuestion({ ...base, paragraphIds: ["no-such-paragraph"] }, "x").candidate ?? {}));
    expect(bad.fields.paragraphIds?.join(" ")).toMatch(/does not exist/);
    expect(await db.question.count({ where: { ownerId: teacher.id } })).toBe(0);
    const { id } = await createQuestion(teacher.id, formToQuestion(base, "x").candidate ?? {});
    expect(await listOwnQuestions(teacher.id)).toEqual([expect.objectContaining({ id, retired: false, basedOnId: null })]);
    await setQuestionRetired(teacher.id, id, true);
    expect((await listOwnQuestions(teacher.id))[0]?.retired).toBe(true);
    await setQuestionRetired(teacher.id, id, false);
    expect(await assignableOwnQuestions(teacher.id)).toEqual([{ id, prompt: base.prompt }]);
  });
});
