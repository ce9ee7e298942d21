// Questions on an imported article against a real SQLite database: sources are required and
// checked against the draft, paragraphs derived, the owner alone reads and writes, a changed
// source is confirmed, and an opinion-only question attributes its claim.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  confirmSources,
  createArticleQuestion,
  getArticleQuestion,
  importArticleFile,
  listArticleQuestions,
  NO_SOURCE,
  reviewSources,
  setArticleQuestionRetired,
  updateArticleQuestion,
} from "@/lib/articles/questions";
import { exportArticle, parseArticleFile } from "@/lib/articles/portable";
import { createArticle, getDraft, updateDraft } from "@/lib/articles/store";
import { testArticleDoc } from "../../tooling/test-article";
import { caught, newTeacher } from "../support/classroom";

async function ownArticle() {
  const teacher = await newTeacher();
  const { id } = await createArticle(teacher, testArticleDoc());
  return { teacher, articleId: id };
}

/** A single-choice question on the given sentences (fact sentences by default). */
function single(sentenceIds: string[], prompt = "When did the two ministers first meet in Geneva?") {
  return {
    type: "single",
    difficulty: 1,
    prompt,
    explanation: "The article dates the first meeting to March 2013.",
    phaseIds: [],
    eventIds: [],
    options: [
      { id: "o1", text: "March 2013" },
      { id: "o2", text: "June 2015" },
      { id: "o3", text: "May 2011" },
    ],
    answer: "o1",
    sentenceIds,
  };
}

