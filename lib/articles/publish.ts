/**
 * Publishing a teacher's article (issue 16): the draft becomes the next version in one
 * transaction (the store's `writeVersion`), and questions whose source sentences changed are
 * flagged. Also what the workspace says about the draft beside the published version.
 */
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { checkSources } from "./anchor";
import { publishProblems } from "./draft-status";
import { ArticleDocSchema, type ArticleDoc } from "./schema";
import { requireEditable, writeVersion, type Viewer } from "./store";

/**
 * A question's saved source text changed when any of its sentences now reads differently or is
 * gone; a sentence whose exact text moved under another id (a join undone, say) still stands.
 */
export function sourceChanged(sourceText: Record<string, string>, doc: ArticleDoc): boolean {
  const check = checkSources(sourceText, doc);
  return check.changed.length > 0 || check.missing.length > 0;
}

export async function publishArticle(viewer: Viewer, articleId: string, now: Date): Promise<{ number: number; flagged: number }> {
  const article = await requireEditable(viewer, articleId);
  return db.$transaction(async (tx) => {
    // Read inside the transaction: what is checked is exactly what is published.
    const row = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { draft: true } });
    const doc = ArticleDocSchema.parse(row.draft);
    const problems = [...publishProblems(doc), ...(await droppedAssignedLessons(tx, articleId, doc))];
    if (problems.length > 0) throw new DomainError("invalid_input", `The article can’t be published yet: ${problems.join(" ")}`);
    const { number, flagged } = await writeVersion(tx, article, doc, sourceChanged, now);
    return { number, flagged };
  });
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/**
 * A lesson set for a class must still exist in the new version: its assignment, the students'
 * reading and their attempts all name it by key. So removing (or merging away) an assigned
 * lesson is refused, naming the lesson and the classes, rather than breaking their work.
 */
async function droppedAssignedLessons(tx: Tx, articleId: string, doc: ArticleDoc): Promise<string[]> {
  const kept = new Set(doc.lessons.map((l) => l.id));
  const published = await tx.publishedLesson.findMany({ where: { articleId }, select: { slug: true, lessonId: true, title: true } });
  const dropped = published.filter((l) => !kept.has(l.lessonId));
  if (dropped.length === 0) return [];
  const assigned = await tx.assignment.findMany({
    where: { kind: "LESSON", scopeId: { in: dropped.map((l) => l.slug) } },
    select: { scopeId: true, class: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return dropped.flatMap((lesson) => {
    const classes = [...new Set(assigned.filter((a) => a.scopeId === lesson.slug).map((a) => a.class.name))];
    if (classes.length === 0) return [];
    const list = classes.map((name) => `“${name}”`).join(", ");
    return [
      `The lesson “${lesson.title}” is set for ${list}, and this version no longer has it: keep that lesson, or remove the assignment from the class first.`,
    ];
  });
}

export type PublishState = {
  published: { number: number; publishedAt: Date } | null;
  /** The draft differs from the published version (always true before the first publish). */
  draftChanged: boolean;
};

/** Whether the draft has changes students don't see yet. Both documents are parsed, so key order can't differ. */
export async function publishState(articleId: string, draft: ArticleDoc): Promise<PublishState> {
  const row = await db.article.findUnique({
    where: { id: articleId },
    select: { publishedVersion: { select: { number: true, publishedAt: true, doc: true } } },
  });
  const version = row?.publishedVersion;
  if (!version) return { published: null, draftChanged: true };
  const published = ArticleDocSchema.parse(version.doc);
  return {
    published: { number: version.number, publishedAt: version.publishedAt },
    draftChanged: JSON.stringify(published) !== JSON.stringify(ArticleDocSchema.parse(draft)),
  };
}
