import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { requireRole } from "@/lib/auth/guards";
import { publishState } from "@/lib/articles/publish";
import { firstScreenSuggestions } from "@/lib/articles/workspace-suggest";
import { ArticleTabs } from "@/components/articles/article-tabs";
import { Workspace } from "@/components/articles/workspace";
import { editArticleAction, publishArticleAction, shareArticleAction } from "../actions";
import { draftOr404 } from "./data";

export const metadata: Metadata = { title: "Label the article" };

const actions = { edit: editArticleAction, publish: publishArticleAction, share: shareArticleAction };

export default async function ArticleWorkspacePage({ params }: PageProps<"/teacher/articles/[articleId]">) {
  const { articleId } = await params;
  const teacher = await requireRole("TEACHER", `/teacher/articles/${articleId}`);
  const { article, doc } = await draftOr404(teacher, articleId);
  const state = await publishState(articleId, doc);
  const { meta } = doc;
  return (
    <div className="space-y-6">
      <p className="font-sans text-sm">
        <IntentLink href="/teacher/articles">← Articles</IntentLink>
      </p>
      <header className="flex flex-wrap items-end justify-between gap-x-6 gap-y-2">
        <div className="space-y-1">
          <h1 className="text-3xl font-semibold">{meta.title}</h1>
          <p className="font-sans text-sm text-muted">
            {meta.author} · {meta.publisher}
            {meta.date ? ` · ${meta.date}` : ""}
          </p>
        </div>
        {/* A plain link: a download, never prefetched. */}
        <a href={`/api/v1/teacher/articles/${articleId}/export`} download className="font-sans text-sm">
          Download as JSON
        </a>
      </header>
      <ArticleTabs articleId={articleId} current="label" />
      <Workspace
        articleId={articleId}
        doc={doc}
        suggestions={firstScreenSuggestions(doc)}
        shared={article.sharedWithTeachers}
        status={{
          published: state.published ? { number: state.published.number, publishedAt: state.published.publishedAt.toISOString() } : null,
          draftChanged: state.draftChanged,
        }}
        actions={actions}
      />
    </div>
  );
}
