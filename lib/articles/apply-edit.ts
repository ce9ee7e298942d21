/**
 * Applies one article edit (decision 0040) to a draft: a pure function from one document to the
 * next. It never mutates its input, shares the parts it does not change, mints new ids from the
 * document's `nextId` counter, and refuses with a `DomainError` naming what is wrong, so lessons,
 * notes, glossary terms, phases and events keep pointing at blocks that exist.
 *
 * It does not parse: `applyEdit` in ./edit.ts checks the edit with `ArticleEditSchema` first and is
 * what the server runs. The labelling workspace runs this function directly for its optimistic
 * copy, so zod stays out of that page's first load (decision 0050); the server checks every edit
 * it saves, so nothing unchecked is ever stored.
 */
import { DomainError } from "@/lib/errors";
import { MAX_SENTENCES_PER_LABEL } from "./edit-limits";
import type { ArticleEdit } from "./edit-schema";
import type { ArticleDoc, DocBlock, DocLesson, DocSentence } from "./schema";

/** Apply an edit that is well formed (checked by `ArticleEditSchema`, or built by the workspace's own controls). */
export function applyArticleEdit(doc: ArticleDoc, e: ArticleEdit): ArticleDoc {
  switch (e.op) {
    case "label": {
      if (e.sentenceIds.length > MAX_SENTENCES_PER_LABEL) {
        throw new DomainError("invalid_input", `Label at most ${MAX_SENTENCES_PER_LABEL} sentences at once; ${e.sentenceIds.length} are selected.`);
      }
      const wanted = new Set(e.sentenceIds);
      const found = new Set<string>();
      const blocks = mapSentences(doc.blocks, (s) => {
        if (!wanted.has(s.id)) return s;
        found.add(s.id);
        return s.label === e.label ? s : { ...s, label: e.label };
      });
      const missing = e.sentenceIds.find((sid) => !found.has(sid));
      if (missing !== undefined) throw unknown("sentence", missing);
      return { ...doc, blocks };
    }
    case "labelNote":
      return updateSentence(doc, e.sentenceId, (s) => withOptional(s, "labelNote", e.note));
    case "speaker":
      return updateSentence(doc, e.sentenceId, (s) => withOptional(s, "speaker", e.speaker));
    case "splitSentence":
      return splitSentence(doc, e.sentenceId, e.at);
    case "joinSentences":
      return joinSentences(doc, e.sentenceId);
    case "splitBlock":
      return splitBlock(doc, e.blockId, e.beforeSentenceId);
    case "joinBlocks":
      return joinBlocks(doc, e.blockId);
    case "setKind":
      return updateBlock(doc, e.blockId, (b) => (b.kind === e.kind ? b : { ...b, kind: e.kind }));
    case "hide":
      return updateBlock(doc, e.blockId, (b) => ({ ...b, hiddenReason: e.reason }));
    case "show":
      return updateBlock(doc, e.blockId, (b) => withOptional(b, "hiddenReason", null));
    case "splitLesson":
      return splitLesson(doc, e.lessonId, e.beforeBlockId);
    case "mergeLessons":
      return mergeLessons(doc, e.lessonId);
    case "lessonDetails": {
      const index = lessonIndex(doc, e.lessonId);
      const lessons = doc.lessons.slice();
      lessons[index] = { ...at(lessons, index), title: e.title, objectives: e.objectives, summary: e.summary };
      return { ...doc, lessons };
    }
    case "upsertNote": {
      const related = e.note.relatedBlockIds?.filter((blockId) => blockId !== e.note.blockId);
      requireBlocks(doc, [e.note.blockId, ...(related ?? [])], "The context note");
      const note = { ...e.note };
      delete note.relatedBlockIds;
      if (related && related.length > 0) note.relatedBlockIds = unique(related);
      return upsert(doc, "contextNotes", "n", note, "context note");
    }
    case "deleteNote":
      return remove(doc, "contextNotes", e.noteId, "context note");
    case "upsertTerm": {
      requireBlocks(doc, e.term.blockIds, `The glossary term “${e.term.term}”`);
      return upsert(doc, "glossary", "t", { ...e.term, blockIds: unique(e.term.blockIds) }, "glossary term");
    }
    case "deleteTerm":
      return remove(doc, "glossary", e.termId, "glossary term");
    case "upsertPhase": {
      requireBlocks(doc, e.phase.blockIds, `The phase “${e.phase.title}”`);
      return upsert(doc, "phases", "p", { ...e.phase, blockIds: unique(e.phase.blockIds) }, "phase");
    }
    case "deletePhase": {
      const next = remove(doc, "phases", e.phaseId, "phase");
      // The events stay; they are only no longer grouped under the deleted phase.
      const events = next.events.map((ev) => (ev.phaseId === e.phaseId ? { ...ev, phaseId: null } : ev));
      return { ...next, events };
    }
    case "upsertEvent": {
      requireBlocks(doc, e.event.blockIds, `The event “${e.event.title}”`);
      if (e.event.phaseId !== null && !doc.phases.some((p) => p.id === e.event.phaseId)) throw unknown("phase", e.event.phaseId);
      return upsert(doc, "events", "e", { ...e.event, blockIds: unique(e.event.blockIds) }, "event");
    }
    case "deleteEvent":
      return remove(doc, "events", e.eventId, "event");
    case "meta":
      return { ...doc, meta: e.meta };
  }
}
// ---------------------------------------------------------------------------------------------
// Sentences and blocks

