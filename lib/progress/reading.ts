// Reading progress: where a learner left off in each lesson, and which lessons they marked read.
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { builtInView } from "@/lib/articles/built-in";
import { findLesson } from "@/lib/articles/lessons";
import { viewOfVersion, type Viewer } from "@/lib/articles/store";
import { percentRead, reachesEnd } from "./percent";

export type LessonProgressView = {
  slug: string;
  /** 0–100: how far into the lesson the learner has read (100 once marked read). */
  percent: number;
  read: boolean;
  lastParagraphId: string | null;
};

export async function getReadingProgress(userId: string): Promise<LessonProgressView[]> {
  const rows = await db.lessonProgress.findMany({ where: { userId } });
  const view = builtInView();
  const builtIn = view.lessons.map((lesson) => {
    const row = rows.find((r) => r.lessonSlug === lesson.key);
    const blockIds = view.readingBlockIds(lesson);
    const read = Boolean(row?.readAt);
    const lastParagraphId = row?.lastParagraphId ?? null;
    return { slug: lesson.key, percent: percentRead(blockIds, lastParagraphId, read), read, lastParagraphId };
  });
  return [...builtIn, ...(await importedProgress(rows.filter((r) => !builtIn.some((l) => l.slug === r.lessonSlug))))];
}

/** Progress in imported lessons the learner has opened, measured against their published version. */
async function importedProgress(rows: { lessonSlug: string; lastParagraphId: string | null; readAt: Date | null }[]): Promise<LessonProgressView[]> {
  if (rows.length === 0) return [];
  const lessons = await db.publishedLesson.findMany({
    where: { slug: { in: rows.map((r) => r.lessonSlug) } },
    select: { slug: true, article: { select: { publishedVersionId: true } } },
  });
  const out: LessonProgressView[] = [];
  for (const row of rows) {
    const versionId = lessons.find((l) => l.slug === row.lessonSlug)?.article.publishedVersionId;
    if (!versionId) continue;
    const view = await viewOfVersion(versionId);
    const lesson = view.lessonByKey(row.lessonSlug);
    if (!lesson) continue;
    const blockIds = view.readingBlockIds(lesson);
    const read = row.readAt !== null;
    out.push({ slug: row.lessonSlug, percent: percentRead(blockIds, row.lastParagraphId, read), read, lastParagraphId: row.lastParagraphId });
  }
  return out;
}

/** The lesson's shown blocks, if the reader may read it and the paragraph (when given) is one of them. */
async function lessonBlocks(reader: Viewer, slug: string, paragraphId: string | null): Promise<string[]> {
  const lesson = await findLesson(reader, slug);
  if (!lesson) throw new DomainError("invalid_input", `There is no lesson “${slug}”.`);
  if (paragraphId !== null && !lesson.blockIds.includes(paragraphId)) {
    throw new DomainError("invalid_input", `Paragraph “${paragraphId}” is not part of this lesson.`);
  }
  return lesson.blockIds;
}

/**
 * Remembers the furthest paragraph reached; scrolling back up never loses the place. Reaching the
 * last paragraph marks the lesson read (the learner has read it all), unless it already is.
 */
export async function saveReadingPosition(reader: Viewer, slug: string, paragraphId: string): Promise<LessonProgressView> {
  const blockIds = await lessonBlocks(reader, slug, paragraphId);
  const userId = reader.id;
  const key = { userId_lessonSlug: { userId, lessonSlug: slug } };
  const existing = await db.lessonProgress.findUnique({ where: key });
  const further = !existing?.lastParagraphId || blockIds.indexOf(paragraphId) > blockIds.indexOf(existing.lastParagraphId);
  const lastParagraphId = further ? paragraphId : (existing?.lastParagraphId ?? null);
  const finishes = reachesEnd(blockIds, paragraphId) && !existing?.readAt;
  if (further || finishes) {
    const readAt = finishes ? new Date() : (existing?.readAt ?? null);
    await db.lessonProgress.upsert({ where: key, create: { userId, lessonSlug: slug, lastParagraphId, readAt }, update: { lastParagraphId, readAt } });
  }
  const read = finishes || Boolean(existing?.readAt);
  return { slug, percent: percentRead(blockIds, lastParagraphId, read), read, lastParagraphId };
}

export async function setLessonRead(reader: Viewer, slug: string, read: boolean): Promise<void> {
  await lessonBlocks(reader, slug, null);
  const userId = reader.id;
  const readAt = read ? new Date() : null;
  await db.lessonProgress.upsert({
    where: { userId_lessonSlug: { userId, lessonSlug: slug } },
    create: { userId, lessonSlug: slug, readAt },
    update: { readAt },
  });
}