describe("questions on an imported article", () => {
  it("refuses a question without sources, with the message, and one naming sentences the article does not have", async () => {
    const { teacher, articleId } = await ownArticle();
    const none = await caught(createArticleQuestion(teacher, articleId, single([])));
    expect(none.code).toBe("invalid_input");
    expect(none.fields.sentenceIds).toEqual([NO_SOURCE]);
    expect(NO_SOURCE).toBe("Choose the sentences this question rests on.");
    const unknown = await caught(createArticleQuestion(teacher, articleId, single(["s1", "no-such-sentence"])));
    expect(unknown.fields.sentenceIds?.[0]).toMatch(/no longer in the article/);
    const tooMany = await caught(createArticleQuestion(teacher, articleId, single(Array.from({ length: 11 }, (_, i) => `s${i + 1}`))));
    expect(tooMany.fields.sentenceIds?.[0]).toMatch(/at most 10/);
    expect(await db.question.count({ where: { articleId } })).toBe(0);
  });

  it("derives the paragraphs from the sentences in article order and keeps their text", async () => {
    const { teacher, articleId } = await ownArticle();
    // s4 is in the second paragraph, s1 and s2 in the first: chosen out of order.
    const { id } = await createArticleQuestion(teacher, articleId, single(["s4", "s1", "s2"]));
    const row = await db.question.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ source: "TEACHER", ownerId: teacher.id, articleId, paragraphIds: ["b1", "b2"], sentenceIds: ["s4", "s1", "s2"] });
    expect(row.sourceText).toEqual({
      s1: "Kerry and Lavrov first met in Geneva in March 2013.",
      s2: "They spoke for three hours about Syria.",
      s4: "In 2015 the two men signed a ceasefire plan in Vienna.",
    });
    expect((await listArticleQuestions(teacher, articleId)).map((q) => q.id)).toEqual([id]);
    // The phase and event tables are the built-in article's; an article question keeps them in its body.
    expect(await db.questionPhase.count({ where: { questionId: id } })).toBe(0);
  });

  it("checks phases and events against the article's own", async () => {
    const { teacher, articleId } = await ownArticle();
    const wrong = await caught(createArticleQuestion(teacher, articleId, { ...single(["s1"]), phaseIds: ["phase-rapport"] }));
    expect(wrong.fields.phaseIds?.[0]).toMatch(/phase "phase-rapport", which does not exist/);
    await expect(createArticleQuestion(teacher, articleId, { ...single(["s1"]), phaseIds: ["p-talks"], eventIds: ["e-geneva"] })).resolves.toMatchObject({
      id: expect.any(String),
    });
  });

  it("lets only the article's owner create, read, update or retire its questions", async () => {
    const { teacher, articleId } = await ownArticle();
    const { id } = await createArticleQuestion(teacher, articleId, single(["s1"]));
    const other = await newTeacher();
    for (const attempt of [
      createArticleQuestion(other, articleId, single(["s1"])),
      listArticleQuestions(other, articleId),
      getArticleQuestion(other, articleId, id),
      updateArticleQuestion(other, articleId, id, single(["s2"], "Where did they meet?")),
      setArticleQuestionRetired(other, articleId, id, true),
      confirmSources(other, articleId, id),
    ]) {
      expect((await caught(attempt)).code).toBe("not_found");
    }
    // A question of one of her articles cannot be reached through another of her articles either.
    const { id: secondArticle } = await createArticle(teacher, testArticleDoc());
    expect((await caught(getArticleQuestion(teacher, secondArticle, id))).code).toBe("not_found");
    const row = await db.question.findUniqueOrThrow({ where: { id } });
    expect(row.prompt).toBe("When did the two ministers first meet in Geneva?");
    expect(row.retiredAt).toBeNull();
  });

  it("updates the text and sources, keeping the type", async () => {
    const { teacher, articleId } = await ownArticle();
    const { id } = await createArticleQuestion(teacher, articleId, single(["s1"]));
    await updateArticleQuestion(teacher, articleId, id, { ...single(["s4"], "Where did the two men sign the ceasefire plan?"), type: "multiple" });
    const saved = await getArticleQuestion(teacher, articleId, id);
    expect(saved.question.type).toBe("single");
    expect(saved.question.paragraphIds).toEqual(["b2"]);
    expect(saved.summary.sentenceIds).toEqual(["s4"]);
    expect(saved.sourceText).toEqual({ s4: "In 2015 the two men signed a ceasefire plan in Vienna." });
  });

  it("shows what changed in a flagged question's sources and clears the flag when the teacher confirms", async () => {
    const { teacher, articleId } = await ownArticle();
    const { id } = await createArticleQuestion(teacher, articleId, single(["s1", "s2"]));
    await updateDraft(teacher, articleId, (doc) => ({
      ...doc,
      blocks: doc.blocks.map((b) => ({
        ...b,
        sentences: b.sentences.map((s) => (s.id === "s2" ? { ...s, text: "They spoke for four hours about Syria." } : s)),
      })),
    }));
    // Publishing flags it (lib/articles/publish.ts); here the flag is set as publishing sets it.
    await db.question.update({ where: { id }, data: { sourceChangedAt: new Date() } });
    expect((await listArticleQuestions(teacher, articleId))[0]?.sourceChanged).toBe(true);
    expect(await reviewSources(teacher, articleId, id)).toEqual([
      { sentenceId: "s2", before: "They spoke for three hours about Syria.", after: "They spoke for four hours about Syria." },
    ]);
    await confirmSources(teacher, articleId, id);
    const row = await db.question.findUniqueOrThrow({ where: { id } });
    expect(row.sourceChangedAt).toBeNull();
    expect(row.sourceText).toEqual({ s1: "Kerry and Lavrov first met in Geneva in March 2013.", s2: "They spoke for four hours about Syria." });
    expect(await reviewSources(teacher, articleId, id)).toEqual([]);
  });

  it("refuses to confirm a question whose source sentence is gone", async () => {
    const { teacher, articleId } = await ownArticle();
    const { id } = await createArticleQuestion(teacher, articleId, single(["s1", "s2"]));
    await updateDraft(teacher, articleId, (doc) => ({
      ...doc,
      blocks: doc.blocks.map((b) => ({ ...b, sentences: b.sentences.filter((s) => s.id !== "s2") })),
    }));
    await db.question.update({ where: { id }, data: { sourceChangedAt: new Date() } });
    expect((await caught(confirmSources(teacher, articleId, id))).message).toMatch(/no longer in the article.*Edit the question/);
    expect((await db.question.findUniqueOrThrow({ where: { id } })).sourceChangedAt).not.toBeNull();
  });

  it("follows a sentence whose text moved to another id when the teacher confirms", async () => {
    const { teacher, articleId } = await ownArticle();
    const { id } = await createArticleQuestion(teacher, articleId, single(["s1", "s4"]));
    // s4 is moved into its own new block as s10 (a split): same words, new id, new paragraph.
    await updateDraft(teacher, articleId, (doc) => ({
      ...doc,
      blocks: [
        ...doc.blocks.map((b) => ({ ...b, sentences: b.sentences.filter((s) => s.id !== "s4") })).filter((b) => b.sentences.length > 0),
        { id: "b10", kind: "paragraph", sentences: [{ id: "s10", text: "In 2015 the two men signed a ceasefire plan in Vienna.", label: "reported-fact" }] },
      ],
      lessons: doc.lessons.map((l) => (l.id === "l2" ? { ...l, blockIds: [...l.blockIds, "b10"] } : l)),
      nextId: 11,
    }));
    await db.question.update({ where: { id }, data: { sourceChangedAt: new Date() } });
    // Its text is still in the article: nothing to compare, only to confirm.
    expect(await reviewSources(teacher, articleId, id)).toEqual([]);
    await confirmSources(teacher, articleId, id);
    const row = await db.question.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ sentenceIds: ["s1", "s10"], paragraphIds: ["b1", "b10"], sourceChangedAt: null });
    expect((await getArticleQuestion(teacher, articleId, id)).question.paragraphIds).toEqual(["b1", "b10"]);
  });

  it("requires a question resting only on the author's opinion to say so in its prompt", async () => {
    const { teacher, articleId } = await ownArticle();
    // s3 is the author's opinion.
    const bare = await caught(createArticleQuestion(teacher, articleId, single(["s3"], "Why did the talks fail?")));
    expect(bare.fields.prompt?.[0]).toMatch(/rests on the author’s opinion/);
    await expect(createArticleQuestion(teacher, articleId, single(["s3"], "In the author’s view, why did the talks fail?"))).resolves.toMatchObject({
      id: expect.any(String),
    });
    // The author by name counts as saying so.
    await expect(createArticleQuestion(teacher, articleId, single(["s3"], "Why, according to Hartley, did the talks fail?"))).resolves.toMatchObject({
      id: expect.any(String),
    });
    // An imagined line must be called imagined.
    const imagined = await caught(createArticleQuestion(teacher, articleId, single(["s6"], "What did Lavrov say to Kerry?")));
    expect(imagined.fields.prompt?.[0]).toMatch(/imagined dialogue/);
  });
});