function splitSentence(doc: ArticleDoc, sentenceId: string, offset: number): ArticleDoc {
  const { blockIndex, sentenceIndex, sentence } = findSentence(doc, sentenceId);
  const text = sentence.text;
  if (offset <= 0 || offset >= text.length) {
    throw new DomainError("invalid_input", `Cannot split sentence ${sentenceId} at character ${offset}: the cut must be inside its ${text.length} characters.`);
  }
  if (/[\p{L}\p{N}]/u.test(text[offset - 1] ?? "") && /[\p{L}\p{N}]/u.test(text[offset] ?? "")) {
    throw new DomainError("invalid_input", `Cannot split sentence ${sentenceId} at character ${offset}: that is inside the word “${wordAt(text, offset)}”.`);
  }
  const head = text.slice(0, offset).trimEnd();
  const tail = text.slice(offset).trimStart();
  if (head.trim() === "" || tail.trim() === "") {
    throw new DomainError("invalid_input", `Cannot split sentence ${sentenceId} at character ${offset}: one part would be empty.`);
  }
  const [newId, nextId] = mint(doc, "s");
  // The first part keeps the id, so questions resting on it notice that its text changed.
  const first: DocSentence = { ...sentence, text: head };
  const second: DocSentence = { id: newId, text: tail, label: sentence.label };
  if (sentence.speaker !== undefined) second.speaker = sentence.speaker;
  const block = at(doc.blocks, blockIndex);
  const sentences = block.sentences.slice();
  sentences.splice(sentenceIndex, 1, first, second);
  return { ...replaceBlock(doc, blockIndex, { ...block, sentences }), nextId };
}

function joinSentences(doc: ArticleDoc, sentenceId: string): ArticleDoc {
  const { blockIndex, sentenceIndex, sentence: a } = findSentence(doc, sentenceId);
  const block = at(doc.blocks, blockIndex);
  const b = block.sentences[sentenceIndex + 1];
  if (!b) {
    throw new DomainError("invalid_input", `Sentence ${sentenceId} is the last of its paragraph: there is no next sentence to join it with.`);
  }
  const text = `${a.text.trimEnd()} ${b.text.trimStart()}`;
  if (text.length > 5000) throw new DomainError("invalid_input", `Joined, the two sentences would be ${text.length} characters long; at most 5000.`);
  // Two different labels cannot both hold for the joined text: the teacher labels it again.
  const joined: DocSentence = { id: a.id, text, label: a.label === b.label ? a.label : null };
  const labelNote = a.labelNote ?? b.labelNote;
  const speaker = a.speaker ?? b.speaker;
  if (labelNote !== undefined) joined.labelNote = labelNote;
  if (speaker !== undefined) joined.speaker = speaker;
  const sentences = block.sentences.slice();
  sentences.splice(sentenceIndex, 2, joined);
  return replaceBlock(doc, blockIndex, { ...block, sentences });
}

