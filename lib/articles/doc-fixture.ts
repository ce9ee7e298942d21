/**
 * A small article document for unit tests of the editing, suggestion and anchoring modules:
 * a heading, paragraphs, a line of dialogue and a hidden caption, two lessons, and a note, a
 * term, a phase and an event pointing at the paragraphs. Every call returns a fresh copy.
 */
import type { ArticleDoc } from "./schema";

export function sampleDoc(): ArticleDoc {
  return {
    meta: {
      title: "Talks in Geneva",
      author: "A. Writer",
      publisher: "Test Press",
      date: "2016-09",
      url: "https://example.org/talks",
      usageNote: "Written for the tests.",
    },
    blocks: [
      { id: "h1", kind: "heading", sentences: [{ id: "s1", text: "The meeting", label: "editorial-note" }] },
      {
        id: "p1",
        kind: "paragraph",
        sentences: [
          { id: "s2", text: "Kerry and Lavrov met in Geneva on 9 September 2016.", label: "reported-fact" },
          { id: "s3", text: "It was, arguably, the high point of their partnership.", label: "opinion", labelNote: "The author judges." },
          { id: "s4", text: "Nobody else was in the room.", label: null },
        ],
      },
      {
        id: "p2",
        kind: "paragraph",
        sentences: [
          { id: "s5", text: "“We have a plan,” Kerry said.", label: "on-record-quote", speaker: "Kerry" },
          { id: "s6", text: "The plan failed within a week.", label: null },
        ],
      },
      { id: "c1", kind: "caption", hiddenReason: "Photo credit", sentences: [{ id: "s7", text: "[Getty]", label: null }] },
      { id: "h2", kind: "heading", sentences: [{ id: "s8", text: "Imagined", label: "editorial-note" }] },
      { id: "d1", kind: "speech", sentences: [{ id: "s9", text: "Lavrov: Shall we try again, John?", label: "imagined-dialogue", speaker: "Lavrov" }] },
      { id: "d2", kind: "speech", sentences: [{ id: "s10", text: "Kerry: Always, Sergey.", label: "imagined-dialogue", speaker: "Kerry" }] },
    ],
    lessons: [
      { id: "l1", title: "The meeting", blockIds: ["h1", "p1", "p2"], objectives: ["Tell fact from opinion"], summary: "What happened." },
      { id: "l2", title: "Imagined", blockIds: ["h2", "d1", "d2"], objectives: [], summary: null },
    ],
    contextNotes: [
      {
        id: "n1",
        blockId: "p1",
        claim: "met in Geneva on 9 September 2016",
        verdict: "confirmed",
        verifiedFact: "They met in Geneva on 9 September 2016.",
        sources: [{ title: "State Department", url: "https://example.org/state", date: "2016-09-09" }],
      },
    ],
    glossary: [{ id: "t1", term: "Geneva", definition: "A Swiss city.", blockIds: ["p1", "p2"] }],
    phases: [{ id: "ph1", title: "2016", startYear: 2016, endYear: 2016, summary: null, blockIds: ["p1"] }],
    events: [{ id: "e1", title: "Geneva talks", date: "2016-09-09", phaseId: "ph1", description: null, blockIds: ["p1", "p2"] }],
    nextId: 100,
  };
}
