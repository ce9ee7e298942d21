// One lesson page, built-in or imported (decision 0045): both routes hand it an ArticleView and a
// lesson, and only what truly differs (the way back, the version line, the lesson links).
import type { ReactNode } from "react";
import Link from "next/link";
import { ArticleBlock } from "@/components/lesson/article-block";
import { LabelLegend } from "@/components/lesson/label-legend";
import { LessonGlossary } from "@/components/lesson/lesson-glossary";
import { ResumeLink } from "@/components/lesson/reading-progress";
import type { DocBlock } from "@/lib/articles/schema";
import { toRenderBlock, type ArticleView, type ViewLesson } from "@/lib/articles/view";
import { formatPartialDate } from "@/lib/content/dates";
import type { Label } from "@/lib/content/schema";
import { LessonEnd } from "./lesson-end";

export function LessonArticle({
  view,
  lesson,
  breadcrumb,
  edition,
  labelDescriptions,
  lessonHref,
  questionCount,
}: {
  view: ArticleView;
  lesson: ViewLesson;
  /** The link back: the lesson list, or the imported article's page. */
  breadcrumb: ReactNode;
  /** Which text this is, after the byline: nothing, or an imported article's version and date. */
  edition?: ReactNode;
  /** The label legend's wording; the built-in article's by default. */
  labelDescriptions?: Readonly<Record<Label, string>>;
  lessonHref: (lesson: ViewLesson) => string;
  /** Null when it can change while the page stays the same (an imported lesson's questions). */
  questionCount: number | null;
}) {
  const { meta } = view.doc;
  const { front, body, back } = view.lessonParts(lesson);
  const previous = view.lessons[lesson.number - 2];
  const next = view.lessons[lesson.number];
  const source = (
    <>
      {meta.author}, “{meta.title}”, <cite>{meta.publisher}</cite>
      {meta.date ? `, ${formatPartialDate(meta.date)}` : ""}
    </>
  );
  const renderBlocks = (blocks: readonly DocBlock[]) =>
    blocks.map((block) => <ArticleBlock key={block.id} block={toRenderBlock(block)} notes={view.notesFor(block.id)} />);

  return (
    <article className="mx-auto max-w-3xl space-y-8">
      <header className="space-y-3">
        <nav aria-label="Breadcrumb" className="font-sans text-sm text-muted">
          {breadcrumb} <span aria-hidden="true">›</span> Lesson {lesson.number} of {view.lessons.length}
        </nav>
        <h1 className="text-4xl font-semibold">{lesson.title}</h1>
        <p className="font-sans text-sm text-muted">
          {view.readingMinutes(lesson)} min read · From {source}
          {edition}
          {lesson.titleSource === "editorial" ? " · Lesson title by Backchannel" : ""}
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

      <LabelLegend {...(labelDescriptions ? { descriptions: labelDescriptions } : {})} />

      <div className="prose-article space-y-6">
        {front.length > 0 ? (
          <section aria-label="The article’s headline and introduction" className="space-y-6 border-b border-rule pb-6">
            {renderBlocks(front)}
          </section>
        ) : null}
        {renderBlocks(body)}
        {back.length > 0 ? (
          <section aria-label="End of the article" className="space-y-6 border-t border-rule pt-6">
            {renderBlocks(back)}
          </section>
        ) : null}
      </div>

      <LessonEnd lessonKey={lesson.key} lessonTitle={lesson.title} blockIds={view.readingBlockIds(lesson)} questionCount={questionCount} />

      <LessonGlossary terms={view.glossaryFor(lesson)} />

      <footer className="space-y-4 border-t border-rule pt-6">
        <nav aria-label="Lessons" className="no-print flex flex-wrap justify-between gap-4 font-sans">
          {previous ? (
            <Link href={lessonHref(previous)} rel="prev">
              ← Previous: {previous.title}
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link href={lessonHref(next)} rel="next">
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
