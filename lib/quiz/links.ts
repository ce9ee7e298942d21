// "Show in text": where a paragraph lives, for links from quiz feedback.
import { getLessonForBlock } from "@/lib/content";

export type ParagraphLink = { id: string; href: string; lessonTitle: string };

export function paragraphLinks(ids: readonly string[]): ParagraphLink[] {
  return ids.flatMap((id) => {
    const target = getLessonForBlock(id);
    return target ? [{ id, href: target.href, lessonTitle: target.lesson.title }] : [];
  });
}
