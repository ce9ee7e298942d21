import { describe, expect, it } from "vitest";
import {
  getAdjacentLessons,
  getArticle,
  getBlock,
  getBlocks,
  getContextNotes,
  getContextNotesFor,
  getEvents,
  getEventsForPhase,
  getFrontMatterBlocks,
  getGlossary,
  getGlossaryForLesson,
  getLesson,
  getLessonBlocks,
  getLessonForBlock,
  getParagraphPlace,
  getLessons,
  getPhases,
  LABEL_DESCRIPTIONS,
  LABELS,
  readingMinutes,
} from "./index";
import { LABEL_VALUES } from "./schema";
import { ATTRIBUTION_PATTERN, AUTHOR_PATTERN, hasFactualContent, IMAGINED_PATTERN } from "./validate";

const blocks = getBlocks();
const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);

describe("blocks", () => {
  it("every block has a label from the legend, and ids are unique across all content", () => {
    for (const b of blocks) expect(LABEL_VALUES).toContain(b.label);
    const all = [...ids(blocks), ...ids(getEvents()), ...ids(getPhases()), ...ids(getGlossary()), ...ids(getContextNotes())];
    expect(new Set(all).size).toBe(all.length);
  });

  it("labels the imagined dialogue exactly: the lines after “I imagine…” up to the end of the dialogue", () => {
    const marker = blocks.findIndex((b) => b.text.startsWith("I imagine, based on various news reports"));
    const backMatter = blocks.findIndex((b) => b.section === "back-matter");
    expect(marker).toBeGreaterThan(0);
    const dialogue = blocks.slice(marker + 1, backMatter);
    expect(dialogue).toHaveLength(16);
    expect(ids(blocks.filter((b) => b.label === "imagined-dialogue"))).toEqual(ids(dialogue));
    for (const b of dialogue) {
      expect(b.kind).toBe("speech");
      expect(b.speaker).toBe(b.text.startsWith("SL:") ? "Lavrov" : "Kerry");
    }
    // The marker line itself is the author's note to the reader, not imagined.
    expect(blocks[marker]?.label).toBe("editorial-note");
    expect(getBlock("opening-p07")?.text).toContain("I am not imagining this particular exchange");
    expect(getBlock("opening-p07")?.label).toBe("editorial-note");
  });

  it("treats “OPINION: …” lines as related-article links, hidden, not as opinions", () => {
    const links = blocks.filter((b) => b.text.startsWith("OPINION:"));
    expect(links).toHaveLength(3);
    for (const b of links) {
      expect(b.kind).toBe("related-link");
      expect(b.label).toBe("editorial-note");
      expect(b.display).toBe(false);
    }
  });

  it("hides only the duplicate caption, the related links and the page chrome", () => {
    expect(ids(blocks.filter((b) => b.display === false))).toEqual(["front-c02", "eye-r01", "eye-r02", "fixit-r01", "back-chrome01", "back-chrome02"]);
    expect(getBlock("front-c02")?.text).toBe(getBlock("front-c01")?.text);
  });

  it("gives a note to every split block and shows the author's judgement in Bush's Slovenia paragraph as opinion", () => {
    for (const b of blocks.filter((x) => x.sentences)) expect(b.labelNote).toBeTruthy();
    const eye3 = getBlock("eye-p03");
    expect(eye3?.sentences?.map((s) => s.label)).toEqual(["reported-fact", "opinion"]);
    expect(eye3?.sentences?.[1]?.text).toContain("overconfident, even naive");
  });

  it("has the sections in order, with headings where the article has them", () => {
    expect([...new Set(blocks.map((b) => b.section))]).toEqual(["front-matter", "opening", "eye-of-the-beholder", "messrs-fix-it", "back-matter"]);
    expect(blocks.filter((b) => b.kind === "heading").map((b) => b.text)).toEqual(["The eye of the beholder", "Messrs Fix-it"]);
    expect(getArticle().meta.title).toBe("John Kerry and Sergey Lavrov: Fatal attraction IV");
  });
});

