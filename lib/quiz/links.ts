// "Show in text": where a paragraph lives, named as a reader would ("Lesson 4, paragraph 5"), and
// the paragraph itself, so the quiz can show it in place without leaving the question. The text
// comes from the content module on the server: quiz code in the browser never bundles the article.
import { getBlock, getParagraphPlace } from "@/lib/content";
import type { Label } from "@/lib/content/schema";

export type ParagraphLink = {
  id: string;
  href: string;
  lessonTitle: string;
  place: string;
  /** The paragraph's statement kind, shown with it so an opinion never reads as a fact. */
  label: Label;
  /** Exactly as published. */
  text: string;
  /** For paragraphs that mix kinds, each sentence with its own kind. */
  sentences?: { text: string; label: Label }[];
  speaker?: string;
  /** Why the paragraph carries its label, as on the lesson page. */
  labelNote?: string;
};

export function paragraphLinks(ids: readonly string[]): ParagraphLink[] {
  return ids.flatMap((id) => {
    const place = getParagraphPlace(id);
    const block = getBlock(id);
    if (!place || !block) return [];
    return [
      {
        id,
        href: place.href,
        lessonTitle: place.lesson.title,
        place: place.label,
        label: block.label,
        text: block.text,
        ...(block.sentences ? { sentences: block.sentences.map((s) => ({ text: s.text, label: s.label })) } : {}),
        ...(block.speaker ? { speaker: block.speaker } : {}),
        ...(block.labelNote ? { labelNote: block.labelNote } : {}),
      },
    ];
  });
}
