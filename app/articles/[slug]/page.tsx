import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LessonListProgress } from "@/components/lesson/reading-progress";
import { ArticleTimeline } from "@/components/timeline/article-timeline";
import { lessonPageHref } from "@/lib/articles/lessons";
import { findPublishedArticle } from "@/lib/articles/store";
import { requireUser } from "@/lib/auth/guards";
import { formatPartialDate } from "@/lib/content/dates";

// An imported article's front page: where it comes from and its lessons, for a reader allowed to see it.

async function load(params: PageProps<"/articles/[slug]">["params"]) {
  const { slug } = await params;
  const user = await requireUser(`/articles/${slug}`);
  return findPublishedArticle(user, slug);
}

export async function generateMetadata({ params }: PageProps<"/articles/[slug]">): Promise<Metadata> {
  const found = await load(params);
  return found ? { title: found.view.doc.meta.title } : {};
}

export default async function ArticlePage({ params }: PageProps<"/articles/[slug]">) {
  const found = await load(params);
  if (!found) notFound();
  const { view, versionId } = found;
  const { meta } = view.doc;
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <header className="space-y-3">
        <p className="font-sans text-sm uppercase tracking-wide text-muted">Article</p>
        <h1 className="text-4xl font-semibold">{meta.title}</h1>
        <p className="font-sans text-muted">
          {meta.author}, <cite>{meta.publisher}</cite>
          {meta.date ? `, ${formatPartialDate(meta.date)}` : ""}
          {meta.url ? (
            <>
              {" · "}
              <a href={meta.url} rel="noopener noreferrer">
                Read the original
              </a>
            </>
          ) : null}
        </p>
        <p className="font-sans text-sm text-muted">{meta.usageNote}</p>
      </header>
      <section aria-labelledby="lessons-heading" className="space-y-4">
        <h2 id="lessons-heading" className="text-2xl font-semibold">
          Lessons
        </h2>
        <ol className="space-y-4">
          {view.lessons.map((lesson) => (
            <li key={lesson.id} className="rounded-lg border border-rule bg-white p-5">
              <p className="font-sans text-sm text-muted">
                Lesson {lesson.number} · {view.readingMinutes(lesson)} min read
              </p>
              <h3 className="text-xl font-semibold">
                <Link href={lessonPageHref(versionId, lesson.id)}>{lesson.title}</Link>
              </h3>
              {lesson.summary ? <p className="mt-1 text-muted">{lesson.summary}</p> : null}
              <LessonListProgress slug={lesson.key} title={lesson.title} />
            </li>
          ))}
        </ol>
      </section>
      {view.doc.phases.length + view.doc.events.length > 0 ? (
        <section aria-labelledby="timeline-heading" className="space-y-6">
          <h2 id="timeline-heading" className="text-2xl font-semibold">
            Timeline
          </h2>
          <ArticleTimeline view={view} lessonHref={(lesson) => lessonPageHref(versionId, lesson.id)} level={3} />
        </section>
      ) : null}
    </div>
  );
}
