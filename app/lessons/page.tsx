import type { Metadata } from "next";
import Link from "next/link";
import { LessonListProgress } from "@/components/lesson/reading-progress";
import { getArticle, getLessons, readingMinutes } from "@/lib/content";

export const metadata: Metadata = { title: "Lessons", description: "Four short lessons that read “Fatal attraction IV” paragraph by paragraph." };

export default function LessonsPage() {
  const article = getArticle();
  const lessons = getLessons();
  return (
    <div className="space-y-8">
      <header className="max-w-3xl space-y-3">
        <h1 className="text-4xl font-semibold">Lessons</h1>
        <p className="prose-article text-muted">
          {lessons.length} lessons, in the article’s order, from {article.meta.author}’s “{article.meta.title}” ({article.meta.publisher}, {article.meta.year}).
        </p>
      </header>
      <ol className="grid gap-5 md:grid-cols-2">
        {lessons.map((lesson, index) => (
          <li key={lesson.slug} className="flex flex-col rounded-lg border border-rule bg-white p-5">
            <p className="font-sans text-sm text-muted">
              Lesson {index + 1} · {readingMinutes(lesson.slug)} min read
            </p>
            <h2 className="mt-1 text-2xl font-semibold">
              <Link href={`/lessons/${lesson.slug}`} className="text-ink">
                {lesson.title}
              </Link>
            </h2>
            <p className="mt-2 flex-1 text-muted">{lesson.summary}</p>
            <LessonListProgress slug={lesson.slug} title={lesson.title} />
          </li>
        ))}
      </ol>
    </div>
  );
}
