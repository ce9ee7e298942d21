/**
 * One way to find a lesson by its key, whichever article it comes from: the built-in article's
 * lessons from its view (prerendered pages), an imported article's from its published version's
 * view (cached by version). Reading progress, quizzes and assignments all ask here.
 */
import { db } from "@/lib/db";
import { builtInView } from "./built-in";
import { findPublishedLesson, listArticlesFor, viewOfVersion, type Viewer } from "./store";

export type LessonRef = {
  key: string;
  title: string;
  /** The lesson's own blocks the page shows, in order: what reading progress counts. */
  blockIds: string[];
  href: string;
  /** Null for the built-in article. */
  article: { id: string; slug: string; title: string; versionId: string } | null;
};

/** The lesson, if it exists and the viewer may read it (the built-in lessons are everyone's). */
export async function findLesson(viewer: Viewer, key: string): Promise<LessonRef | undefined> {
  const builtIn = builtInView().lessonByKey(key);
  if (builtIn) return { key, title: builtIn.title, blockIds: builtInView().readingBlockIds(builtIn), href: builtInLessonHref(key), article: null };
  const found = await findPublishedLesson(viewer, key);
  if (!found) return undefined;
  const { article, view, lesson, versionId } = found;
  return {
    key,
    title: lesson.title,
    blockIds: view.readingBlockIds(lesson),
    href: lessonPageHref(versionId, lesson.id),
    article: { id: article.id, slug: article.slug, title: article.title, versionId },
  };
}

/** A built-in lesson's page, prerendered at build time. */
export function builtInLessonHref(key: string): string {
  return `/lessons/${key}`;
}

/**
 * An imported lesson's page: one per published version, rendered once and then served as a static
 * page (decision 0042), so a link given with an answer keeps showing the text the student saw.
 */
export function lessonPageHref(versionId: string, lessonId: string): string {
  return `/read/${versionId}/${lessonId}`;
}

/** Titles of imported lessons by key, in one read (built-in keys are left out: `content/` has them). */
export async function importedLessonTitles(keys: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(keys.filter((key): key is string => key !== null && builtInView().lessonByKey(key) === undefined))];
  if (wanted.length === 0) return new Map();
  const rows = await db.publishedLesson.findMany({ where: { slug: { in: wanted } }, select: { slug: true, title: true } });
  return new Map(rows.map((r) => [r.slug, r.title]));
}

/**
 * The questions of an imported lesson's quiz: the article's questions whose sources all lie in
 * the lesson, leaving out retired ones and those whose source changed until the teacher confirms.
 */
export async function importedLessonQuestionIds(articleId: string, blockIds: readonly string[]): Promise<string[]> {
  const blocks = new Set(blockIds);
  const rows = await db.question.findMany({
    where: { articleId, retiredAt: null, sourceChangedAt: null },
    select: { id: true, paragraphIds: true },
    orderBy: { createdAt: "asc" },
  });
  return rows
    .filter((q) => Array.isArray(q.paragraphIds) && q.paragraphIds.length > 0 && q.paragraphIds.every((id) => typeof id === "string" && blocks.has(id)))
    .map((q) => q.id);
}

/** The viewer for someone known only by id (the quiz engine's functions take the id alone). */
export async function viewerOf(userId: string): Promise<Viewer> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, role: true } });
  return user;
}

export type LessonFacts = { key: string; title: string; number: number; href: string; blockIds: string[] };

/**
 * Title, number, link and shown blocks of lessons named by key, built-in or imported, in at most
 * one read. No access check: callers show lessons already assigned to the person asking.
 */
export async function describeLessons(keys: readonly (string | null)[]): Promise<Map<string, LessonFacts>> {
  const out = new Map<string, LessonFacts>();
  const imported: string[] = [];
  for (const key of new Set(keys)) {
    if (key === null) continue;
    const lesson = builtInView().lessonByKey(key);
    if (!lesson) {
      imported.push(key);
      continue;
    }
    out.set(key, { key, title: lesson.title, number: lesson.number, href: builtInLessonHref(key), blockIds: builtInView().readingBlockIds(lesson) });
  }
  if (imported.length === 0) return out;
  const rows = await db.publishedLesson.findMany({
    where: { slug: { in: imported } },
    select: { slug: true, lessonId: true, article: { select: { publishedVersionId: true } } },
  });
  for (const row of rows) {
    if (!row.article.publishedVersionId) continue;
    const view = await viewOfVersion(row.article.publishedVersionId);
    const lesson = view.lessonByKey(row.slug);
    if (!lesson) continue;
    out.set(row.slug, {
      key: row.slug,
      title: lesson.title,
      number: lesson.number,
      href: lessonPageHref(row.article.publishedVersionId, row.lessonId),
      blockIds: view.readingBlockIds(lesson),
    });
  }
  return out;
}

/** Lessons of the published imported articles a teacher may assign (her own, shared ones, her colleagues'), by article. */
export async function assignableImportedLessons(
  teacher: Viewer,
): Promise<{ articleTitle: string; lessons: { key: string; title: string; number: number }[] }[]> {
  const articles = (await listArticlesFor(teacher)).filter((a) => !a.builtIn && a.publishedVersionId !== null);
  if (articles.length === 0) return [];
  const rows = await db.publishedLesson.findMany({
    where: { articleId: { in: articles.map((a) => a.id) } },
    select: { slug: true, title: true, position: true, articleId: true },
    orderBy: { position: "asc" },
  });
  return articles.map((article) => ({
    articleTitle: article.title,
    lessons: rows.filter((r) => r.articleId === article.id).map((r) => ({ key: r.slug, title: r.title, number: r.position + 1 })),
  }));
}

/** True when every paragraph is the built-in article's: no lookup of an imported article is needed. */
export function builtInParagraphs(ids: readonly string[]): boolean {
  const view = builtInView();
  return ids.every((id) => view.block(id) !== undefined);
}

/** The published version a question of an imported article is asked from now (recorded with each answer). */
export async function currentVersionOfQuestion(questionId: string): Promise<string | null> {
  const row = await db.question.findUnique({ where: { id: questionId }, select: { article: { select: { publishedVersionId: true } } } });
  return row?.article?.publishedVersionId ?? null;
}
