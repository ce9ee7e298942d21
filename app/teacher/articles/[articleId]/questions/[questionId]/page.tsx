import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FormMessage } from "@/components/form-field";
import { requireRole } from "@/lib/auth/guards";
import { getArticleQuestion } from "@/lib/articles/questions";
import { DomainError } from "@/lib/errors";
import { questionToForm } from "@/lib/teacher/question-form";
import { ArticleQuestionEditor } from "../article-editor";
import { RetireArticleQuestionButton } from "../buttons";
import { articleEditorChoices, draftOr404, pickerOf } from "../data";

export const metadata: Metadata = { title: "Edit a question on the article" };

export default async function EditArticleQuestionPage({ params }: PageProps<"/teacher/articles/[articleId]/questions/[questionId]">) {
  const { articleId, questionId } = await params;
  const teacher = await requireRole("TEACHER", `/teacher/articles/${articleId}/questions/${questionId}`);
  const { doc, view } = await draftOr404(teacher, articleId);
  const own = await getArticleQuestion(teacher, articleId, questionId).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <div className="space-y-6">
      <p className="font-sans text-sm">
        <Link href={`/teacher/articles/${articleId}/questions`}>← Questions on “{doc.meta.title}”</Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold">Edit a question</h1>
        {own.summary.sourceChanged ? (
          <FormMessage message="A sentence it rests on changed since it was written. Check the question against the text as it reads now, then save it." />
        ) : null}
        {own.summary.retired ? <p className="text-muted">Retired: not offered for new quizzes.</p> : null}
        <RetireArticleQuestionButton articleId={articleId} questionId={questionId} retired={own.summary.retired} prompt={own.summary.prompt} />
      </header>
      <ArticleQuestionEditor
        articleId={articleId}
        questionId={questionId}
        initial={questionToForm(own.question)}
        initialSentenceIds={own.summary.sentenceIds}
        picker={pickerOf(view)}
        choices={articleEditorChoices(view)}
      />
    </div>
  );
}