function splitBlock(doc: ArticleDoc, blockId: string, beforeSentenceId: string): ArticleDoc {
  const blockIndex = findBlockIndex(doc, blockId);
  const block = at(doc.blocks, blockIndex);
  const cut = block.sentences.findIndex((s) => s.id === beforeSentenceId);
  if (cut === -1) throw new DomainError("not_found", `Sentence ${beforeSentenceId} is not in paragraph ${blockId}.`);
  if (cut === 0)
    throw new DomainError("invalid_input", `Sentence ${beforeSentenceId} is the first of paragraph ${blockId}: there is nothing before it to split off.`);
  const [newId, nextId] = mint(doc, "b");
  const second: DocBlock = { id: newId, kind: block.kind, sentences: block.sentences.slice(cut) };
  if (block.hiddenReason !== undefined) second.hiddenReason = block.hiddenReason;
  const blocks = doc.blocks.slice();
  blocks.splice(blockIndex, 1, { ...block, sentences: block.sentences.slice(0, cut) }, second);
  // The new block joins the original's lesson, right after it, so lessons stay contiguous.
  const lessons = doc.lessons.map((lesson) => {
    const i = lesson.blockIds.indexOf(blockId);
    if (i === -1) return lesson;
    const blockIds = lesson.blockIds.slice();
    blockIds.splice(i + 1, 0, newId);
    return { ...lesson, blockIds };
  });
  return { ...doc, blocks, lessons, nextId };
}

function joinBlocks(doc: ArticleDoc, blockId: string): ArticleDoc {
  const blockIndex = findBlockIndex(doc, blockId);
  const a = at(doc.blocks, blockIndex);
  const b = doc.blocks[blockIndex + 1];
  if (!b) throw new DomainError("invalid_input", `Paragraph ${blockId} is the last of the article: there is no next paragraph to join it with.`);
  if (a.kind === "heading" || b.kind === "heading") {
    throw new DomainError("invalid_input", `Cannot join ${blockId} with ${b.id}: a heading starts a section and is never joined with another paragraph.`);
  }
  if ((a.hiddenReason === undefined) !== (b.hiddenReason === undefined)) {
    throw new DomainError("invalid_input", `Cannot join ${blockId} with ${b.id}: one is hidden and the other is shown. Hide or show both first.`);
  }
  const lessonOfA = doc.lessons.find((l) => l.blockIds.includes(a.id));
  const lessonOfB = doc.lessons.find((l) => l.blockIds.includes(b.id));
  if (lessonOfA && lessonOfB && lessonOfA.id !== lessonOfB.id) {
    throw new DomainError(
      "invalid_input",
      `Cannot join ${blockId} with ${b.id}: they are in different lessons (“${lessonOfA.title}” and “${lessonOfB.title}”). Merge the lessons first.`,
    );
  }
  const blocks = doc.blocks.slice();
  blocks.splice(blockIndex, 2, { ...a, sentences: [...a.sentences, ...b.sentences] });
  // The joined block keeps the first id; everything that pointed at the second follows it.
  const follow = (ids: string[]) => (ids.includes(b.id) ? unique(ids.map((x) => (x === b.id ? a.id : x))) : ids);
  return {
    ...doc,
    blocks,
    lessons: doc.lessons.map((l) => (l.blockIds.includes(b.id) ? { ...l, blockIds: follow(l.blockIds) } : l)),
    contextNotes: doc.contextNotes.map((n) => {
      if (n.blockId !== b.id && !n.relatedBlockIds?.includes(b.id)) return n;
      const { relatedBlockIds, ...rest } = n;
      const blockId = n.blockId === b.id ? a.id : n.blockId;
      // A note's related blocks never repeat its own block.
      const related = follow(relatedBlockIds ?? []).filter((x) => x !== blockId);
      return related.length > 0 ? { ...rest, blockId, relatedBlockIds: related } : { ...rest, blockId };
    }),
    glossary: doc.glossary.map((t) => (t.blockIds.includes(b.id) ? { ...t, blockIds: follow(t.blockIds) } : t)),
    phases: doc.phases.map((p) => (p.blockIds.includes(b.id) ? { ...p, blockIds: follow(p.blockIds) } : p)),
    events: doc.events.map((ev) => (ev.blockIds.includes(b.id) ? { ...ev, blockIds: follow(ev.blockIds) } : ev)),
  };
}

// ---------------------------------------------------------------------------------------------
// Lessons

