// Questions to and from Moodle (decision 0046) against a real SQLite file: exports of the bank,
// one's own questions and an assignment's; imports that store what passes, in one go, and report
// the rest; and who may export what.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { exportQuestions, importQuestionsFile } from "@/lib/interop/questions";
import { getQuestionBank, getQuestionsForLesson } from "@/lib/quiz/bank";
import { createAssignment } from "@/lib/teacher/assignments";
import { NOT_FOUND_MESSAGES } from "@/lib/teacher/errors";
import { gradebookCsv } from "@/lib/teacher/reports";
import { duplicateBuiltIn, getOwnQuestion, listOwnQuestions } from "@/lib/teacher/questions";
import { caught, classWithStudents, lessonAssignment, newTeacher } from "../support/classroom";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("question files", () => {
  it("exports the built-in bank as Moodle XML and imports it back as the teacher's own, every question tied to its paragraphs", async () => {
    const teacher = await newTeacher();
    const file = await exportQuestions(teacher.id, { kind: "bank" }, "moodle-xml");
    expect(file.fileName).toBe("backchannel-built-in-questions.moodle.xml");
    expect(file.written).toBe(getQuestionBank().length);
    const report = await importQuestionsFile(teacher.id, file.fileName, bytes(file.text));
    expect(report.refused).toEqual([]);
    expect(report.imported).toHaveLength(getQuestionBank().length);
    const rows = await db.question.findMany({
      where: { ownerId: teacher.id },
      select: { id: true, paragraphIds: true, phases: { select: { phaseId: true } } },
    });
    expect(rows).toHaveLength(getQuestionBank().length);
    for (const row of rows) expect((row.paragraphIds as string[]).length).toBeGreaterThan(0);
    // Links to phases are written as the editor writes them.
    const first = report.imported[0];
    const stored = first ? await getOwnQuestion(teacher.id, first.id) : null;
    expect(stored?.question.prompt).toBe(getQuestionBank()[0]?.prompt);
    expect(rows.find((r) => r.id === first?.id)?.phases.map((p) => p.phaseId)).toEqual(getQuestionBank()[0]?.phaseIds);
  });

  it("stores what passes from the hand-written Moodle sample and reports the rest with their lines", async () => {
    const teacher = await newTeacher();
    const report = await importQuestionsFile(teacher.id, "sample.xml", readFileSync("tests/fixtures/moodle-sample.xml"));
    expect(report.format).toBe("moodle-xml");
    expect(report.imported.map((q) => q.name)).toEqual(["First summit", "Baskets in Sochi", "Events and years"]);
    expect(report.refused.map((r) => r.line)).toEqual([137, 161]);
    expect((await listOwnQuestions(teacher.id)).map((q) => q.prompt).sort()).toEqual(report.imported.map((q) => q.prompt).sort());
  });

  it("refuses a malformed file whole, naming the line and question, and stores nothing", async () => {
    const teacher = await newTeacher();
    const gift = "::Fine::Is this fine? {TRUE####Yes.\\n\\nSource\\: Lesson 2, paragraph 4}\n\n::Broken::What is it {=two ~three\n";
    const error = await caught(importQuestionsFile(teacher.id, "broken.gift", bytes(gift)));
    expect(error.message).toMatch(/line 4 in the question “Broken”/);
    expect(await db.question.count({ where: { ownerId: teacher.id } })).toBe(0);
    expect((await caught(importQuestionsFile(teacher.id, "x.xml", new Uint8Array([0xff, 0xfe, 0x00])))).message).toMatch(/not text in UTF-8/);
  });

  it("exports the teacher's own questions, and an assignment's, and refuses another teacher's class with a 404", async () => {
    const { teacher, classId } = await classWithStudents([]);
    const bankQuestion = getQuestionsForLesson("potato-diplomacy")[0];
    if (!bankQuestion) throw new Error("no lesson question");
    const { id: copyId } = await duplicateBuiltIn(teacher.id, bankQuestion.id);
    const own = await exportQuestions(teacher.id, { kind: "own" }, "gift");
    expect(own.written).toBe(1);
    expect(own.text).toContain(`[id:${copyId}]`);

    const { id: assignmentId } = await createAssignment(teacher.id, classId, lessonAssignment({ title: "Potatoes" }));
    const lesson = await exportQuestions(teacher.id, { kind: "assignment", classId, assignmentId }, "moodle-xml");
    expect(lesson.written).toBe(getQuestionsForLesson("potato-diplomacy").length);
    expect(lesson.fileName).toBe("backchannel-assignment-potatoes.moodle.xml");

    const other = await newTeacher();
    const refused = await caught(exportQuestions(other.id, { kind: "assignment", classId, assignmentId }, "gift"));
    expect(refused.code).toBe("not_found");
    expect(refused.message).toBe(NOT_FOUND_MESSAGES.class);
    // Another teacher's own export has none of this teacher's questions.
    expect((await exportQuestions(other.id, { kind: "own" }, "gift")).written).toBe(0);
  });

  it("writes the gradebook in Moodle's and Canvas's import layouts, for the class's teachers only", async () => {
    const { teacher, classId, students } = await classWithStudents(["Amira Haddad"]);
    await createAssignment(teacher.id, classId, lessonAssignment({ title: "Potatoes" }));
    const moodle = await gradebookCsv(teacher.id, classId, new Date(), "moodle");
    expect(moodle.csv.split("\r\n").slice(0, 2)).toEqual([
      '\uFEFF"First name","Last name","Email address","Potatoes"',
      `"Amira","Haddad","${students[0]?.email}",""`,
    ]);
    const canvas = await gradebookCsv(teacher.id, classId, new Date(), "canvas");
    expect(canvas.csv.split("\r\n")[1]).toBe('"Points Possible","","","","","100"');
    expect((await caught(gradebookCsv((await newTeacher()).id, classId, new Date(), "canvas"))).code).toBe("not_found");
  });
});