describe("lessons", () => {
  it("are the opening, the eye of the beholder, and Messrs Fix-it split in two, in order", () => {
    expect(getLessons().map((l) => l.slug)).toEqual(["potato-diplomacy", "the-eye-of-the-beholder", "messrs-fix-it", "the-imagined-conversation"]);
    for (const l of getLessons()) {
      expect(l.objectives.length).toBeGreaterThanOrEqual(3);
      expect(l.objectives.length).toBeLessThanOrEqual(4);
    }
  });

  it("never build an objective or summary on opinion or imagined blocks without saying so", () => {
    for (const lesson of getLessons()) {
      for (const o of lesson.objectives) {
        const basis = o.basedOn.map((id) => getBlock(id));
        if (!basis.some((b) => b && hasFactualContent(b))) expect(o.text).toMatch(ATTRIBUTION_PATTERN);
      }
      const shown = getLessonBlocks(lesson.slug);
      if (shown.some((b) => b.label === "opinion" || b.sentences?.some((s) => s.label === "opinion"))) expect(lesson.summary).toMatch(AUTHOR_PATTERN);
      if (shown.some((b) => b.label === "imagined-dialogue")) expect(lesson.summary).toMatch(IMAGINED_PATTERN);
    }
  });

  it("resolve blocks, neighbours, glossary and reading time", () => {
    expect(getLessonBlocks("potato-diplomacy")[0]?.id).toBe("opening-p01");
    expect(ids(getLessonBlocks("the-eye-of-the-beholder"))).not.toContain("eye-r01");
    expect(getAdjacentLessons("potato-diplomacy")).toEqual({ previous: undefined, next: getLesson("the-eye-of-the-beholder") });
    expect(getAdjacentLessons("the-imagined-conversation").next).toBeUndefined();
    expect(getGlossaryForLesson("the-imagined-conversation").map((t) => t.id)).toContain("quagmire");
    for (const l of getLessons()) expect(readingMinutes(l.slug)).toBeGreaterThanOrEqual(1);
    expect(readingMinutes("the-eye-of-the-beholder")).toBeGreaterThan(readingMinutes("messrs-fix-it"));
    expect(() => getLessonBlocks("no-such-lesson")).toThrow(/Unknown lesson/);
  });

  it("link every displayed block to the lesson that shows it", () => {
    expect(getLessonForBlock("eye-p09")?.href).toBe("/lessons/the-eye-of-the-beholder#eye-p09");
    expect(getLessonForBlock("fixit-d04")?.href).toBe("/lessons/the-imagined-conversation#fixit-d04");
    expect(getLessonForBlock("front-standfirst")?.lesson.slug).toBe("potato-diplomacy");
    expect(getLessonForBlock("back-disclaimer")?.lesson.slug).toBe("the-imagined-conversation");
    expect(getLessonForBlock("eye-r01")).toBeUndefined();
    expect(getLessonForBlock("nope")).toBeUndefined();
    for (const b of blocks.filter((x) => x.display !== false)) expect(getLessonForBlock(b.id)).toBeDefined();
    expect(ids(getFrontMatterBlocks())).toEqual(["front-title", "front-standfirst", "front-c01", "front-note"]);
  });

  it("name a paragraph's place as a reader counts it on the lesson page", () => {
    // Lesson 1 shows the four front-matter blocks first, so its own first paragraph is the fifth.
    const first = getLessonBlocks("potato-diplomacy")[0];
    expect(first && getParagraphPlace(first.id)?.label).toBe("Lesson 1, paragraph 5");
    expect(getParagraphPlace("front-title")?.label).toBe("Lesson 1, paragraph 1");
    const eye = getLessonBlocks("the-eye-of-the-beholder");
    const third = eye[2];
    expect(third && getParagraphPlace(third.id)).toMatchObject({ lessonNumber: 2, paragraphNumber: 3, href: `/lessons/the-eye-of-the-beholder#${third?.id}` });
    expect(getParagraphPlace("eye-r01")).toBeUndefined();
    for (const lesson of getLessons()) {
      const numbers = getLessonBlocks(lesson.slug).map((b) => getParagraphPlace(b.id)?.paragraphNumber ?? 0);
      expect(numbers.every((n, i) => n > 0 && (i === 0 || n === (numbers[i - 1] ?? 0) + 1))).toBe(true);
    }
  });
});

describe("timeline", () => {
  it("has four phases and events that cite existing paragraphs, in order", () => {
    expect(getPhases().map((p) => p.position)).toEqual([1, 2, 3, 4]);
    const events = getEvents();
    expect(events.length).toBeGreaterThanOrEqual(18);
    events.forEach((e, i) => {
      expect(e.position).toBe(i + 1);
      for (const id of e.paragraphIds) expect(getBlock(id)).toBeDefined();
    });
    expect(getPhases().flatMap((p) => getEventsForPhase(p.id))).toHaveLength(events.length);
  });

  it("flags the 2004 convention keynote as known only from the imagined dialogue, in phase 2", () => {
    const dnc = getEvents().find((e) => e.id === "dnc-keynote-2004");
    expect(dnc?.mentionedOnlyIn).toBe("imagined-dialogue");
    expect(dnc?.phaseId).toBe(getPhases()[1]?.id);
    expect(dnc?.description).toMatch(IMAGINED_PATTERN);
  });

  it("never describes an event as fact when the article mentions it only in opinion or imagined dialogue", () => {
    for (const e of getEvents()) {
      const basis = e.paragraphIds.map((id) => getBlock(id));
      const factual = basis.some((b) => b && hasFactualContent(b));
      expect(e.mentionedOnlyIn === undefined).toBe(factual);
    }
  });
});

describe("context notes", () => {
  it("quote their claim from the paragraph and are found for related captions", () => {
    for (const n of getContextNotes()) expect(getBlock(n.paragraphId)?.text).toContain(n.claim);
    expect(ids(getContextNotesFor("eye-c02"))).toEqual(["cn-winfield"]);
    expect(ids(getContextNotesFor("fixit-p05"))).toEqual(["cn-pay-no-mind-date", "cn-pay-no-mind-quote"]);
  });

  it("mark the November 2014 UN date as incorrect and the open-mic paraphrase as imprecise", () => {
    const verdict = (id: string) => getContextNotes().find((n) => n.id === id)?.verdict;
    expect(verdict("cn-pay-no-mind-date")).toBe("incorrect");
    expect(verdict("cn-open-mic")).toBe("imprecise");
    expect(verdict("cn-libya-mandate")).toBe("imprecise");
  });

  it("sit on blocks that lesson pages show", () => {
    for (const n of getContextNotes()) expect(getLessonForBlock(n.paragraphId)).toBeDefined();
  });
});

describe("legend", () => {
  it("describes every label", () => {
    for (const label of LABEL_VALUES) {
      expect(LABELS[label].name).toBeTruthy();
      expect(LABEL_DESCRIPTIONS[label]).toBe(LABELS[label].description);
    }
  });

  it("defines the Geneva talks as context even though the article never mentions Geneva", () => {
    expect(blocks.some((b) => /geneva/i.test(b.text))).toBe(false);
    const geneva = getGlossary().find((t) => t.id === "geneva-talks");
    expect(geneva?.inArticle).toBe(false);
    expect(geneva?.note).toMatch(/never mentions Geneva/);
  });
});
