import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { applyArticleEdit } from "./apply-edit";
import { MAX_SENTENCES_PER_LABEL } from "./edit-limits";
import { sampleDoc } from "./doc-fixture";
import { applyEdit } from "./edit";
import type { ArticleEdit } from "./edit-schema";

/** Well-formed edits the workspace builds from its own controls (already trimmed). */
const WORKSPACE_EDITS: ArticleEdit[] = [
  { op: "label", sentenceIds: ["s2", "s5"], label: "opinion" },
  { op: "labelNote", sentenceId: "s2", note: "The author's own verdict." },
  { op: "speaker", sentenceId: "s2", speaker: "Kerry" },
  { op: "labelNote", sentenceId: "s2", note: null },
  { op: "hide", blockId: "p2", reason: "Repeated below" },
  { op: "show", blockId: "c1" },
];

describe("applyArticleEdit (the workspace's optimistic copy)", () => {
  it("gives what the server's applyEdit gives for the edits the workspace sends", () => {
    let browser = sampleDoc();
    let server = sampleDoc();
    for (const edit of WORKSPACE_EDITS) {
      browser = applyArticleEdit(browser, edit);
      server = applyEdit(server, edit);
      expect(browser).toEqual(server);
    }
  });

  it("refuses to label more sentences at once than the server accepts, before anything is sent", () => {
    const ids = Array.from({ length: MAX_SENTENCES_PER_LABEL + 1 }, (_, i) => `s${i}`);
    expect(() => applyArticleEdit(sampleDoc(), { op: "label", sentenceIds: ids, label: "opinion" })).toThrow(
      new DomainError("invalid_input", `Label at most ${MAX_SENTENCES_PER_LABEL} sentences at once; ${ids.length} are selected.`),
    );
    expect(() => applyEdit(sampleDoc(), { op: "label", sentenceIds: ids, label: "opinion" })).toThrow(DomainError);
  });
});
