// A short article written for the tests, every sentence labelled, built by hand (not imported),
// so tests of questions, versions and pages do not depend on the importer. Used by the
// unit and integration tests and stored by the browser tests straight into their database.
import type { ArticleDoc } from "../lib/articles/schema";

export function testArticleDoc(title = "Geneva talks, a test article"): ArticleDoc {
  return {
    meta: {
      title,
      author: "Jane Hartley",
      publisher: "The Test Gazette",
      date: "2016-09",
      url: "https://example.org/geneva-talks",
      usageNote: "Written for Backchannel's tests.",
    },
    blocks: [
      {
        id: "b1",
        kind: "paragraph",
        sentences: [
          { id: "s1", text: "Kerry and Lavrov first met in Geneva in March 2013.", label: "reported-fact" },
          { id: "s2", text: "They spoke for three hours about Syria.", label: "reported-fact" },
          { id: "s3", text: "It was, I think, a meeting doomed from the start.", label: "opinion" },
        ],
      },
      {
        id: "b2",
        kind: "paragraph",
        sentences: [
          { id: "s4", text: "In 2015 the two men signed a ceasefire plan in Vienna.", label: "reported-fact" },
          { id: "s5", text: "“We have a plan,” Kerry told reporters.", label: "on-record-quote", speaker: "Kerry" },
        ],
      },
      { id: "b3", kind: "heading", sentences: [{ id: "s9", text: "After Vienna", label: "editorial-note" }] },
      {
        id: "b4",
        kind: "speech",
        sentences: [{ id: "s6", text: "SL: You will call me again, John, you always do.", label: "imagined-dialogue" }],
      },
      {
        id: "b5",
        kind: "paragraph",
        sentences: [
          { id: "s7", text: "The ceasefire collapsed within a week.", label: "reported-fact" },
          { id: "s8", text: "Nobody, in my view, expected anything else.", label: "opinion" },
        ],
      },
    ],
    lessons: [
      { id: "l1", title: "The first meeting", blockIds: ["b1", "b2"], objectives: ["Say when and where the ministers first met."], summary: null },
      { id: "l2", title: "After Vienna", blockIds: ["b3", "b4", "b5"], objectives: [], summary: null },
    ],
    contextNotes: [],
    glossary: [],
    phases: [{ id: "p-talks", title: "The talks", startYear: 2013, endYear: 2016, summary: null, blockIds: ["b1", "b2"] }],
    events: [{ id: "e-geneva", title: "First meeting in Geneva", date: "2013-03", phaseId: "p-talks", description: null, blockIds: ["b1"] }],
    nextId: 10,
  };
}
