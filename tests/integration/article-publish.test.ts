// Publishing a teacher's article on a real SQLite file (issue 16): versions, drafts that change
// without touching what students read, and "source changed" flags on questions.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { publishArticle, publishState } from "@/lib/articles/publish";
import type { ArticleDoc } from "@/lib/articles/schema";
import { createArticle, updateDraft } from "@/lib/articles/store";
import { caught, newTeacher, unique } from "../support/classroom";

const NOW = new Date("2026-12-01T10:00:00Z");
const LATER = new Date("2026-12-02T10:00:00Z");

/** A short labelled article: a heading and two paragraphs, one lesson. */
function labelledDoc(title: string): ArticleDoc {
  return {
    meta: { title, author: "A. Writer", publisher: "The Paper", date: "2016-09", url: null, usageNote: "Reproduced for classroom study with attribution." },
    blocks: [
      { id: "b1", kind: "heading", sentences: [{ id: "s1", text: "The summit", label: "editorial-note" }] },
      {
        id: "b2",
        kind: "paragraph",
        sentences: [
          { id: "s2", text: "The ministers met in Geneva on 9 September 2016.", label: "reported-fact" },
          { id: "s3", text: "It was, I think, a wasted day.", label: "opinion" },
        ],
      },
      { id: "b3", kind: "paragraph", sentences: [{ id: "s4", text: "“We agreed,” the minister said.", label: "on-record-quote" }] },
    ],
    lessons: [{ id: "l1", title: "The summit", blockIds: ["b1", "b2", "b3"], objectives: [], summary: null }],
    contextNotes: [],
    glossary: [],
    phases: [],
    events: [],
    nextId: 10,
  };
}

async function teacherWithArticle() {
  const teacher = await newTeacher("Tess Teacher");
  const viewer = { id: teacher.id, role: "TEACHER" as const };
  const { id } = await createArticle(viewer, labelledDoc(unique("Summit")));
  return { viewer, id };
}

/** A question resting on sentence s2, stored as the question editor stores one. */
async function questionOn(articleId: string, ownerId: string, sourceText: Record<string, string>) {
  return db.question.create({
    data: {
      id: unique("q"),
      source: "TEACHER",
      type: "multiple-choice",
      difficulty: 1,
      prompt: "Where did the ministers meet?",
      body: {},
      paragraphIds: ["b2"],
      ownerId,
      articleId,
      sentenceIds: Object.keys(sourceText),
      sourceText,
    },
    select: { id: true },
  });
}

const flaggedAt = async (questionId: string) =>
  (await db.question.findUniqueOrThrow({ where: { id: questionId }, select: { sourceChangedAt: true } })).sourceChangedAt;

const retext = (id: string, text: string) => (doc: ArticleDoc) => ({
  ...doc,
  blocks: doc.blocks.map((b) => ({ ...b, sentences: b.sentences.map((s) => (s.id === id ? { ...s, text } : s)) })),
});

