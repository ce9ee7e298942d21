import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { builtInView } from "@/lib/articles/built-in";
import { builtInLessonHref } from "@/lib/articles/lessons";
import { getQuestionsForLesson } from "@/lib/quiz/bank";
import { QUIZ_LENGTH } from "@/lib/quiz/quiz-length";
import { LessonArticle } from "./lesson-article";

// Every lesson is prerendered at build time; an unknown slug is a 404, never a render.
export const dynamicParams = false;

export function generateStaticParams() {
  return builtInView().lessons.map((lesson) => ({ slug: lesson.key }));
}

export async function generateMetadata({ params }: PageProps<"/lessons/[slug]">): Promise<Metadata> {
  const lesson = builtInView().lessonByKey((await params).slug);
  return lesson ? { title: lesson.title, ...(lesson.summary ? { description: lesson.summary } : {}) } : {};
}

export default async function LessonPage({ params }: PageProps<"/lessons/[slug]">) {
  const view = builtInView();
  const lesson = view.lessonByKey((await params).slug);
  if (!lesson) notFound();
  return (
    <LessonArticle
      view={view}
      lesson={lesson}
      breadcrumb={<Link href="/lessons">Lessons</Link>}
      lessonHref={(other) => builtInLessonHref(other.key)}
      questionCount={Math.min(getQuestionsForLesson(lesson.key).length, QUIZ_LENGTH.LESSON)}
    />
  );
}
