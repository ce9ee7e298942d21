/**
 * Articles in the database (decision 0039): who may read and edit one, creating, saving edits to
 * the draft, publishing a version, and the cached view of a published version that pages render.
 * Every function that takes a `viewer` checks it before it reads or writes anything else.
 */
import type { Role } from "@/lib/enums";
import { db, type Database } from "@/lib/db";
import { DomainError, isUniqueViolation } from "@/lib/errors";
import { BUILT_IN_ARTICLE_ID } from "./content-bridge";
import { ArticleDocSchema, type ArticleDoc } from "./schema";
import { ArticleView } from "./view";

export type Viewer = { id: string; role: Role };
export type Tx = Parameters<Parameters<Database["$transaction"]>[0]>[0];

export type ArticleRow = {
  id: string;
  slug: string;
  builtIn: boolean;
  ownerId: string | null;
  status: "DRAFT" | "PUBLISHED";
  sharedWithTeachers: boolean;
  publishedVersionId: string | null;
  title: string;
};
const ROW = { id: true, slug: true, builtIn: true, ownerId: true, status: true, sharedWithTeachers: true, publishedVersionId: true, title: true } as const;

const NOT_FOUND = "There is no such article, or it is not shared with you.";

/** The global key of a lesson: the built-in article's lessons keep their slugs; others are prefixed by the article. */
export function lessonKey(article: { builtIn: boolean; slug: string }, lessonId: string): string {
  return article.builtIn ? lessonId : `${article.slug}-${lessonId}`;
}

/** "The Moscow Summit, 1972" → "the-moscow-summit-1972". */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug === "" ? "article" : slug;
}

// ---------------------------------------------------------------------------------------------
// Who may do what

/** Teachers who share a class with the owner: they see her published articles as she does. */
async function sharesAClassWith(teacherId: string, ownerId: string): Promise<boolean> {
  const shared = await db.classTeacher.count({ where: { userId: teacherId, class: { teachers: { some: { userId: ownerId } } } } });
  return shared > 0;
}

/** A student reads an article her teacher owns, or one a teacher of hers has assigned. */
async function isStudentOf(studentId: string, article: ArticleRow): Promise<boolean> {
  const owned = article.ownerId
    ? await db.classMember.count({ where: { userId: studentId, class: { archivedAt: null, teachers: { some: { userId: article.ownerId } } } } })
    : 0;
  if (owned > 0) return true;
  const lessons = await db.publishedLesson.findMany({ where: { articleId: article.id }, select: { slug: true } });
  if (lessons.length === 0) return false;
  const assigned = await db.assignment.count({
    where: { kind: "LESSON", scopeId: { in: lessons.map((l) => l.slug) }, class: { archivedAt: null, members: { some: { userId: studentId } } } },
  });
  return assigned > 0;
}

/** Whether the viewer may read the published article (the built-in one is everyone's). */
export async function canRead(viewer: Viewer, article: ArticleRow): Promise<boolean> {
  if (article.builtIn) return true;
  if (article.ownerId === viewer.id) return true;
  if (article.status !== "PUBLISHED") return false;
  if (viewer.role === "TEACHER") return article.sharedWithTeachers || (article.ownerId !== null && (await sharesAClassWith(viewer.id, article.ownerId)));
  return isStudentOf(viewer.id, article);
}

/** Only the owner edits (a verified teacher): everyone else gets the same "not found". */
export async function requireEditable(viewer: Viewer, articleId: string): Promise<ArticleRow> {
  if (viewer.role !== "TEACHER") throw new DomainError("forbidden", "Only teachers edit articles.");
  const article = await db.article.findUnique({ where: { id: articleId }, select: ROW });
  if (!article || article.builtIn || article.ownerId !== viewer.id) throw new DomainError("not_found", NOT_FOUND);
  return article;
}

