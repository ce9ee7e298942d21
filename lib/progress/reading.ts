// Reading progress: where a learner left off in each lesson, and which lessons they marked read.
import { db } from "@/lib/db";
import { getLesson, getLessonBlocks, getLessons } from "@/lib/content";

export type LessonProgressView = {
  slug: string;
  /** 0–100: how far into the lesson the learner has read (100 once marked read). */
  percent: number;
  read: boolean;
  lastParagraphId: string | null;
};

/** Pure: the share of a lesson read, from the last paragraph reached. */
export function percentRead(blockIds: readonly string[], lastParagraphId: string | null, read: boolean): number {
  if (read) return 100;
  if (!lastParagraphId) return 0;
  const index = blockIds.indexOf(lastParagraphId);
  if (index < 0) return 0;
  return Math.round(((index + 1) / blockIds.length) * 100);
}

export async function getReadingProgress(userId: string): Promise<LessonProgressView[]> {
  const rows = await db.lessonProgress.findMany({ where: { userId } });
  return getLessons().map((lesson) => {
    const row = rows.find((r) => r.lessonSlug === lesson.slug);
    const blockIds = getLessonBlocks(lesson.slug).map((b) => b.id);
    const read = Boolean(row?.readAt);
    const lastParagraphId = row?.lastParagraphId ?? null;
    return { slug: lesson.slug, percent: percentRead(blockIds, lastParagraphId, read), read, lastParagraphId };
  });
}

export class ReadingInputError extends Error {
  override name = "ReadingInputError";
}

function assertLessonBlock(slug: string, paragraphId: string | null) {
  const lesson = getLesson(slug);
  if (!lesson) throw new ReadingInputError(`There is no lesson “${slug}”.`);
  if (paragraphId !== null && !getLessonBlocks(slug).some((b) => b.id === paragraphId)) {
    throw new ReadingInputError(`Paragraph “${paragraphId}” is not part of this lesson.`);
  }
}

/** Remembers the furthest paragraph reached; scrolling back up never loses the place. */
export async function saveReadingPosition(userId: string, slug: string, paragraphId: string): Promise<void> {
  assertLessonBlock(slug, paragraphId);
  const blockIds = getLessonBlocks(slug).map((b) => b.id);
  const existing = await db.lessonProgress.findUnique({ where: { userId_lessonSlug: { userId, lessonSlug: slug } } });
  if (existing?.lastParagraphId && blockIds.indexOf(existing.lastParagraphId) >= blockIds.indexOf(paragraphId)) return;
  await db.lessonProgress.upsert({
    where: { userId_lessonSlug: { userId, lessonSlug: slug } },
    create: { userId, lessonSlug: slug, lastParagraphId: paragraphId },
    update: { lastParagraphId: paragraphId },
  });
}

export async function setLessonRead(userId: string, slug: string, read: boolean): Promise<void> {
  assertLessonBlock(slug, null);
  const readAt = read ? new Date() : null;
  await db.lessonProgress.upsert({
    where: { userId_lessonSlug: { userId, lessonSlug: slug } },
    create: { userId, lessonSlug: slug, readAt },
    update: { readAt },
  });
}
