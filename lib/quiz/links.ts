// "Show in text": where a paragraph lives, named as a reader would ("Lesson 4, paragraph 5").
import { getParagraphPlace } from "@/lib/content";

export type ParagraphLink = { id: string; href: string; lessonTitle: string; place: string };

export function paragraphLinks(ids: readonly string[]): ParagraphLink[] {
  return ids.flatMap((id) => {
    const place = getParagraphPlace(id);
    return place ? [{ id, href: place.href, lessonTitle: place.lesson.title, place: place.label }] : [];
  });
}