/** The articles a teacher may use: her own (drafts too), shared ones, and those of teachers she teaches with. */
export async function listArticlesFor(viewer: Viewer) {
  if (viewer.role !== "TEACHER") throw new DomainError("forbidden", "Only teachers manage articles.");
  const colleagues = await db.classTeacher.findMany({
    where: { class: { teachers: { some: { userId: viewer.id } } } },
    select: { userId: true },
    distinct: ["userId"],
  });
  const colleagueIds = colleagues.map((c) => c.userId).filter((id) => id !== viewer.id);
  return db.article.findMany({
    where: {
      OR: [
        { builtIn: true },
        { ownerId: viewer.id },
        { status: "PUBLISHED", sharedWithTeachers: true },
        ...(colleagueIds.length > 0 ? [{ status: "PUBLISHED" as const, ownerId: { in: colleagueIds } }] : []),
      ],
    },
    select: { ...ROW, updatedAt: true, owner: { select: { name: true } }, publishedVersion: { select: { number: true, publishedAt: true } } },
    orderBy: [{ builtIn: "desc" }, { updatedAt: "desc" }],
  });
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Stores a new draft. The slug comes from the title, with a number when it is taken. `alongside`
 * writes what comes with it (an imported file's questions) in the same transaction: all or nothing.
 */
export async function createArticle(
  viewer: Viewer,
  doc: ArticleDoc,
  alongside?: (tx: Tx, articleId: string) => Promise<void>,
): Promise<{ id: string; slug: string }> {
  if (viewer.role !== "TEACHER") throw new DomainError("forbidden", "Only teachers create articles.");
  const parsed = ArticleDocSchema.parse(doc);
  const base = slugify(parsed.meta.title);
  for (let n = 1; n <= 50; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    try {
      return await db.$transaction(async (tx) => {
        const created = await tx.article.create({
          data: { slug, ownerId: viewer.id, title: parsed.meta.title, draft: parsed },
          select: { id: true, slug: true },
        });
        await alongside?.(tx, created.id);
        return created;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new DomainError("conflict", "Too many articles have this title. Change the title and try again.");
}

/**
 * Applies a change to the draft. The change is a function of the latest draft, read and written
 * in one transaction, so two tabs saving at once both keep their edits.
 */
export async function updateDraft(viewer: Viewer, articleId: string, change: (doc: ArticleDoc) => ArticleDoc): Promise<ArticleDoc> {
  await requireEditable(viewer, articleId);
  return db.$transaction(async (tx) => {
    const row = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { draft: true } });
    const next = ArticleDocSchema.parse(change(ArticleDocSchema.parse(row.draft)));
    await tx.article.update({ where: { id: articleId }, data: { draft: next, title: next.meta.title } });
    return next;
  });
}

export async function getDraft(viewer: Viewer, articleId: string): Promise<{ article: ArticleRow; doc: ArticleDoc }> {
  const article = await requireEditable(viewer, articleId);
  const row = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { draft: true } });
  return { article, doc: ArticleDocSchema.parse(row.draft) };
}

export async function setShared(viewer: Viewer, articleId: string, shared: boolean): Promise<void> {
  await requireEditable(viewer, articleId);
  await db.article.update({ where: { id: articleId }, data: { sharedWithTeachers: shared } });
}

/**
 * Writes `doc` as the article's next version and points students at it: the version row, the
 * lesson index and the "source changed" flags change together or not at all.
 * `sourceCheck` says, for a question's saved source text, whether any of it changed in `doc`.
 */
export async function writeVersion(
  tx: Tx,
  article: { id: string; slug: string; builtIn: boolean },
  doc: ArticleDoc,
  sourceChanged: (sourceText: Record<string, string>, doc: ArticleDoc) => boolean,
  now: Date,
): Promise<{ versionId: string; number: number; flagged: number }> {
  const last = await tx.articleVersion.findFirst({ where: { articleId: article.id }, orderBy: { number: "desc" }, select: { number: true } });
  const number = (last?.number ?? 0) + 1;
  const version = await tx.articleVersion.create({ data: { articleId: article.id, number, doc, publishedAt: now }, select: { id: true } });
  await tx.article.update({ where: { id: article.id }, data: { status: "PUBLISHED", publishedVersionId: version.id, title: doc.meta.title } });
  await tx.publishedLesson.deleteMany({ where: { articleId: article.id } });
  await tx.publishedLesson.createMany({
    data: doc.lessons.map((lesson, position) => ({
      slug: lessonKey(article, lesson.id),
      articleId: article.id,
      lessonId: lesson.id,
      position,
      title: lesson.title,
    })),
  });
  const questions = await tx.question.findMany({
    where: { articleId: article.id, retiredAt: null, sourceChangedAt: null },
    select: { id: true, sourceText: true },
  });
  const changed = questions
    .filter((q) => q.sourceText !== null && typeof q.sourceText === "object" && sourceChanged(q.sourceText as Record<string, string>, doc))
    .map((q) => q.id);
  if (changed.length > 0) await tx.question.updateMany({ where: { id: { in: changed } }, data: { sourceChangedAt: now } });
  return { versionId: version.id, number, flagged: changed.length };
}

// ---------------------------------------------------------------------------------------------
// Reading what students see

const VIEWS_KEPT = 32;
const views = new Map<string, ArticleView>();

/** The view of a published version, built once: versions never change, so it never goes stale. */
export async function viewOfVersion(versionId: string): Promise<ArticleView> {
  const cached = views.get(versionId);
  if (cached) {
    // Most recently used last, so the oldest is the one dropped.
    views.delete(versionId);
    views.set(versionId, cached);
    return cached;
  }
  const version = await db.articleVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { doc: true, article: { select: { slug: true, builtIn: true } } },
  });
  const view = new ArticleView(ArticleDocSchema.parse(version.doc), (lessonId) => lessonKey(version.article, lessonId));
  views.set(versionId, view);
  if (views.size > VIEWS_KEPT) {
    const oldest = views.keys().next().value;
    if (oldest !== undefined) views.delete(oldest);
  }
  return view;
}

