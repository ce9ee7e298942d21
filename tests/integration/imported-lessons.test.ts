// An imported article on the same pipeline as the built-in one (issue 16, decision 0039), on a real
// SQLite file: who may read its lessons, reading progress, the lesson quiz, answers that keep the
// version they were given against, assignments and the heatmap, and "source changed".
import { describe, expect, it } from "vitest";
import { describeLessons, findLesson } from "@/lib/articles/lessons";
import { importedMastery } from "@/lib/articles/mastery";
import { gradedAnswers } from "@/lib/progress/learner";
import { findPublishedArticle, lessonKey } from "@/lib/articles/store";
import { db } from "@/lib/db";
import { getReadingProgress, saveReadingPosition } from "@/lib/progress/reading";
import { answerQuestion, finishAttempt, getAttemptView, startOrResumeAttempt } from "@/lib/quiz/attempts";
import { linksForQuestions } from "@/lib/quiz/links";
import { createAssignment, deleteAssignment, startAssignmentAttempt, studentAssignments } from "@/lib/teacher/assignments";
import { publishArticle } from "@/lib/articles/publish";
import { updateDraft } from "@/lib/articles/store";
import { questionReport } from "@/lib/teacher/reports";
import { rightResponse, wrongResponse } from "../../tooling/answers";
import { articleQuestion, labelledDoc, publish, publishedArticle } from "../support/articles";
import { caught, classWithStudents, coTeach, lessonAssignment, newStudent, newTeacher } from "../support/classroom";
import { sentIn } from "../support/sent";

const asStudent = (id: string) => ({ id, role: "STUDENT" as const });
const asTeacher = (id: string) => ({ id, role: "TEACHER" as const });

