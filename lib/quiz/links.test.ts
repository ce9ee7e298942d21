// "Show in text" for the built-in article now reads its ArticleView, as imported articles do:
// each link must still name the place, text, labels, speaker and note content/ gives.
import { describe, expect, it } from "vitest";
import { getBlocks, getParagraphPlace } from "@/lib/content";
import { paragraphLinks } from "./links";

describe("paragraphLinks for the built-in article", () => {
  it("links every shown paragraph to its lesson page, with its place and words as published", () => {
    const shown = getBlocks().filter((b) => b.display !== false);
    for (const block of shown) {
      const place = getParagraphPlace(block.id);
      const [link] = paragraphLinks([block.id]);
      if (!place) {
        expect(link).toBeUndefined();
        continue;
      }
      expect(link).toEqual({
        id: block.id,
        href: place.href,
        lessonTitle: place.lesson.title,
        place: place.label,
        label: block.label,
        text: block.text,
        ...(block.sentences ? { sentences: block.sentences } : {}),
        ...(block.speaker ? { speaker: block.speaker } : {}),
        ...(block.labelNote ? { labelNote: block.labelNote } : {}),
      });
    }
  });

  it("has no link for a hidden block or an unknown id", () => {
    const hidden = getBlocks().find((b) => b.display === false);
    expect(hidden).toBeDefined();
    expect(paragraphLinks([hidden?.id ?? "", "no-such-paragraph"])).toEqual([]);
  });
});
