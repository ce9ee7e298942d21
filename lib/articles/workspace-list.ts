/**
 * The teacher's article list: the store's list (access decided there) in the order the page
 * shows it, with how much of each is labelled. Only the teacher's own drafts are read for that;
 * a published article is labelled throughout (it could not be published otherwise).
 */
import { db } from "@/lib/db";
import { labellingProgress } from "./draft-status";
import { ArticleDocSchema } from "./schema";
import { listArticlesFor, type Viewer } from "./store";

export type ListedArticle = Awaited<ReturnType<typeof listArticlesFor>>[number] & {
  progress: { labelled: number; total: number } | null;
  group: "built-in" | "own" | "others";
};

export async function articlesForList(viewer: Viewer): Promise<ListedArticle[]> {
  const rows = await listArticlesFor(viewer);
  const own = await db.article.findMany({ where: { ownerId: viewer.id, builtIn: false }, select: { id: true, draft: true } });
  const progress = new Map(
    own.map((row) => {
      const parsed = ArticleDocSchema.safeParse(row.draft);
      return [row.id, parsed.success ? labellingProgress(parsed.data) : null] as const;
    }),
  );
  const group = (row: (typeof rows)[number]): ListedArticle["group"] => (row.builtIn ? "built-in" : row.ownerId === viewer.id ? "own" : "others");
  const rank = { "built-in": 0, own: 1, others: 2 } as const;
  return rows.map((row) => ({ ...row, group: group(row), progress: progress.get(row.id) ?? null })).sort((a, b) => rank[a.group] - rank[b.group]);
}
