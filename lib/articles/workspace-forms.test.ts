import { describe, expect, it } from "vitest";
import { applyEdit } from "./edit";
import { sampleDoc } from "./doc-fixture";
import { eventEdit, lessonEdit, metaEdit, noteEdit, phaseEdit, termEdit } from "./workspace-forms";

const note = {
  blockId: "p1",
  claim: "met on 9 September",
  verdict: "imprecise",
  verifiedFact: "They met on 8 September.",
  sourceTitle: "Record",
  sourceUrl: "https://example.org/r",
  sourceDate: "2016-09",
};

describe("the details forms as edits", () => {
  it("turns a context note into an edit the document accepts", () => {
    const result = noteEdit(note);
    expect(result.errors).toBeUndefined();
    const doc = applyEdit(sampleDoc(), result.edit!);
    expect(doc.contextNotes.at(-1)).toMatchObject({
      blockId: "p1",
      verdict: "imprecise",
      sources: [{ title: "Record", url: "https://example.org/r", date: "2016-09" }],
    });
  });

  it("says what is missing in a note, field by field", () => {
    const result = noteEdit({ ...note, blockId: "", claim: " ", verdict: "maybe", sourceUrl: "javascript:alert(1)", sourceDate: "Sept" });
    expect(Object.keys(result.errors ?? {}).sort()).toEqual(["blockId", "claim", "sourceDate", "sourceUrl", "verdict"]);
    expect(result.errors?.sourceUrl).toMatch(/https:\/\//);
  });

  it("reads objectives one per line and refuses more than eight", () => {
    const ok = lessonEdit("l1", { title: "The meeting", objectives: "Tell fact from opinion\n\n  Find the speaker  \n", summary: "" });
    expect(ok.edit).toEqual({
      op: "lessonDetails",
      lessonId: "l1",
      title: "The meeting",
      objectives: ["Tell fact from opinion", "Find the speaker"],
      summary: null,
    });
    expect(lessonEdit("l1", { title: "", objectives: "a\nb\nc\nd\ne\nf\ng\nh\ni", summary: "" }).errors).toEqual({
      title: "Write the lesson’s title.",
      objectives: "A lesson has at most 8 objectives.",
    });
  });

  it("checks glossary terms, phases and events", () => {
    expect(applyEdit(sampleDoc(), termEdit({ term: "Détente", definition: "Easing.", blockIds: ["p1"] }).edit!).glossary.at(-1)?.term).toBe("Détente");
    expect(termEdit({ term: "x", definition: "y", blockIds: [] }).errors?.blockIds).toMatch(/paragraph/);
    expect(phaseEdit({ title: "Reset", startYear: "2012", endYear: "2009", summary: "", blockIds: [] }).errors).toEqual({
      endYear: "The last year must not be before the first.",
    });
    expect(eventEdit({ title: "Talks", date: "2016-9", phaseId: "", description: "", blockIds: ["p1"] }).errors?.date).toMatch(/YYYY-MM-DD/);
    const event = eventEdit({ title: "Talks", date: "2016-09-09", phaseId: "ph1", description: "", blockIds: ["p1"] });
    expect(applyEdit(sampleDoc(), event.edit!).events.at(-1)).toMatchObject({ title: "Talks", phaseId: "ph1", description: null });
  });

  it("checks the article's details like the import form", () => {
    expect(metaEdit({ title: "T", author: "A", publisher: "P", date: "2016", url: "", usageNote: "" }).edit).toMatchObject({
      op: "meta",
      meta: { title: "T", url: null },
    });
    expect(metaEdit({ title: "", author: "A", publisher: "P", date: "", url: "ftp://x.org", usageNote: "" }).errors).toMatchObject({
      title: expect.any(String),
      url: expect.any(String),
    });
  });
});
