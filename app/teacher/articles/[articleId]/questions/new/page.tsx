import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/guards";
import { EMPTY_QUESTION_FORM } from "@/lib/teacher/question-form";
import { ArticleQuestionEditor } from "../article-editor";
import { articleEditorChoices, draftOr404, pickerOf } from "../data";

export const metadata: Metadata = { title: "Write a question on the article" };

export default async function NewArticleQuestionPage({ params }: PageProps<"/teacher/articles/[articleId]/questions/new">) {
  const { articleId } = await params;
  const teacher = await requireRole("TEACHER", `/teacher/articles/${articleId}/questions/new`);
  const { doc, view } = await draftOr404(teacher, articleId);
  return (
    <div className="space-y-6">
      <p className="font-sans text-sm">
        <Link href={`/teacher/articles/${articleId}/questions`}>← Questions on “{doc.meta.title}”</Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold">Write a question</h1>
        <p className="max-w-3xl text-muted">
          Choose the sentences it rests on, then write it. It is checked like the built-in questions: if it rests on the author’s opinion or an imagined
          dialogue, the question must say so.
        </p>
      </header>
      <ArticleQuestionEditor
        articleId={articleId}
        initial={EMPTY_QUESTION_FORM}
        initialSentenceIds={[]}
        picker={pickerOf(view)}
        choices={articleEditorChoices(view)}
      />
    </div>
  );
}