describe("an imported article's lessons", () => {
  it("are read by the owner's students and colleagues, and by nobody else", async () => {
    const { teacher, classId, students } = await classWithStudents(["Amira"]);
    const article = await publishedArticle(teacher.id);
    const key = lessonKey({ builtIn: false, slug: article.slug }, "l1");
    const outsider = await newStudent("Outsider");
    const otherTeacher = await newTeacher("Other");
    const colleague = await newTeacher("Colleague");
    expect(await findLesson(asTeacher(colleague.id), key)).toBeUndefined();
    await coTeach(teacher.id, classId, colleague);
    expect((await findLesson(asTeacher(colleague.id), key))?.title).toBe("The meeting");

    expect((await findLesson(asStudent(students[0]!.id), key))?.title).toBe("The meeting");
    expect(await findLesson(asStudent(outsider.id), key)).toBeUndefined();
    expect(await findLesson(asTeacher(otherTeacher.id), key)).toBeUndefined();
    expect(await findPublishedArticle(asStudent(outsider.id), article.slug)).toBeUndefined();

    // Shared with every teacher: any teacher reads it; students outside still do not.
    await db.article.update({ where: { id: article.id }, data: { sharedWithTeachers: true } });
    expect((await findLesson(asTeacher(otherTeacher.id), key))?.title).toBe("The meeting");
    expect(await findLesson(asStudent(outsider.id), key)).toBeUndefined();
  });

  it("keep reading progress like the built-in lessons, over the blocks the page shows", async () => {
    const { teacher, students } = await classWithStudents(["Amira"]);
    const article = await publishedArticle(teacher.id);
    const key = lessonKey({ builtIn: false, slug: article.slug }, "l1");
    const amira = asStudent(students[0]!.id);

    const saved = await saveReadingPosition(amira, key, "p1");
    expect(saved).toMatchObject({ slug: key, lastParagraphId: "p1", read: false });
    expect(saved.percent).toBeGreaterThan(0);
    // The hidden caption and the other lesson's paragraphs are not this lesson's.
    expect((await caught(saveReadingPosition(amira, key, "d1"))).message).toMatch(/not part of this lesson/);
    expect(await saveReadingPosition(amira, key, "p2")).toMatchObject({ read: true, percent: 100 });
    expect((await getReadingProgress(amira.id)).find((l) => l.slug === key)).toMatchObject({ read: true, percent: 100 });

    const outsider = await newStudent("Outsider");
    expect((await caught(saveReadingPosition(asStudent(outsider.id), key, "p1"))).message).toMatch(/There is no lesson/);
  });

  it("have a lesson quiz of the article's questions; answers keep the version they were given against", async () => {
    const { teacher, students } = await classWithStudents(["Amira"]);
    const article = await publishedArticle(teacher.id);
    const question = await articleQuestion(article.id, teacher.id, article.doc);
    const key = lessonKey({ builtIn: false, slug: article.slug }, "l1");
    const amiraId = students[0]!.id;

    const { id: attemptId } = await startOrResumeAttempt(amiraId, { kind: "LESSON", scopeId: key });
    const view = await getAttemptView(amiraId, attemptId);
    expect(view.title).toBe("Lesson quiz: The meeting");
    expect(view.items.map((i) => i.question.id)).toEqual([question.id]);
    const outcome = await answerQuestion(amiraId, attemptId, question.id, sentIn(attemptId, question, rightResponse(question)));
    expect(outcome.item.result?.correct).toBe(true);
    await finishAttempt(amiraId, attemptId);
    // Her mastery in the article, by lesson and by event, as the dashboard shows it.
    const [mastery] = await importedMastery(await gradedAnswers(amiraId));
    expect(mastery?.lessons).toEqual([expect.objectContaining({ key, title: "The meeting", mastery: expect.objectContaining({ answered: 1, correct: 1 }) })]);

    const answer = await db.attemptAnswer.findUniqueOrThrow({ where: { attemptId_questionId: { attemptId, questionId: question.id } } });
    expect(answer.articleVersionId).toBe(article.version.versionId);
    const before = await linksForQuestions([question], new Map([[question.id, answer.articleVersionId]]));
    expect(before[question.id]?.[0]).toMatchObject({ id: "p1", place: "Lesson 1, paragraph 2", href: `/read/${article.version.versionId}/l1#p1` });

    // Version 2 rewords the sentence the question rests on: it is flagged and left out of new quizzes,
    // while the earlier answer still shows the text she saw.
    const doc = labelledDoc(article.doc.meta.title);
    const edited = {
      ...doc,
      blocks: doc.blocks.map((b) => ({ ...b, sentences: b.sentences.map((s) => (s.id === "s2" ? { ...s, text: "Kerry and Lavrov met in Geneva." } : s)) })),
    };
    const v2 = await publish(article.id, edited);
    expect(v2).toMatchObject({ number: 2, flagged: 1 });
    expect((await db.question.findUniqueOrThrow({ where: { id: question.id } })).sourceChangedAt).not.toBeNull();
    expect((await caught(startOrResumeAttempt(amiraId, { kind: "LESSON", scopeId: key }))).message).toMatch(/no questions yet/);
    const after = await linksForQuestions([question], new Map([[question.id, answer.articleVersionId]]));
    expect(after[question.id]?.[0]).toMatchObject({ href: `/read/${article.version.versionId}/l1#p1` });
    expect(after[question.id]?.[0]?.text).toContain("on 9 September 2016");

    // A label-only change flags nothing.
    const relabelled = {
      ...edited,
      blocks: edited.blocks.map((b) => ({ ...b, sentences: b.sentences.map((s) => (s.id === "s4" ? { ...s, label: "opinion" as const } : s)) })),
    };
    expect(await publish(article.id, relabelled)).toMatchObject({ number: 3, flagged: 0 });
  });

  it("are refused to a quiz of a student who may not read them", async () => {
    const { teacher } = await classWithStudents([]);
    const article = await publishedArticle(teacher.id);
    await articleQuestion(article.id, teacher.id, article.doc);
    const outsider = await newStudent("Outsider");
    const key = lessonKey({ builtIn: false, slug: article.slug }, "l1");
    expect((await caught(startOrResumeAttempt(outsider.id, { kind: "LESSON", scopeId: key }))).message).toMatch(/There is no lesson/);
  });

  it("are assigned like the built-in ones, and the heatmap shows the article's paragraphs", async () => {
    const { teacher, classId, students } = await classWithStudents(["Amira", "Leo"]);
    const article = await publishedArticle(teacher.id);
    const question = await articleQuestion(article.id, teacher.id, article.doc);
    const key = lessonKey({ builtIn: false, slug: article.slug }, "l1");

    const other = await classWithStudents([]);
    expect((await caught(createAssignment(other.teacher.id, other.classId, lessonAssignment({ scopeId: key })))).fields).toHaveProperty("scope");

    const { id: assignmentId } = await createAssignment(teacher.id, classId, lessonAssignment({ scopeId: key }));
    const listed = (await studentAssignments(students[0]!.id)).find((a) => a.id === assignmentId);
    expect(listed?.title).toBe("Lesson: The meeting");
    expect((await describeLessons([key])).get(key)).toMatchObject({
      title: "The meeting",
      number: 1,
      href: `/read/${article.version.versionId}/l1`,
      blockIds: ["h1", "p1", "p2"],
    });

    for (const [i, student] of students.entries()) {
      const { attemptId } = await startAssignmentAttempt(student.id, assignmentId);
      await answerQuestion(student.id, attemptId, question.id, sentIn(attemptId, question, i === 0 ? rightResponse(question) : wrongResponse(question)));
      await finishAttempt(student.id, attemptId);
    }
    const report = await questionReport(teacher.id, classId);
    expect(report.paragraphs).toEqual([]);
    expect(report.articles).toEqual([
      {
        id: article.id,
        title: article.doc.meta.title,
        paragraphs: [
          expect.objectContaining({ paragraphId: "p1", wrong: 1, answered: 2, label: "reported-fact", href: `/read/${article.version.versionId}/l1#p1` }),
        ],
      },
    ]);
  });

  it("can't lose a lesson that is set for a class: publishing a version without it is refused, naming both", async () => {
    const { teacher, classId } = await classWithStudents(["Amira"]);
    const article = await publishedArticle(teacher.id);
    const owner = asTeacher(teacher.id);
    const key = lessonKey({ builtIn: false, slug: article.slug }, "l2");
    const { id: assignmentId } = await createAssignment(teacher.id, classId, lessonAssignment({ scopeId: key }));
    const className = (await db.classroom.findUniqueOrThrow({ where: { id: classId } })).name;
    // The teacher merges lesson 2 into lesson 1.
    await updateDraft(owner, article.id, (doc) => ({
      ...doc,
      lessons: [{ ...doc.lessons[0]!, blockIds: doc.lessons.flatMap((l) => l.blockIds) }],
    }));

    const refused = await caught(publishArticle(owner, article.id, new Date()));
    expect(refused.code).toBe("invalid_input");
    expect(refused.message).toContain(`The lesson “Imagined” is set for “${className}”`);
    expect(await db.articleVersion.count({ where: { articleId: article.id } })).toBe(1);
    expect((await findLesson(owner, key))?.title).toBe("Imagined");

    // Once the assignment is gone, the merge publishes.
    await deleteAssignment(teacher.id, assignmentId);
    expect(await publishArticle(owner, article.id, new Date())).toMatchObject({ number: 2 });
    expect(await findLesson(owner, key)).toBeUndefined();
  });
});
