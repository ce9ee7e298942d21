import type { Metadata } from "next";
import { ArticleTimeline, timelineSpan } from "@/components/timeline/article-timeline";
import { builtInView } from "@/lib/articles/built-in";
import { builtInLessonHref } from "@/lib/articles/lessons";

export const metadata: Metadata = {
  title: "Timeline",
  description: "The four phases of US–Russian relations, 2001–2016, and every key event the article mentions.",
};

export default function TimelinePage() {
  const view = builtInView();
  const span = timelineSpan(view);
  return (
    <div className="space-y-10">
      <header className="max-w-3xl space-y-3">
        <h1 className="text-4xl font-semibold">Four phases{span ? `, ${span.first}–${span.last}` : ""}</h1>
        <p className="prose-article text-muted">
          How the article divides sixteen years of US–Russian relations, with every key event it mentions. Each event links to the paragraphs that mention it;
          the phases are the author’s framing.
        </p>
      </header>
      <ArticleTimeline view={view} lessonHref={(lesson) => builtInLessonHref(lesson.key)} level={2} />
    </div>
  );
}