/** A published lesson by its global key, for a viewer allowed to read it; undefined otherwise. */
export async function findPublishedLesson(viewer: Viewer, key: string) {
  const row = await db.publishedLesson.findUnique({ where: { slug: key }, select: { lessonId: true, article: { select: ROW } } });
  if (!row || row.article.builtIn || !row.article.publishedVersionId) return undefined;
  if (!(await canRead(viewer, row.article))) return undefined;
  const view = await viewOfVersion(row.article.publishedVersionId);
  const lesson = view.lessonByKey(key);
  return lesson ? { article: row.article, view, lesson, versionId: row.article.publishedVersionId } : undefined;
}

export { BUILT_IN_ARTICLE_ID };

/** A published imported article by slug, for a viewer allowed to read it. */
export async function findPublishedArticle(viewer: Viewer, slug: string) {
  const article = await db.article.findUnique({ where: { slug }, select: ROW });
  if (!article || article.builtIn || !article.publishedVersionId || !(await canRead(viewer, article))) return undefined;
  return { article, view: await viewOfVersion(article.publishedVersionId), versionId: article.publishedVersionId };
}

/**
 * A published version by id, with its article, for its static lesson pages: no viewer, because
 * those pages are the same for every reader (decision 0042). Undefined for an unknown id.
 */
export async function publishedVersion(versionId: string) {
  const row = await db.articleVersion.findUnique({
    where: { id: versionId },
    select: { number: true, publishedAt: true, article: { select: { id: true, slug: true, title: true, builtIn: true } } },
  });
  if (!row || row.article.builtIn) return undefined;
  return { article: row.article, number: row.number, publishedAt: row.publishedAt, view: await viewOfVersion(versionId) };
}
