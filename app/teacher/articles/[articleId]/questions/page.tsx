import type { Metadata } from "next";
import Link from "next/link";
import { ArticleTabs } from "@/components/articles/article-tabs";
import { FormMessage } from "@/components/form-field";
import { TableWrapper } from "@/components/form-bits";
import { requireRole } from "@/lib/auth/guards";
import { listArticleQuestions, reviewSources } from "@/lib/articles/questions";
import type { QuestionType } from "@/lib/quiz/schema";
import { QUESTION_TYPE_LABELS } from "@/lib/teacher/question-form";
import { ConfirmSourcesButton, RetireArticleQuestionButton } from "./buttons";
import { draftOr404 } from "./data";

export const metadata: Metadata = { title: "Article questions" };

const typeLabel = (type: string) => QUESTION_TYPE_LABELS[type as QuestionType] ?? type;

export default async function ArticleQuestionsPage({ params, searchParams }: PageProps<"/teacher/articles/[articleId]/questions">) {
  const { articleId } = await params;
  const teacher = await requireRole("TEACHER", `/teacher/articles/${articleId}/questions`);
  const { doc, view } = await draftOr404(teacher, articleId);
  const questions = await listArticleQuestions(teacher, articleId);
  // Only flagged questions need their old and new text, and there are few of them.
  const reviews = new Map(
    await Promise.all(questions.filter((q) => q.sourceChanged).map(async (q) => [q.id, await reviewSources(teacher, articleId, q.id)] as const)),
  );
  const query = await searchParams;
  const placeOf = (sentenceIds: string[]) => {
    const places = [
      ...new Set(
        sentenceIds.flatMap((id) => {
          const s = view.sentence(id);
          return s ? [view.paragraphPlace(s.block.id)?.label ?? s.block.id] : [];
        }),
      ),
    ];
    return `${sentenceIds.length} sentence${sentenceIds.length === 1 ? "" : "s"}${places.length > 0 ? ` in ${places.join("; ")}` : ""}`;
  };
  const flagged = questions.filter((q) => q.sourceChanged && !q.retired).length;

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="font-sans text-sm">
          <Link href={`/teacher/articles/${articleId}`}>← {doc.meta.title}</Link>
        </p>
        <h1 className="text-3xl font-semibold">Questions</h1>
        <p className="text-muted">Questions on “{doc.meta.title}”. Each rests on sentences you choose in the text; students are shown them after answering.</p>
        <ArticleTabs articleId={articleId} current="questions" />
        {query.saved ? <FormMessage tone="success" message="Saved. The question is in the list below." /> : null}
        <p>
          <Link href={`/teacher/articles/${articleId}/questions/new`} className="btn">
            Write a question
          </Link>
        </p>
      </header>

      {flagged > 0 ? (
        <p className="rounded-md border border-[#b54708]/40 bg-[#fffaeb] px-4 py-3 font-sans text-sm">
          {flagged === 1 ? "1 question rests" : `${flagged} questions rest`} on sentences that changed since it was written. Until you review{" "}
          {flagged === 1 ? "it" : "them"}, {flagged === 1 ? "it is" : "they are"} left out of new quizzes.
        </p>
      ) : null}

      <section aria-labelledby="questions-heading" className="space-y-3">
        <h2 id="questions-heading" className="text-2xl font-semibold">
          Written so far ({questions.length})
        </h2>
        {questions.length === 0 ? (
          <p className="text-muted">None yet. Write the first one: choose the sentences it rests on, then the question.</p>
        ) : (
          <TableWrapper label="Questions on this article">
            <table className="w-full text-left font-sans text-sm">
              <caption className="sr-only">Questions on this article</caption>
              <thead className="bg-paper">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Question
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Type
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Rests on
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Status
                  </th>
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {questions.map((q) => {
                  const changes = reviews.get(q.id) ?? [];
                  return (
                    <tr key={q.id} className="border-t border-rule align-top" data-question-id={q.id}>
                      <th scope="row" className="px-3 py-2 font-normal">
                        <Link href={`/teacher/articles/${articleId}/questions/${q.id}`}>{q.prompt}</Link>
                        {q.sourceChanged ? (
                          <details className="mt-2 rounded-md border border-rule bg-white p-3">
                            <summary className="cursor-pointer font-medium">Review</summary>
                            <div className="mt-2 space-y-3">
                              {changes.length === 0 ? (
                                <p className="text-muted">The sentences read as they did when the question was saved.</p>
                              ) : (
                                changes.map((c) => (
                                  <div key={c.sentenceId} className="space-y-1">
                                    <p>
                                      <span className="font-medium">Was:</span> <del className="text-muted">{c.before}</del>
                                    </p>
                                    <p>
                                      <span className="font-medium">Now:</span>{" "}
                                      {c.after === null ? <em>removed from the article</em> : <ins className="no-underline">{c.after}</ins>}
                                    </p>
                                  </div>
                                ))
                              )}
                              <p className="text-muted">If the question and its answer still hold, confirm it. Otherwise edit it.</p>
                              <ConfirmSourcesButton articleId={articleId} questionId={q.id} />
                            </div>
                          </details>
                        ) : null}
                      </th>
                      <td className="px-3 py-2">{typeLabel(q.type)}</td>
                      <td className="px-3 py-2 text-muted">{placeOf(q.sentenceIds)}</td>
                      <td className="px-3 py-2">
                        {q.retired ? "Retired" : q.sourceChanged ? <span className="font-medium text-[#b54708]">Source changed</span> : "In use"}
                      </td>
                      <td className="px-3 py-2">
                        <RetireArticleQuestionButton articleId={articleId} questionId={q.id} retired={q.retired} prompt={q.prompt} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrapper>
        )}
      </section>
    </div>
  );
}