describe("publishing an article", () => {
  it("numbers versions 1, 2, … and points the article at the newest", async () => {
    const { viewer, id } = await teacherWithArticle();
    expect(await publishArticle(viewer, id, NOW)).toEqual({ number: 1, flagged: 0 });
    await updateDraft(viewer, id, retext("s3", "It was, I think, a long day."));
    expect((await publishArticle(viewer, id, LATER)).number).toBe(2);
    const article = await db.article.findUniqueOrThrow({
      where: { id },
      select: { status: true, publishedVersion: { select: { number: true, publishedAt: true } } },
    });
    expect(article.status).toBe("PUBLISHED");
    expect(article.publishedVersion).toEqual({ number: 2, publishedAt: LATER });
    expect(await db.publishedLesson.count({ where: { articleId: id } })).toBe(1);
  });

  it("lets the draft change without touching the published version", async () => {
    const { viewer, id } = await teacherWithArticle();
    await publishArticle(viewer, id, NOW);
    const draft = await updateDraft(viewer, id, retext("s2", "The ministers met in Lausanne."));
    const version = await db.articleVersion.findFirstOrThrow({ where: { articleId: id, number: 1 }, select: { doc: true } });
    expect(JSON.stringify(version.doc)).toContain("The ministers met in Geneva on 9 September 2016.");
    expect(JSON.stringify(version.doc)).not.toContain("Lausanne");
    const state = await publishState(id, draft);
    expect(state.published?.number).toBe(1);
    expect(state.draftChanged).toBe(true);
  });

  it("says the draft has no unpublished changes right after publishing", async () => {
    const { viewer, id } = await teacherWithArticle();
    const draft = await updateDraft(viewer, id, (doc) => doc);
    expect(await publishState(id, draft)).toEqual({ published: null, draftChanged: true });
    await publishArticle(viewer, id, NOW);
    expect((await publishState(id, draft)).draftChanged).toBe(false);
  });

  it("flags a question whose source sentence changed, and only that one", async () => {
    const { viewer, id } = await teacherWithArticle();
    await publishArticle(viewer, id, NOW);
    const onGeneva = await questionOn(id, viewer.id, { s2: "The ministers met in Geneva on 9 September 2016." });
    const onQuote = await questionOn(id, viewer.id, { s4: "“We agreed,” the minister said." });
    await updateDraft(viewer, id, retext("s2", "The ministers met in Lausanne on 9 September 2016."));
    expect(await publishArticle(viewer, id, LATER)).toEqual({ number: 2, flagged: 1 });
    expect(await flaggedAt(onGeneva.id)).toEqual(LATER);
    expect(await flaggedAt(onQuote.id)).toBeNull();
  });

  it("flags a question whose source sentence is gone", async () => {
    const { viewer, id } = await teacherWithArticle();
    const onQuote = await questionOn(id, viewer.id, { s4: "“We agreed,” the minister said." });
    await updateDraft(viewer, id, (doc) => ({
      ...doc,
      blocks: doc.blocks.filter((b) => b.id !== "b3"),
      lessons: [{ ...doc.lessons[0]!, blockIds: ["b1", "b2"] }],
    }));
    expect((await publishArticle(viewer, id, NOW)).flagged).toBe(1);
    expect(await flaggedAt(onQuote.id)).toEqual(NOW);
  });

  it("flags nothing when only a label changed", async () => {
    const { viewer, id } = await teacherWithArticle();
    await publishArticle(viewer, id, NOW);
    const question = await questionOn(id, viewer.id, { s3: "It was, I think, a wasted day." });
    await updateDraft(viewer, id, (doc) => ({
      ...doc,
      blocks: doc.blocks.map((b) => ({ ...b, sentences: b.sentences.map((s) => (s.id === "s3" ? { ...s, label: "imagined-dialogue" as const } : s)) })),
    }));
    expect(await publishArticle(viewer, id, LATER)).toEqual({ number: 2, flagged: 0 });
    expect(await flaggedAt(question.id)).toBeNull();
  });

  it("refuses a draft with an unlabelled sentence, and writes nothing", async () => {
    const { viewer, id } = await teacherWithArticle();
    await updateDraft(viewer, id, (doc) => ({
      ...doc,
      blocks: doc.blocks.map((b) => ({ ...b, sentences: b.sentences.map((s) => (s.id === "s3" ? { ...s, label: null } : s)) })),
    }));
    const error = await caught(publishArticle(viewer, id, NOW));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toMatch(/no label/);
    expect(await db.articleVersion.count({ where: { articleId: id } })).toBe(0);
  });

  it("refuses someone else's article as if it did not exist", async () => {
    const { id } = await teacherWithArticle();
    const other = await newTeacher("Olga Other");
    const error = await caught(publishArticle({ id: other.id, role: "TEACHER" }, id, NOW));
    expect(error.code).toBe("not_found");
    expect(await db.articleVersion.count({ where: { articleId: id } })).toBe(0);
  });
});
