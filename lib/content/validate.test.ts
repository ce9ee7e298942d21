import { describe, expect, it } from "vitest";
import { rawContentCopy } from "./fixtures";
import { comparePartialDates, ContentValidationError, validateContent } from "./validate";

type Raw = ReturnType<typeof rawContentCopy>;

/** Apply a mutation to a fresh copy and return the validation error message. */
function problemsAfter(mutate: (raw: Raw) => void): string {
  const raw = rawContentCopy();
  mutate(raw);
  try {
    validateContent(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentValidationError);
    return (error as Error).message;
  }
  throw new Error("validateContent accepted the broken copy");
}

function find<T extends { id?: string; slug?: string }>(list: T[], key: string): T {
  const item = list.find((x) => x.id === key || x.slug === key);
  if (!item) throw new Error(`fixture: no ${key}`);
  return item;
}

describe("validateContent", () => {
  it("accepts the real content", () => {
    const content = validateContent(rawContentCopy());
    expect(content.article.blocks).toHaveLength(68);
    expect(content.lessons).toHaveLength(4);
  });

  it("names the file and the event when an event cites a paragraph that does not exist", () => {
    const message = problemsAfter((raw) => {
      const event = raw.events.events[3];
      if (!event) throw new Error("fixture");
      event.paragraphIds = ["eye-p99"];
    });
    expect(message).toContain('content/events.json: events[3] ("iraq-invasion") cites paragraph "eye-p99", which does not exist');
  });

  it("reports shape errors with the file and the path", () => {
    const message = problemsAfter((raw) => {
      const block = find(raw.article.blocks, "eye-p05");
      block.label = "fact";
    });
    expect(message).toMatch(/^content\/article\.json: blocks\[\d+\] \("eye-p05"\)\.label: /m);
  });

  it("rejects a source file outside the repository's content/ folder", () => {
    for (const outside of ["source/fatal-attraction-iv.txt", "../content/source/fatal-attraction-iv.txt", "/srv/content/source.txt", "content/../../outside.txt", "content\\..\\..\\outside.txt"]) {
      expect(problemsAfter((raw) => void (raw.article.meta.sourceFile = outside))).toMatch(/content\/article\.json: meta\.sourceFile: must be a path inside content\//);
    }
  });

  it("rejects a malformed date, a missing file section and an unknown verdict", () => {
    expect(problemsAfter((raw) => void (find(raw.events.events, "georgia-war").date = "August 2008"))).toMatch(
      /content\/events\.json: events\[\d+\] \("georgia-war"\)\.date: must be YYYY, YYYY-MM or YYYY-MM-DD/,
    );
    expect(problemsAfter((raw) => void ((raw as { phases: unknown }).phases = { list: [] }))).toMatch(/^content\/phases\.json: /m);
    expect(problemsAfter((raw) => void (find(raw.contextNotes.notes, "cn-open-mic").verdict = "wrong"))).toMatch(/content\/context-notes\.json: notes\[\d+\] \("cn-open-mic"\)\.verdict/);
  });

  it("rejects an id used twice, even across files", () => {
    expect(problemsAfter((raw) => void (find(raw.events.events, "open-mic").id = "eye-p09"))).toMatch(
      /content\/events\.json: events\[\d+\] \("eye-p09"\) uses the id "eye-p09", which content\/article\.json: blocks\[\d+\] \("eye-p09"\) already uses/,
    );
    expect(problemsAfter((raw) => void (find(raw.article.blocks, "eye-p08").id = "eye-p07"))).toMatch(/content\/article\.json: blocks\[\d+\] \("eye-p07"\) repeats the id/);
  });

  it("rejects sentences that do not join back to the block text", () => {
    const message = problemsAfter((raw) => {
      const sentence = find(raw.article.blocks, "eye-p03").sentences?.[1];
      if (!sentence) throw new Error("fixture");
      sentence.text = sentence.text.replace("naive", "naïve");
    });
    expect(message).toMatch(/content\/article\.json: blocks\[\d+\] \("eye-p03"\) has sentences that, joined with single spaces, do not reproduce its text/);
  });

  it("rejects a dominant label that no sentence carries", () => {
    expect(problemsAfter((raw) => void (find(raw.article.blocks, "eye-p03").label = "on-record-quote"))).toMatch(/dominant label "on-record-quote"/);
  });

  it("rejects imagined dialogue outside speech blocks and speech with the wrong speaker", () => {
    expect(problemsAfter((raw) => void (find(raw.article.blocks, "fixit-p04").label = "imagined-dialogue"))).toMatch(/"fixit-p04"\) has kind "paragraph" and label "imagined-dialogue"/);
    expect(problemsAfter((raw) => void (find(raw.article.blocks, "fixit-d01").speaker = "Kerry"))).toMatch(/"fixit-d01"\) has speaker Kerry/);
  });

  it("rejects a hidden block without a reason", () => {
    expect(
      problemsAfter((raw) => {
        const block: { display?: boolean; hiddenReason?: string } = find(raw.article.blocks, "back-chrome01");
        delete block.hiddenReason;
      }),
    ).toMatch(/content\/article\.json: blocks\[\d+\] \("back-chrome01"\)\.hiddenReason: a block has hiddenReason exactly when/);
  });

  it("rejects a lesson that is not a contiguous run, skips a displayed block, or overlaps another", () => {
    const gap = problemsAfter((raw) => {
      const lesson = find(raw.lessons.lessons, "the-eye-of-the-beholder");
      lesson.blockIds = lesson.blockIds.filter((id) => id !== "eye-p07");
    });
    expect(gap).toContain('content/lessons.json: lessons[1] ("the-eye-of-the-beholder") blocks are not a contiguous run in article order');
    expect(gap).toMatch(/content\/lessons\.json: block blocks\[\d+\] \("eye-p07"\) of content\/article\.json is displayed but belongs to no lesson/);

    const overlap = problemsAfter((raw) => void find(raw.lessons.lessons, "the-imagined-conversation").blockIds.unshift("fixit-p05"));
    expect(overlap).toMatch(/lists block "fixit-p05", which lesson "messrs-fix-it" already covers/);

    const reordered = problemsAfter((raw) => raw.lessons.lessons.reverse());
    expect(reordered).toMatch(/lessons must follow the article/);
  });

  it("rejects glossary occurrences that do not match the text", () => {
    expect(problemsAfter((raw) => {
        const term = find(raw.glossary.terms, "quagmire");
        term.occurrences = [...term.occurrences, "eye-p15"];
      })).toMatch(
      /content\/glossary\.json: terms\[\d+\] \("quagmire"\) lists occurrences \[fixit-d10, eye-p15\], but the blocks containing \["quagmire"\] are \[fixit-d10\]/,
    );
  });

  it("rejects a context-note claim that is not quoted exactly", () => {
    expect(problemsAfter((raw) => void (find(raw.contextNotes.notes, "cn-pay-no-mind-date").claim = "at the UN General Assembly in September 2014"))).toContain(
      'content/context-notes.json: notes[30] ("cn-pay-no-mind-date") claim is not quoted exactly from the text of "fixit-p05"',
    );
  });

  it("rejects events out of chronological order or outside their phase", () => {
    expect(problemsAfter((raw) => raw.events.events.reverse())).toMatch(/content\/events\.json: events\[0\] \(".*"\) has position \d+/);
    expect(problemsAfter((raw) => void (find(raw.events.events, "georgia-war").phaseId = "phase-institutional"))).toMatch(
      /"georgia-war"\) is dated 2008-08, outside phase "phase-institutional" \(2009–2012\)/,
    );
  });

  it("requires an event known only from the imagined dialogue to say so", () => {
    const message = problemsAfter((raw) => {
      const event: { mentionedOnlyIn?: string } = find(raw.events.events, "dnc-keynote-2004");
      delete event.mentionedOnlyIn;
    });
    expect(message).toMatch(/content\/events\.json: events\[\d+\] \("dnc-keynote-2004"\) is mentioned only in the imagined dialogue, so it needs mentionedOnlyIn: "imagined-dialogue"/);
    const silent = problemsAfter((raw) => void (find(raw.events.events, "dnc-keynote-2004").description = "Obama gave the keynote address at the 2004 convention."));
    expect(silent).toMatch(/"dnc-keynote-2004"\) description must say the article mentions it only in the imagined dialogue/);
  });

  it("requires lesson objectives and summaries built on opinion or imagined blocks to say so", () => {
    const objective = problemsAfter((raw) => {
      const o = find(raw.lessons.lessons, "messrs-fix-it").objectives[0];
      if (!o) throw new Error("fixture");
      o.text = "Explain why it fell to Kerry and Lavrov to fix the glitches in the relationship.";
    });
    expect(objective).toMatch(/content\/lessons\.json: lessons\[2\] \("messrs-fix-it"\) objectives\[0\] is built only on opinion or imagined blocks but does not say so/);
    const summary = problemsAfter((raw) => void (find(raw.lessons.lessons, "the-imagined-conversation").summary = "Kerry and Lavrov discuss drones, Syria and Assad in private."));
    expect(summary).toMatch(/"the-imagined-conversation"\) summary covers the imagined dialogue but does not say it is imagined/);
    const unattributed = problemsAfter((raw) => void (find(raw.lessons.lessons, "potato-diplomacy").summary = "Kerry and Lavrov swapped potatoes; relations were reduced to potatoes and carrots."));
    expect(unattributed).toMatch(/"potato-diplomacy"\) summary covers the author's opinions but never attributes them to the author/);
  });

  it("reports every problem at once, one line each", () => {
    const message = problemsAfter((raw) => {
      find(raw.events.events, "open-mic").paragraphIds = ["eye-p98"];
      find(raw.phases.phases, "phase-rapport").paragraphIds = ["eye-p97"];
    });
    const lines = message.split("\n");
    expect(lines.some((l) => l.startsWith("content/events.json:"))).toBe(true);
    expect(lines.some((l) => l.startsWith("content/phases.json:"))).toBe(true);
  });
});

describe("comparePartialDates", () => {
  it("compares on the common precision", () => {
    expect(comparePartialDates("2014-03", "2014-03-14")).toBe(0);
    expect(comparePartialDates("2008-05-07", "2008-08")).toBe(-1);
    expect(comparePartialDates("2015", "2014-12-31")).toBe(1);
  });
});
