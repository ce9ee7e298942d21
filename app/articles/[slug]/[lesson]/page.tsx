import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleBlock } from "@/components/lesson/article-block";
import { LabelLegend } from "@/components/lesson/label-legend";
import { ResumeLink } from "@/components/lesson/reading-progress";
import { importedLessonHref, importedLessonQuestionIds } from "@/lib/articles/lessons";
import { findPublishedLesson, lessonKey } from "@/lib/articles/store";
import { toRenderBlock } from "@/lib/articles/view";
import { requireUser } from "@/lib/auth/guards";
import { formatPartialDate } from "@/lib/content/dates";
import { labelDescriptionsFor } from "@/lib/content/labels";
import { QUIZ_LENGTH } from "@/lib/quiz/quiz-length";
import { LessonQuizOffer } from "@/app/lessons/[slug]/quiz-offer";
import { LessonReadingTracker } from "@/app/lessons/[slug]/reading-tracker";

// A lesson of an imported article: rendered per request for a reader allowed to see it, from the
// published version's cached view (lib/articles/store.ts viewOfVersion), with the same components
// as the built-in lessons.

async function load(params: PageProps<"/articles/[slug]/[lesson]">["params"]) {
  const { slug, lesson: lessonId } = await params;
  const user = await requireUser(`/articles/${slug}/${lessonId}`);
  const found = await findPublishedLesson(user, lessonKey({ builtIn: false, slug }, lessonId));
  return found ? { user, ...found } : undefined;
}

export async function generateMetadata({ params }: PageProps<"/articles/[slug]/[lesson]">): Promise<Metadata> {
  const found = await load(params);
  return found ? { title: found.lesson.title } : {};
}

export default async function ImportedLessonPage({ params }: PageProps<"/articles/[slug]/[lesson]">) {
  const found = await load(params);
  if (!found) notFound();
  const { article, view, lesson } = found;
  const { meta } = view.doc;
  const blocks = view.shownBlocks(lesson);
  const glossary = view.glossaryFor(lesson);
  const previous = view.lessons[lesson.number - 2];
  const next = view.lessons[lesson.number];
  const questionCount = (
    await importedLessonQuestionIds(
      article.id,
      blocks.map((b) => b.id),
    )
  ).length;

  return (
    <article className="mx-auto max-w-3xl space-y-8">
      <header className="space-y-3">
        <nav aria-label="Breadcrumb" className="font-sans text-sm text-muted">
          <Link href={`/articles/${article.slug}`}>{meta.title}</Link> <span aria-hidden="true">›</span> Lesson {lesson.number} of {view.lessons.length}
        </nav>
        <h1 className="text-4xl font-semibold">{lesson.title}</h1>
        <p className="font-sans text-sm text-muted">
          {view.readingMinutes(lesson)} min read · From {meta.author}, “{meta.title}”, <cite>{meta.publisher}</cite>
          {meta.date ? `, ${formatPartialDate(meta.date)}` : ""}
        </p>
        <ResumeLink slug={lesson.key} />
      </header>

      {lesson.objectives.length > 0 || lesson.summary ? (
        <section aria-labelledby="objectives-heading" className="rounded-lg border border-rule bg-white p-5">
          <h2 id="objectives-heading" className="text-xl font-semibold">
            In this lesson you will
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {lesson.objectives.map((objective) => (
              <li key={objective}>{objective}</li>
            ))}
          </ul>
          {lesson.summary ? <p className="mt-3 text-muted">{lesson.summary}</p> : null}
        </section>
      ) : null}

      <LabelLegend descriptions={labelDescriptionsFor(meta.author)} />

      <div className="prose-article space-y-6">
        {blocks.map((block) => (
          <ArticleBlock key={block.id} block={toRenderBlock(block)} notes={view.notesFor(block.id)} />
        ))}
      </div>

      <section id="lesson-end" className="no-print rounded-lg border border-rule bg-white p-5">
        <h2 className="sr-only">Your progress</h2>
        <LessonReadingTracker slug={lesson.key} blockIds={blocks.map((block) => block.id)} endMarker="lesson-end" />
      </section>

      <section aria-labelledby="quiz-heading" className="no-print space-y-3 rounded-lg border border-rule bg-white p-5">
        <h2 id="quiz-heading" className="text-xl font-semibold">
          Check your reading
        </h2>
        {questionCount > 0 ? (
          <LessonQuizOffer slug={lesson.key} lessonTitle={lesson.title} questionCount={Math.min(questionCount, QUIZ_LENGTH.LESSON)} />
        ) : (
          <p>This lesson has no questions yet.</p>
        )}
      </section>

      {glossary.length > 0 ? (
        <section aria-labelledby="glossary-heading" className="space-y-3">
          <h2 id="glossary-heading" className="text-2xl font-semibold">
            Key terms
          </h2>
          <dl className="space-y-4">
            {glossary.map((term) => (
              <div key={term.id} id={`term-${term.id}`} className="border-l-[3px] border-rule pl-4">
                <dt className="font-semibold">{term.term}</dt>
                <dd className="text-[1.02rem]">{term.definition}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}

      <footer className="space-y-4 border-t border-rule pt-6">
        <nav aria-label="Lessons" className="no-print flex flex-wrap justify-between gap-4 font-sans">
          {previous ? (
            <Link href={importedLessonHref(article.slug, previous.id)} rel="prev">
              ← Previous: {previous.title}
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link href={importedLessonHref(article.slug, next.id)} rel="next">
              Next: {next.title} →
            </Link>
          ) : null}
        </nav>
        <p className="font-sans text-sm text-muted">
          Text: {meta.author}, “{meta.title}”, {meta.publisher}
          {meta.date ? `, ${formatPartialDate(meta.date)}` : ""}
          {meta.url ? (
            <>
              {" "}
              (
              <a href={meta.url} rel="noopener noreferrer">
                original
              </a>
              )
            </>
          ) : null}
          . {meta.usageNote}
        </p>
      </footer>
    </article>
  );
}
