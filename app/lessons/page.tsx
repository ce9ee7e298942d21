import type { Metadata } from "next";
import Link from "next/link";
import { LessonListProgress } from "@/components/lesson/reading-progress";
import { builtInView } from "@/lib/articles/built-in";
import { builtInLessonHref } from "@/lib/articles/lessons";
import { formatPartialDate } from "@/lib/content/dates";

export const metadata: Metadata = { title: "Lessons", description: "Four short lessons that read “Fatal attraction IV” paragraph by paragraph." };

export default function LessonsPage() {
  const view = builtInView();
  const { meta } = view.doc;
  const lessons = view.lessons;
  return (
    <div className="space-y-8">
      <header className="max-w-3xl space-y-3">
        <h1 className="text-4xl font-semibold">Lessons</h1>
        <p className="prose-article text-muted">
          {lessons.length} lessons, in the article’s order, from {meta.author}’s “{meta.title}” ({meta.publisher}
          {meta.date ? `, ${formatPartialDate(meta.date)}` : ""}).
        </p>
      </header>
      <ol className="grid gap-5 md:grid-cols-2">
        {lessons.map((lesson) => (
          <li key={lesson.key} className="flex flex-col rounded-lg border border-rule bg-white p-5">
            <p className="font-sans text-sm text-muted">
              Lesson {lesson.number} · {view.readingMinutes(lesson)} min read
            </p>
            <h2 className="mt-1 text-2xl font-semibold">
              <Link href={builtInLessonHref(lesson.key)} className="text-ink">
                {lesson.title}
              </Link>
            </h2>
            <p className="mt-2 flex-1 text-muted">{lesson.summary}</p>
            <LessonListProgress slug={lesson.key} title={lesson.title} />
          </li>
        ))}
      </ol>
    </div>
  );
}