function splitLesson(doc: ArticleDoc, lessonId: string, beforeBlockId: string): ArticleDoc {
  const index = lessonIndex(doc, lessonId);
  const lesson = at(doc.lessons, index);
  const cut = lesson.blockIds.indexOf(beforeBlockId);
  if (cut === -1) throw new DomainError("not_found", `Paragraph ${beforeBlockId} is not in lesson “${lesson.title}”.`);
  if (cut === 0) throw new DomainError("invalid_input", `Paragraph ${beforeBlockId} starts lesson “${lesson.title}”: there is nothing before it to split off.`);
  const [newId, nextId] = mint(doc, "l");
  const suffix = " (part 2)";
  const second: DocLesson = {
    id: newId,
    title: `${lesson.title.slice(0, 300 - suffix.length).trimEnd()}${suffix}`,
    blockIds: lesson.blockIds.slice(cut),
    objectives: [],
    summary: null,
  };
  const lessons = doc.lessons.slice();
  lessons.splice(index, 1, { ...lesson, blockIds: lesson.blockIds.slice(0, cut) }, second);
  return { ...doc, lessons, nextId };
}

function mergeLessons(doc: ArticleDoc, lessonId: string): ArticleDoc {
  const index = lessonIndex(doc, lessonId);
  const a = at(doc.lessons, index);
  const b = doc.lessons[index + 1];
  if (!b) throw new DomainError("invalid_input", `Lesson “${a.title}” is the last lesson: there is no next lesson to merge it with.`);
  const objectives = unique([...a.objectives, ...b.objectives]);
  if (objectives.length > 8) {
    throw new DomainError(
      "invalid_input",
      `Together the lessons “${a.title}” and “${b.title}” have ${objectives.length} objectives; a lesson has at most 8. Remove some first.`,
    );
  }
  const summaries = [a.summary, b.summary].filter((s): s is string => s !== null);
  const summary = summaries.length === 0 ? null : summaries.join("\n\n");
  if (summary !== null && summary.length > 5000) {
    throw new DomainError("invalid_input", `Together the summaries of “${a.title}” and “${b.title}” are longer than 5000 characters. Shorten one first.`);
  }
  // Blocks in no lesson between the two (a hidden caption, say) join too, so the run stays contiguous.
  const position = new Map(doc.blocks.map((block, i) => [block.id, i]));
  const inLesson = new Set(doc.lessons.flatMap((l) => l.blockIds));
  const gapStart = (position.get(a.blockIds.at(-1) ?? "") ?? Infinity) + 1;
  const gapEnd = position.get(b.blockIds[0] ?? "") ?? -1;
  const gap = doc.blocks
    .slice(gapStart, Math.max(gapStart, gapEnd))
    .map((block) => block.id)
    .filter((blockId) => !inLesson.has(blockId));
  const lessons = doc.lessons.slice();
  lessons.splice(index, 2, { ...a, blockIds: unique([...a.blockIds, ...gap, ...b.blockIds]), objectives, summary });
  return { ...doc, lessons };
}

// ---------------------------------------------------------------------------------------------
// Notes, glossary, phases, events

type Collection = "contextNotes" | "glossary" | "phases" | "events";
type Item<C extends Collection> = ArticleDoc[C][number];

function upsert<C extends Collection>(
  doc: ArticleDoc,
  collection: C,
  prefix: string,
  item: Omit<Item<C>, "id"> & { id?: string | undefined },
  what: string,
): ArticleDoc {
  const list = doc[collection] as Item<C>[];
  if (item.id !== undefined) {
    const itemId = item.id;
    const index = list.findIndex((x) => x.id === itemId);
    const next = list.slice();
    const full = { ...item, id: itemId } as Item<C>;
    if (index === -1) {
      if (allIds(doc).has(itemId)) throw new DomainError("conflict", `The id ${itemId} is already used in this article; choose another for the ${what}.`);
      next.push(full);
    } else {
      next[index] = full;
    }
    return { ...doc, [collection]: next };
  }
  const [newId, nextId] = mint(doc, prefix);
  return { ...doc, [collection]: [...list, { ...item, id: newId } as Item<C>], nextId };
}

function remove<C extends Collection>(doc: ArticleDoc, collection: C, itemId: string, what: string): ArticleDoc {
  const list = doc[collection] as Item<C>[];
  if (!list.some((x) => x.id === itemId)) throw unknown(what, itemId);
  return { ...doc, [collection]: list.filter((x) => x.id !== itemId) };
}

