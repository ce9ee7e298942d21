/**
 * The built-in article (`content/`) as an article document, so the seed stores it in the same
 * tables as imported articles (decision 0039). Lesson 1 takes the front matter and the last lesson
 * the back matter (marked as such, so pages show it apart and reading progress leaves it out);
 * hidden blocks keep their reason, mixed paragraphs their hand-chosen label.
 */
import type { Content } from "@/lib/content/schema";
import { ArticleDocSchema, type ArticleDoc, type DocBlock } from "./schema";

/** The built-in article's slug and the id of its row. */
export const BUILT_IN_ARTICLE_ID = "built-in";
export const BUILT_IN_ARTICLE_SLUG = "fatal-attraction-iv";

export function fromContent(content: Content): ArticleDoc {
  const { article } = content;
  const blocks: DocBlock[] = article.blocks.map((block) => {
    const speaker = block.speaker;
    const sentences = (block.sentences ?? [{ text: block.text, label: block.label }]).map((sentence, i) => ({
      id: `${block.id}-s${i + 1}`,
      text: sentence.text,
      label: sentence.label,
      // The built-in article explains a block's label once: it goes with the first sentence.
      ...(i === 0 && block.labelNote ? { labelNote: block.labelNote } : {}),
      ...(speaker ? { speaker } : {}),
    }));
    const matter = block.section === "front-matter" ? "front" : block.section === "back-matter" ? "back" : undefined;
    return {
      id: block.id,
      kind: block.kind,
      ...(block.display === false ? { hiddenReason: block.hiddenReason ?? "Hidden" } : {}),
      sentences,
      // A mixed paragraph's label was chosen by hand; a paragraph of one sentence has it already.
      ...(block.sentences ? { label: block.label } : {}),
      ...(matter ? { matter } : {}),
    };
  });
  const front = article.blocks.filter((b) => b.section === "front-matter").map((b) => b.id);
  const back = article.blocks.filter((b) => b.section === "back-matter").map((b) => b.id);
  const last = content.lessons.length - 1;
  const lessons = content.lessons.map((lesson, i) => ({
    id: lesson.slug,
    title: lesson.title,
    blockIds: [...(i === 0 ? front : []), ...lesson.blockIds, ...(i === last ? back : [])],
    objectives: lesson.objectives.map((o) => o.text),
    summary: lesson.summary,
    titleSource: lesson.titleSource,
    glossaryIds: lesson.glossaryTermIds,
  }));
  return ArticleDocSchema.parse({
    meta: {
      title: article.meta.title,
      author: article.meta.author,
      publisher: article.meta.publisher,
      date: String(article.meta.year),
      url: null,
      usageNote: article.meta.usageNote,
    },
    blocks,
    lessons,
    contextNotes: content.contextNotes.map((note) => ({
      id: note.id,
      blockId: note.paragraphId,
      ...(note.relatedBlockIds ? { relatedBlockIds: note.relatedBlockIds } : {}),
      claim: note.claim,
      verdict: note.verdict,
      verifiedFact: note.verifiedFact,
      sources: note.sources.map((s) => ({ title: s.title, url: s.url, date: s.date ?? null, publisher: s.publisher, says: s.says })),
    })),
    glossary: content.glossary.map((term) => ({
      id: term.id,
      term: term.term,
      definition: term.definition,
      blockIds: term.occurrences,
      ...(term.note ? { note: term.note } : {}),
      source: { title: term.source.title, url: term.source.url, publisher: term.source.publisher },
    })),
    phases: content.phases.map((phase) => ({
      id: phase.id,
      title: phase.title,
      startYear: phase.startYear,
      endYear: phase.endYear,
      summary: phase.summary,
      blockIds: phase.paragraphIds,
    })),
    events: content.events.map((event) => ({
      id: event.id,
      title: event.title,
      date: event.date,
      phaseId: event.phaseId,
      description: event.description,
      blockIds: event.paragraphIds,
      place: event.place,
      ...(event.people.length > 0 ? { people: event.people } : {}),
      contextNoteIds: event.contextNoteIds,
    })),
    nextId: 1,
  });
}
