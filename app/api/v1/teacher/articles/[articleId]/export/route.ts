// An article's draft as one JSON file laid out like content/ (lib/articles/portable.ts), with the
// questions written on it, to keep under version control or bring into another deployment.
// The owner only; anyone else's article (or a made-up id) is a 404.
import { NextResponse } from "next/server";
import { route } from "@/lib/api/route";
import { db } from "@/lib/db";
import { exportArticle, type PortableQuestion } from "@/lib/articles/portable";
import { getDraft } from "@/lib/articles/store";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route<"teacher", null, { articleId: string }>({
  method: "GET",
  access: "teacher",
  body: null,
  async handle({ user, params }) {
    const { article, doc } = await getDraft(user, params.articleId);
    const rows = await db.question.findMany({
      where: { articleId: article.id, retiredAt: null },
      select: { body: true, sentenceIds: true },
      orderBy: { createdAt: "asc" },
    });
    const questions: PortableQuestion[] = rows.flatMap((row) => {
      const body = row.body;
      const sentenceIds = Array.isArray(row.sentenceIds) ? row.sentenceIds.filter((id): id is string => typeof id === "string") : [];
      if (typeof body !== "object" || body === null || Array.isArray(body) || sentenceIds.length === 0) return [];
      // The id is this deployment's: another one gives the question its own.
      const rest: Record<string, unknown> = { ...(body as Record<string, unknown>) };
      delete rest.id;
      return [{ ...rest, type: String(rest.type ?? ""), prompt: String(rest.prompt ?? ""), sentenceIds }];
    });
    const file = exportArticle(doc, questions);
    return new NextResponse(`${JSON.stringify(file, null, 2)}\n`, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${article.slug}.json"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
});
