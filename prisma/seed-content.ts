// Loads the reference content (phases, key events) into the database. Idempotent: upserts by id,
// so running it again after a content change updates the rows.
import { BUILT_IN_ARTICLE_ID, BUILT_IN_ARTICLE_SLUG, fromContent } from "../lib/articles/content-bridge";
import { ArticleDocSchema } from "../lib/articles/schema";
import { writeVersion } from "../lib/articles/store";
import { getContent, getEvents, getPhases } from "../lib/content";
import type { Database } from "../lib/db";
import { getQuestionBank } from "../lib/quiz/bank";

/**
 * A seed runs once per deploy, not per request: Prisma's 5 s default for an interactive
 * transaction only turns a slow disk or a busy PostgreSQL server into a failed deploy.
 */
const SEED_TRANSACTION = { timeout: 120_000, maxWait: 30_000 };

export async function seedContent(db: Database): Promise<{ phases: number; events: number }> {
  const phases = getPhases();
  const events = getEvents();
  await db.$transaction(async (tx) => {
    for (const phase of phases) {
      const data = { position: phase.position, title: phase.title, startYear: phase.startYear, endYear: phase.endYear, summary: phase.summary };
      await tx.phase.upsert({ where: { id: phase.id }, create: { id: phase.id, ...data }, update: data });
    }
    for (const event of events) {
      const data = {
        phaseId: event.phaseId,
        title: event.title,
        date: event.date,
        place: event.place,
        people: [...event.people],
        paragraphIds: [...event.paragraphIds],
        position: event.position,
      };
      await tx.keyEvent.upsert({ where: { id: event.id }, create: { id: event.id, ...data }, update: data });
    }
  }, SEED_TRANSACTION);
  return { phases: phases.length, events: events.length };
}

/**
 * Loads the built-in question bank (content/questions.json). Built-in questions are updated in
 * place from the file; a question removed from the file is retired, never deleted, so past
 * answers to it keep their meaning.
 */
export async function seedQuestionBank(db: Database): Promise<{ questions: number; retired: number }> {
  const bank = getQuestionBank();
  const ids = bank.map((q) => q.id);
  await db.$transaction(async (tx) => {
    for (const question of bank) {
      const data = {
        source: "BUILT_IN" as const,
        type: question.type,
        difficulty: question.difficulty,
        prompt: question.prompt,
        body: question,
        paragraphIds: [...question.paragraphIds],
        retiredAt: null,
      };
      await tx.question.upsert({ where: { id: question.id }, create: { id: question.id, ...data }, update: data });
    }
    // The links are replaced wholesale: four statements instead of four per question.
    await tx.questionPhase.deleteMany({ where: { questionId: { in: ids } } });
    await tx.questionEvent.deleteMany({ where: { questionId: { in: ids } } });
    await tx.questionPhase.createMany({ data: bank.flatMap((q) => q.phaseIds.map((phaseId) => ({ questionId: q.id, phaseId }))) });
    await tx.questionEvent.createMany({ data: bank.flatMap((q) => q.eventIds.map((eventId) => ({ questionId: q.id, eventId }))) });
  }, SEED_TRANSACTION);
  const retired = await db.question.updateMany({
    where: { source: "BUILT_IN", id: { notIn: ids }, retiredAt: null },
    data: { retiredAt: new Date() },
  });
  return { questions: bank.length, retired: retired.count };
}

/**
 * Stores the built-in article as the first article (decision 0039) and publishes it; a new version
 * only when `content/` changed since the last seed, so re-seeding keeps version numbers meaningful.
 */
export async function seedBuiltInArticle(db: Database, now = new Date()): Promise<{ version: number; changed: boolean }> {
  const doc = fromContent(getContent());
  return db.$transaction(async (tx) => {
    const article = await tx.article.upsert({
      where: { id: BUILT_IN_ARTICLE_ID },
      create: { id: BUILT_IN_ARTICLE_ID, slug: BUILT_IN_ARTICLE_SLUG, builtIn: true, title: doc.meta.title, draft: doc },
      update: { draft: doc, title: doc.meta.title },
      select: { id: true, slug: true, builtIn: true, publishedVersion: { select: { number: true, doc: true } } },
    });
    const published = article.publishedVersion;
    if (published && JSON.stringify(ArticleDocSchema.parse(published.doc)) === JSON.stringify(doc)) return { version: published.number, changed: false };
    // Built-in questions are checked against content/ by the build, not flagged here.
    const written = await writeVersion(tx, article, doc, () => false, now);
    return { version: written.number, changed: true };
  }, SEED_TRANSACTION);
}
