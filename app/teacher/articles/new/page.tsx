import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/guards";
import { LIMITS } from "@/lib/articles/import/extract";
import { DEFAULT_USAGE_NOTE } from "@/lib/articles/workspace-meta";
import { NewArticleForm } from "@/components/articles/new-article-form";
import { createArticleAction } from "../actions";

export const metadata: Metadata = { title: "Bring in an article" };

export default async function NewArticlePage() {
  await requireRole("TEACHER", "/teacher/articles/new");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p className="font-sans text-sm">
        <Link href="/teacher/articles">← Articles</Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold">Bring in an article</h1>
        <p className="text-muted">
          The text is kept word for word and split into paragraphs and sentences. Then you label each sentence, add context notes and lessons, and publish it.
          Only you see it until then.
        </p>
      </header>
      <NewArticleForm action={createArticleAction} defaultUsageNote={DEFAULT_USAGE_NOTE} maxBytes={LIMITS.uploadBytes} />
    </div>
  );
}
