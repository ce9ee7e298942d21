// Imported articles for the integration tests: a small labelled article, published through the
// store as a teacher's would be, and a question resting on its sentences.
import { checkSources, sourceSnapshot } from "@/lib/articles/anchor";
import { sampleDoc } from "@/lib/articles/doc-fixture";
import type { ArticleDoc } from "@/lib/articles/schema";
import { createArticle, writeVersion } from "@/lib/articles/store";
import { db } from "@/lib/db";
import type { Question } from "@/lib/quiz/schema";
import { newQuestionId } from "@/lib/teacher/questions";
import { unique } from "./classroom";

/** The sample article with every sentence labelled, titled uniquely so slugs never collide. */
export function labelledDoc(title = unique("Talks in Geneva")): ArticleDoc {
  const doc = sampleDoc();
  return {
    ...doc,
    meta: { ...doc.meta, title },
    blocks: doc.blocks.map((b) => ({ ...b, sentences: b.sentences.map((s) => ({ ...s, label: s.label ?? "reported-fact" })) })),
  };
}

export const sourceChanged = (snapshot: Record<string, string>, doc: ArticleDoc) => {
  const check = checkSources(snapshot, doc);
  return check.changed.length > 0 || check.missing.length > 0;
};

/** Creates the article as its owner and publishes `doc` (again, for a new version). */
export async function publish(articleId: string, doc: ArticleDoc) {
  return db.$transaction(async (tx) => {
    const article = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { id: true, slug: true, builtIn: true } });
    await tx.article.update({ where: { id: articleId }, data: { draft: doc } });
    return writeVersion(tx, article, doc, sourceChanged, new Date());
  });
}

export async function publishedArticle(ownerId: string, doc = labelledDoc()) {
  const created = await createArticle({ id: ownerId, role: "TEACHER" }, doc);
  const version = await publish(created.id, doc);
  return { ...created, doc, version };
}

/** A single-choice question on sentence s2 ("Kerry and Lavrov met in Geneva on 9 September 2016."). */
export async function articleQuestion(articleId: string, ownerId: string, doc: ArticleDoc, sentenceIds = ["s2"]) {
  const id = newQuestionId();
  const body: Question = {
    id,
    type: "single",
    difficulty: 1,
    prompt: "Where did Kerry and Lavrov meet in September 2016?",
    explanation: "The article reports that they met in Geneva.",
    paragraphIds: ["p1"],
    phaseIds: [],
    eventIds: [],
    contextNoteIds: [],
    options: [
      { id: "geneva", text: "Geneva" },
      { id: "vienna", text: "Vienna" },
      { id: "moscow", text: "Moscow" },
    ],
    answer: "geneva",
    wrongExplanations: {},
  };
  await db.question.create({
    data: {
      id,
      source: "TEACHER",
      ownerId,
      articleId,
      type: body.type,
      difficulty: body.difficulty,
      prompt: body.prompt,
      body,
      paragraphIds: body.paragraphIds,
      sentenceIds,
      sourceText: sourceSnapshot(doc, sentenceIds),
    },
  });
  return body;
}