describe("an article file with its questions", () => {
  it("comes back as a new draft with the same questions, all or nothing", async () => {
    const { teacher, articleId } = await ownArticle();
    await createArticleQuestion(teacher, articleId, single(["s1"]));
    const { doc } = await getDraft(teacher, articleId);
    const exported = (await db.question.findMany({ where: { articleId }, select: { body: true, sentenceIds: true } })).map((row) => {
      // The id is this deployment's, left out as the download leaves it out.
      const body = Object.fromEntries(Object.entries(row.body as Record<string, unknown>).filter(([key]) => key !== "id"));
      return { ...body, type: String(body.type), prompt: String(body.prompt), sentenceIds: row.sentenceIds as string[] };
    });
    const file = parseArticleFile(JSON.stringify(exportArticle(doc, exported)));

    const copy = await importArticleFile(teacher, file);
    expect(copy.questions).toBe(1);
    expect(await db.question.findMany({ where: { articleId: copy.id }, select: { prompt: true, sentenceIds: true, paragraphIds: true } })).toEqual([
      { prompt: "When did the two ministers first meet in Geneva?", sentenceIds: ["s1"], paragraphIds: ["b1"] },
    ]);

    // One bad question (no sources left in this copy of the file): the file is refused, nothing is stored.
    const articles = await db.article.count({ where: { ownerId: teacher.id } });
    const broken = { ...file, questions: [...file.questions, { ...file.questions[0]!, prompt: "Another question?", sentenceIds: ["s9999"] }] };
    const refused = await caught(importArticleFile(teacher, broken));
    expect(refused.message).toMatch(/questions\[1\] \(“Another question\?”\)/);
    expect(await db.article.count({ where: { ownerId: teacher.id } })).toBe(articles);
  });
});
