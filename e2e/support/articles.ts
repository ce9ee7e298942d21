// An article stored as a teacher's draft straight into the browser tests' database, for specs whose
// subject is not the importer.
import { E2E_DATABASE_URL } from "../../playwright.config";
import { databaseTarget } from "../../lib/database-url";
import type { ArticleDoc } from "../../lib/articles/schema";
import { toolingClient } from "../../tooling/database-client";

/** Returns the new article's id; `slugPrefix` keeps its slug readable and unique per run. */
export async function storeDraftArticle(ownerId: string, doc: ArticleDoc, slugPrefix: string): Promise<string> {
  const target = databaseTarget(E2E_DATABASE_URL);
  if (target.provider !== "sqlite") throw new Error("the browser tests run on SQLite files");
  const client = toolingClient(target);
  try {
    const slug = `${slugPrefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    return (await client.article.create({ data: { slug, ownerId, title: doc.meta.title, draft: doc }, select: { id: true } })).id;
  } finally {
    await client.$disconnect();
  }
}
