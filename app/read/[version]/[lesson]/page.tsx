import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleBlock } from "@/components/lesson/article-block";
import { LabelLegend } from "@/components/lesson/label-legend";
import { ResumeLink } from "@/components/lesson/reading-progress";
import { lessonPageHref } from "@/lib/articles/lessons";
import { publishedVersion } from "@/lib/articles/store";
import { toRenderBlock } from "@/lib/articles/view";
import { formatPartialDate } from "@/lib/content/dates";
import { labelDescriptionsFor } from "@/lib/content/labels";
import { LessonGlossary } from "@/components/lesson/lesson-glossary";
import { LessonEnd } from "@/app/lessons/[slug]/lesson-end";

// A lesson of one published version of an imported article (decision 0042). A version never
// changes, so its pages are rendered on the first visit and then served as static pages, like the
// built-in lessons; who is reading is asked from the browser, as there. The address holds the
// version's random id and is handed only to readers the article is shared with
// (lib/articles/store.ts canRead): an unlisted link, as the built-in lessons are public pages.

export const dynamicParams = true;

// None at build time (there is no database then): each is rendered on its first request.
export function generateStaticParams(): { version: string; lesson: string }[] {
  return [];
}

async function load(params: PageProps<"/read/[version]/[lesson]">["params"]) {
  const { version, lesson: lessonId } = await params;
  const found = await publishedVersion(version);
  const lesson = found?.view.lessons.find((l) => l.id === lessonId);
  return found && lesson ? { ...found, lesson, versionId: version } : undefined;
}

export async function generateMetadata({ params }: PageProps<"/read/[version]/[lesson]">): Promise<Metadata> {
  const found = await load(params);
  return found ? { title: found.lesson.title } : {};
}

export default async function ImportedLessonPage({ params }: PageProps<"/read/[version]/[lesson]">) {
  const found = await load(params);
  if (!found) notFound();
  const { article, view, lesson, versionId, number, publishedAt } = found;
  const { meta } = view.doc;
  const blocks = view.shownBlocks(lesson);
  const glossary = view.glossaryFor(lesson);
  const previous = view.lessons[lesson.number - 2];
  const next = view.lessons[lesson.number];

  return (
    <article className="mx-auto max-w-3xl space-y-8">
      <header className="space-y-3">
        <nav aria-label="Breadcrumb" className="font-sans text-sm text-muted">
          <Link href={`/articles/${article.slug}`}>{meta.title}</Link> <span aria-hidden="true">›</span> Lesson {lesson.number} of {view.lessons.length}
        </nav>
        <h1 className="text-4xl font-semibold">{lesson.title}</h1>
        <p className="font-sans text-sm text-muted">
          {view.readingMinutes(lesson)} min read · From {meta.author}, “{meta.title}”, <cite>{meta.publisher}</cite>
          {meta.date ? `, ${formatPartialDate(meta.date)}` : ""} · Version {number}, published {publishedAt.toLocaleDateString("en-GB", { dateStyle: "long" })}
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

      {/* The number of questions can change without a new version: this page does not say it. */}
      <LessonEnd lessonKey={lesson.key} lessonTitle={lesson.title} blockIds={blocks.map((block) => block.id)} questionCount={null} />

      <LessonGlossary terms={glossary} />

      <footer className="space-y-4 border-t border-rule pt-6">
        <nav aria-label="Lessons" className="no-print flex flex-wrap justify-between gap-4 font-sans">
          {previous ? (
            <Link href={lessonPageHref(versionId, previous.id)} rel="prev">
              ← Previous: {previous.title}
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link href={lessonPageHref(versionId, next.id)} rel="next">
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
