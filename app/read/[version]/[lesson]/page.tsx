import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { lessonPageHref } from "@/lib/articles/lessons";
import { publishedVersion } from "@/lib/articles/store";
import { labelDescriptionsFor } from "@/lib/content/labels";
import { LessonArticle } from "@/app/lessons/[slug]/lesson-article";

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
  return (
    <LessonArticle
      view={view}
      lesson={lesson}
      breadcrumb={<Link href={`/articles/${article.slug}`}>{view.doc.meta.title}</Link>}
      edition={` · Version ${number}, published ${publishedAt.toLocaleDateString("en-GB", { dateStyle: "long" })}`}
      labelDescriptions={labelDescriptionsFor(view.doc.meta.author)}
      lessonHref={(other) => lessonPageHref(versionId, other.id)}
      // The number of questions can change without a new version: this page does not say it.
      questionCount={null}
    />
  );
}