function requireBlocks(doc: ArticleDoc, blockIds: readonly string[], owner: string): void {
  const ids = new Set(doc.blocks.map((b) => b.id));
  const missing = blockIds.find((b) => !ids.has(b));
  if (missing !== undefined) throw new DomainError("not_found", `${owner} points at paragraph ${missing}, which is not in this article.`);
}

// ---------------------------------------------------------------------------------------------
// Helpers

function unknown(what: string, itemId: string): DomainError {
  return new DomainError("not_found", `There is no ${what} with the id ${itemId} in this article.`);
}

function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`index ${index} out of range`);
  return item;
}

function unique<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}

function wordAt(text: string, offset: number): string {
  const before = /[\p{L}\p{N}]*$/u.exec(text.slice(0, offset))?.[0] ?? "";
  const after = /^[\p{L}\p{N}]*/u.exec(text.slice(offset))?.[0] ?? "";
  return before + after;
}

/** Set an optional field, or remove it when the value is null (the schema has no nulls there). */
function withOptional<T extends object, K extends keyof T & string>(item: T, key: K, value: T[K] | null): T {
  if (value === null) {
    if (!(key in item)) return item;
    const copy = { ...item };
    delete copy[key];
    return copy;
  }
  return { ...item, [key]: value };
}

function allIds(doc: ArticleDoc): Set<string> {
  const ids = new Set<string>();
  for (const b of doc.blocks) {
    ids.add(b.id);
    for (const s of b.sentences) ids.add(s.id);
  }
  for (const list of [doc.lessons, doc.contextNotes, doc.glossary, doc.phases, doc.events]) for (const x of list) ids.add(x.id);
  return ids;
}

/** A new id `<prefix><n>` from the counter, skipping any number an imported id already took. */
function mint(doc: ArticleDoc, prefix: string): [string, number] {
  const taken = allIds(doc);
  let n = doc.nextId;
  while (taken.has(`${prefix}${n}`)) n += 1;
  return [`${prefix}${n}`, n + 1];
}

function findBlockIndex(doc: ArticleDoc, blockId: string): number {
  const index = doc.blocks.findIndex((b) => b.id === blockId);
  if (index === -1) throw unknown("paragraph", blockId);
  return index;
}

function lessonIndex(doc: ArticleDoc, lessonId: string): number {
  const index = doc.lessons.findIndex((l) => l.id === lessonId);
  if (index === -1) throw unknown("lesson", lessonId);
  return index;
}

function findSentence(doc: ArticleDoc, sentenceId: string): { blockIndex: number; sentenceIndex: number; sentence: DocSentence } {
  for (const [blockIndex, block] of doc.blocks.entries()) {
    const sentenceIndex = block.sentences.findIndex((s) => s.id === sentenceId);
    const sentence = block.sentences[sentenceIndex];
    if (sentence) return { blockIndex, sentenceIndex, sentence };
  }
  throw unknown("sentence", sentenceId);
}

function replaceBlock(doc: ArticleDoc, blockIndex: number, block: DocBlock): ArticleDoc {
  const blocks = doc.blocks.slice();
  blocks[blockIndex] = block;
  return { ...doc, blocks };
}

function updateBlock(doc: ArticleDoc, blockId: string, change: (b: DocBlock) => DocBlock): ArticleDoc {
  const index = findBlockIndex(doc, blockId);
  const block = at(doc.blocks, index);
  const next = change(block);
  return next === block ? doc : replaceBlock(doc, index, next);
}

function updateSentence(doc: ArticleDoc, sentenceId: string, change: (s: DocSentence) => DocSentence): ArticleDoc {
  const { blockIndex, sentenceIndex, sentence } = findSentence(doc, sentenceId);
  const next = change(sentence);
  if (next === sentence) return doc;
  const block = at(doc.blocks, blockIndex);
  const sentences = block.sentences.slice();
  sentences[sentenceIndex] = next;
  return replaceBlock(doc, blockIndex, { ...block, sentences });
}

/** Map sentences, copying only the blocks in which one changed. */
function mapSentences(blocks: readonly DocBlock[], change: (s: DocSentence) => DocSentence): DocBlock[] {
  return blocks.map((block) => {
    let changed = false;
    const sentences = block.sentences.map((s) => {
      const next = change(s);
      if (next !== s) changed = true;
      return next;
    });
    return changed ? { ...block, sentences } : block;
  });
}
