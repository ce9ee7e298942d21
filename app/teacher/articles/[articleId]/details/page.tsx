import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/guards";
import { ArticleTabs } from "@/components/articles/article-tabs";
import { DetailsEditor, type Paragraph } from "@/components/articles/details-editor";
import { KIND_NAMES } from "@/components/articles/kinds";
import { editArticleAction } from "../../actions";
import { draftOr404 } from "../data";

export const metadata: Metadata = { title: "Article details" };

const EXCERPT = 60;

export default async function ArticleDetailsPage({ params }: PageProps<"/teacher/articles/[articleId]/details">) {
  const { articleId } = await params;
  const teacher = await requireRole("TEACHER", `/teacher/articles/${articleId}/details`);
  const { doc } = await draftOr404(teacher, articleId);
  // Paragraphs as a teacher finds them: numbered as the workspace numbers them, with their first words.
  const paragraphs: Paragraph[] = doc.blocks.flatMap((block, i) => {
    if (block.hiddenReason !== undefined) return [];
    const text = block.sentences.map((s) => s.text).join(" ");
    const excerpt = text.length > EXCERPT ? `${text.slice(0, EXCERPT).trimEnd()}…` : text;
    return [{ id: block.id, label: `${KIND_NAMES[block.kind]} ${i + 1}: ${excerpt}` }];
  });
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p className="font-sans text-sm">
        <Link href="/teacher/articles">← Articles</Link>
      </p>
      <header className="space-y-1">
        <h1 className="text-3xl font-semibold">{doc.meta.title}</h1>
        <p className="font-sans text-sm text-muted">
          {doc.meta.author} · {doc.meta.publisher}
          {doc.meta.date ? ` · ${doc.meta.date}` : ""}
        </p>
      </header>
      <ArticleTabs articleId={articleId} current="details" />
      <DetailsEditor articleId={articleId} doc={doc} paragraphs={paragraphs} edit={editArticleAction} />
    </div>
  );
}
