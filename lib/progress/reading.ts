// Reading progress: where a learner left off in each lesson, and which lessons they marked read.
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { getLesson, getLessonBlocks, getLessons } from "@/lib/content";
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
  return getLessons().map((lesson) => {
    const row = rows.find((r) => r.lessonSlug === lesson.slug);
    const blockIds = getLessonBlocks(lesson.slug).map((b) => b.id);
    const read = Boolean(row?.readAt);
    const lastParagraphId = row?.lastParagraphId ?? null;
    return { slug: lesson.slug, percent: percentRead(blockIds, lastParagraphId, read), read, lastParagraphId };
  });
}

function assertLessonBlock(slug: string, paragraphId: string | null) {
  const lesson = getLesson(slug);
  if (!lesson) throw new DomainError("invalid_input", `There is no lesson “${slug}”.`);
  if (paragraphId !== null && !getLessonBlocks(slug).some((b) => b.id === paragraphId)) {
    throw new DomainError("invalid_input", `Paragraph “${paragraphId}” is not part of this lesson.`);
  }
}

/**
 * Remembers the furthest paragraph reached; scrolling back up never loses the place. Reaching the
 * last paragraph marks the lesson read (the learner has read it all), unless it already is.
 */
export async function saveReadingPosition(userId: string, slug: string, paragraphId: string): Promise<LessonProgressView> {
  assertLessonBlock(slug, paragraphId);
  const blockIds = getLessonBlocks(slug).map((b) => b.id);
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

export async function setLessonRead(userId: string, slug: string, read: boolean): Promise<void> {
  assertLessonBlock(slug, null);
  const readAt = read ? new Date() : null;
  await db.lessonProgress.upsert({
    where: { userId_lessonSlug: { userId, lessonSlug: slug } },
    create: { userId, lessonSlug: slug, readAt },
    update: { readAt },
  });
}
