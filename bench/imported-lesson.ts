// Sets up the imported-lesson page bench: the built-in article's own text imported by the demo
// teacher (the same words, so the two lesson pages are compared like for like), every sentence
// labelled, published, and the demo student in her class. Written straight into the bench
// server's SQLite file through the app's own import and publishing code.
import fs from "node:fs";
import path from "node:path";
import { extractArticle } from "../lib/articles/import/extract";
import { buildArticleDoc } from "../lib/articles/import/build-doc";
import { checkSources } from "../lib/articles/anchor";
import { lessonKey, writeVersion } from "../lib/articles/store";
import { lessonPageHref } from "../lib/articles/lessons";
import { databaseTarget } from "../lib/database-url";
import { createDatabaseClient } from "../lib/db";
import { DEMO_STUDENT, DEMO_TEACHER } from "../tooling/demo-class";
import { generateArticleText } from "./import";

const ROOT = path.resolve(import.meta.dirname, "..");

export async function seedImportedLesson(databaseUrl: string): Promise<{ path: string; key: string }> {
  const db = createDatabaseClient(databaseTarget(databaseUrl));
  try {
    const teacher = await db.user.findUniqueOrThrow({ where: { email: DEMO_TEACHER }, select: { id: true } });
    const student = await db.user.findUniqueOrThrow({ where: { email: DEMO_STUDENT }, select: { id: true } });

    const text = fs.readFileSync(path.join(ROOT, "content/source/fatal-attraction-iv.txt"), "utf8");
    const extracted = await extractArticle({ text });
    const built = buildArticleDoc(extracted, {
      title: "Fatal attraction IV (imported copy for the bench)",
      author: "Marwan Bishara",
      publisher: "Al Jazeera",
      date: "2016",
      url: null,
      usageNote: "The built-in article's text, imported to compare the two lesson pages.",
    });
    const doc = {
      ...built,
      blocks: built.blocks.map((b) => ({ ...b, sentences: b.sentences.map((s) => ({ ...s, label: s.label ?? ("reported-fact" as const) })) })),
    };
    const article = await db.article.create({
      data: { slug: "bench-imported", ownerId: teacher.id, title: doc.meta.title, draft: doc },
      select: { id: true, slug: true, builtIn: true },
    });
    const { versionId } = await db.$transaction((tx) =>
      writeVersion(tx, article, doc, (snapshot, next) => checkSources(snapshot, next).changed.length > 0, new Date()),
    );
    const classroom = await db.classroom.create({ data: { name: "Bench class", joinCode: "BENCH-IMPORTED" }, select: { id: true } });
    await db.classTeacher.create({ data: { classId: classroom.id, userId: teacher.id } });
    await db.classMember.create({ data: { classId: classroom.id, userId: student.id } });

    // Its first lesson: the opening, the same paragraphs as the built-in lesson the page bench measures.
    const lesson = doc.lessons[0];
    if (!lesson) throw new Error("the imported article has no lessons");
    return { path: lessonPageHref(versionId, lesson.id), key: lessonKey(article, lesson.id) };
  } finally {
    await db.$disconnect();
  }
}

/**
 * A 10,000-word draft for the demo teacher (the import bench's generated article), every sentence
 * still to label: the labelling workspace's heaviest case. Returns the workspace's path.
 */
export async function seedLargeDraft(databaseUrl: string): Promise<string> {
  const db = createDatabaseClient(databaseTarget(databaseUrl));
  try {
    const teacher = await db.user.findUniqueOrThrow({ where: { email: DEMO_TEACHER }, select: { id: true } });
    const extracted = await extractArticle({ text: generateArticleText(10_000) });
    const doc = buildArticleDoc(extracted, {
      title: "A 10,000-word article",
      author: "A. Writer",
      publisher: "The Bench",
      date: "2016",
      url: null,
      usageNote: "Generated for the bench.",
    });
    const article = await db.article.create({
      data: { slug: "bench-large-draft", ownerId: teacher.id, title: doc.meta.title, draft: doc },
      select: { id: true },
    });
    return `/teacher/articles/${article.id}`;
  } finally {
    await db.$disconnect();
  }
}
