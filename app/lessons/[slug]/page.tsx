import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleBlock } from "@/components/lesson/article-block";
import { LabelLegend } from "@/components/lesson/label-legend";
import { ResumeLink } from "@/components/lesson/reading-progress";
import {
  getAdjacentLessons,
  getArticle,
  getBackMatterBlocks,
  getContextNotesFor,
  getFrontMatterBlocks,
  getGlossaryForLesson,
  getLesson,
  getLessonBlocks,
  getLessons,
  readingMinutes,
  type Block,
} from "@/lib/content";
import { getQuestionsForLesson } from "@/lib/quiz/bank";
import { QUIZ_LENGTH } from "@/lib/quiz/quiz-length";
import { LessonGlossary } from "@/components/lesson/lesson-glossary";
import { LessonEnd } from "./lesson-end";

// Every lesson is prerendered at build time; an unknown slug is a 404, never a render.
export const dynamicParams = false;

export function generateStaticParams() {
  return getLessons().map((lesson) => ({ slug: lesson.slug }));
}

export async function generateMetadata({ params }: PageProps<"/lessons/[slug]">): Promise<Metadata> {
  const lesson = getLesson((await params).slug);
  return lesson ? { title: lesson.title, description: lesson.summary } : {};
}

export default async function LessonPage({ params }: PageProps<"/lessons/[slug]">) {
  const { slug } = await params;
  const lesson = getLesson(slug);
  if (!lesson) notFound();
  const article = getArticle();
  const lessons = getLessons();
  const number = lessons.findIndex((l) => l.slug === slug) + 1;
  const { previous, next } = getAdjacentLessons(slug);
  const visible = (blocks: readonly Block[]) => blocks.filter((block) => block.display !== false);
  const blocks = visible(getLessonBlocks(slug));
  const front = lesson.showFrontMatter ? visible(getFrontMatterBlocks()) : [];
  const back = lesson.showBackMatter ? visible(getBackMatterBlocks()) : [];
  const glossary = getGlossaryForLesson(slug);
  const renderBlocks = (list: Block[]) => list.map((block) => <ArticleBlock key={block.id} block={block} notes={[...getContextNotesFor(block.id)]} />);

  return (
    <article className="mx-auto max-w-3xl space-y-8">
      <header className="space-y-3">
        <nav aria-label="Breadcrumb" className="font-sans text-sm text-muted">
          <Link href="/lessons">Lessons</Link> <span aria-hidden="true">›</span> Lesson {number} of {lessons.length}
        </nav>
        <h1 className="text-4xl font-semibold">{lesson.title}</h1>
        <p className="font-sans text-sm text-muted">
          {readingMinutes(slug)} min read · From {article.meta.author}, “{article.meta.title}”, <cite>{article.meta.publisher}</cite>, {article.meta.year}
          {lesson.titleSource === "editorial" ? " · Lesson title by Backchannel" : ""}
        </p>
        <ResumeLink slug={slug} />
      </header>

      <section aria-labelledby="objectives-heading" className="rounded-lg border border-rule bg-white p-5">
        <h2 id="objectives-heading" className="text-xl font-semibold">
          In this lesson you will
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {lesson.objectives.map((objective) => (
            <li key={objective.text}>{objective.text}</li>
          ))}
        </ul>
        <p className="mt-3 text-muted">{lesson.summary}</p>
      </section>

      <LabelLegend />

      <div className="prose-article space-y-6">
        {front.length > 0 ? (
          <section aria-label="The article’s headline and introduction" className="space-y-6 border-b border-rule pb-6">
            {renderBlocks(front)}
          </section>
        ) : null}
        {renderBlocks(blocks)}
        {back.length > 0 ? (
          <section aria-label="End of the article" className="space-y-6 border-t border-rule pt-6">
            {renderBlocks(back)}
          </section>
        ) : null}
      </div>

      <LessonEnd
        lessonKey={slug}
        lessonTitle={lesson.title}
        blockIds={blocks.map((block) => block.id)}
        questionCount={Math.min(getQuestionsForLesson(slug).length, QUIZ_LENGTH.LESSON)}
      />

      <LessonGlossary terms={glossary} />

      <footer className="space-y-4 border-t border-rule pt-6">
        <nav aria-label="Lessons" className="no-print flex flex-wrap justify-between gap-4 font-sans">
          {previous ? (
            <Link href={`/lessons/${previous.slug}`} rel="prev">
              ← Previous: {previous.title}
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link href={`/lessons/${next.slug}`} rel="next">
              Next: {next.title} →
            </Link>
          ) : null}
        </nav>
        <p className="font-sans text-sm text-muted">
          Text: {article.meta.author}, “{article.meta.title}”, {article.meta.publisher}, {article.meta.year}. {article.meta.usageNote}
        </p>
      </footer>
    </article>
  );
}
