/**
 * validateContent(raw): parse every content file with its schema, then check that the
 * files fit together. Pure (no I/O), so tests can feed it broken copies.
 *
 * Every problem found is reported; the thrown Error's message has one line per problem,
 * each starting with the file it concerns, e.g.
 *   content/events.json: events[3] ("georgia-war") cites paragraph "eye-p99", which does not exist
 */
import type { z } from "zod";
import {
  ArticleSchema,
  BODY_SECTIONS,
  CONTENT_FILES,
  ContextNotesFileSchema,
  EventsFileSchema,
  GlossaryFileSchema,
  LessonsFileSchema,
  PhasesFileSchema,
  SECTION_PREFIX,
  SECTION_VALUES,
  type Block,
  type Content,
  type Label,
  type RawContent,
} from "./schema";

export class ContentValidationError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.join("\n"));
    this.name = "ContentValidationError";
    this.problems = problems;
  }
}

const FACTUAL_LABELS: ReadonlySet<Label> = new Set<Label>(["reported-fact", "on-record-quote"]);

/** True when a block (or one of its sentences) states something as reported fact or on-record quote. */
export function hasFactualContent(block: Pick<Block, "label" | "sentences">): boolean {
  return FACTUAL_LABELS.has(block.label) || (block.sentences ?? []).some((s) => FACTUAL_LABELS.has(s.label));
}

/** True when a block (or one of its sentences) carries the given label. */
export function carriesLabel(block: Block, label: Label): boolean {
  return block.label === label || (block.sentences ?? []).some((s) => s.label === label);
}

/** Words that show a piece of our own text attributes what follows to the author or marks it as imagined. */
export const ATTRIBUTION_PATTERN = /\b(author|author['’]s|Bishara|imagin\w*|invent\w*|opinion|argues?|argued|in his view|his reading|his judgement)\b/i;
export const IMAGINED_PATTERN = /\bimagin\w*/i;
export const AUTHOR_PATTERN = /\b(author|author['’]s|Bishara)\b/i;

type Parsed<S extends z.ZodType> = z.infer<S>;

function formatPath(path: readonly PropertyKey[], data: unknown): string {
  let out = "";
  let cursor: unknown = data;
  for (const key of path) {
    if (typeof key === "number") {
      out += `[${key}]`;
      const item: unknown = Array.isArray(cursor) ? cursor[key] : undefined;
      const name = itemName(item);
      if (name) out += ` (${JSON.stringify(name)})`;
      cursor = item;
    } else {
      out += out === "" ? String(key) : `.${String(key)}`;
      cursor = cursor !== null && typeof cursor === "object" ? (cursor as Record<PropertyKey, unknown>)[key] : undefined;
    }
  }
  return out === "" ? "(top level)" : out;
}

function itemName(item: unknown): string | undefined {
  if (item === null || typeof item !== "object") return undefined;
  const record = item as Record<string, unknown>;
  for (const k of ["id", "slug"]) {
    const v = record[k];
    if (typeof v === "string") return v;
  }
  return undefined;
}

function parseFile<S extends z.ZodType>(schema: S, key: keyof RawContent, raw: RawContent, problems: string[]): Parsed<S> | undefined {
  const result = schema.safeParse(raw[key]);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push(`${CONTENT_FILES[key]}: ${formatPath(issue.path, raw[key])}: ${issue.message}`);
  }
  return undefined;
}

/**
 * How a glossary form is found in a block: case-insensitive, and not inside a longer word
 * ("Assad" must not match "ambassador"); the form may be followed by more letters ("drone" in "drones").
 */
export function termPattern(form: string): RegExp {
  const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}`, "iu");
}

/** Compare partial ISO dates ("2001", "2001-06", "2001-06-16") on their common precision. */
export function comparePartialDates(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function validateContent(raw: RawContent): Content {
  const problems: string[] = [];
  const article = parseFile(ArticleSchema, "article", raw, problems);
  const lessonsFile = parseFile(LessonsFileSchema, "lessons", raw, problems);
  const glossaryFile = parseFile(GlossaryFileSchema, "glossary", raw, problems);
  const notesFile = parseFile(ContextNotesFileSchema, "contextNotes", raw, problems);
  const phasesFile = parseFile(PhasesFileSchema, "phases", raw, problems);
  const eventsFile = parseFile(EventsFileSchema, "events", raw, problems);
  if (!article || !lessonsFile || !glossaryFile || !notesFile || !phasesFile || !eventsFile) {
    throw new ContentValidationError(problems);
  }
  const content: Content = {
    article,
    lessons: lessonsFile.lessons,
    glossary: glossaryFile.terms,
    contextNotes: notesFile.notes,
    phases: phasesFile.phases,
    events: eventsFile.events,
  };
  problems.push(...crossCheck(content));
  if (problems.length > 0) throw new ContentValidationError(problems);
  return content;
}

/** Every integrity problem in already-parsed content (empty when all is well). */
export function crossCheck(content: Content): string[] {
  const problems: string[] = [];
  const { article, lessons, glossary, contextNotes, phases, events } = content;
  const A = CONTENT_FILES.article;
  const L = CONTENT_FILES.lessons;
  const G = CONTENT_FILES.glossary;
  const N = CONTENT_FILES.contextNotes;
  const P = CONTENT_FILES.phases;
  const E = CONTENT_FILES.events;
  const at = (list: string, i: number, id: string) => `${list}[${i}] (${JSON.stringify(id)})`;

  // ---- article -------------------------------------------------------------------------
  const blocks = article.blocks;
  const blockIndex = new Map<string, number>();
  blocks.forEach((b, i) => {
    const where = at("blocks", i, b.id);
    if (blockIndex.has(b.id)) problems.push(`${A}: ${where} repeats the id of blocks[${blockIndex.get(b.id)}]`);
    else blockIndex.set(b.id, i);

    const prefix = `${SECTION_PREFIX[b.section]}-`;
    if (!b.id.startsWith(prefix)) problems.push(`${A}: ${where} is in section "${b.section}", so its id must start with "${prefix}"`);
    if (i > 0) {
      const prev = blocks[i - 1];
      if (prev && SECTION_VALUES.indexOf(b.section) < SECTION_VALUES.indexOf(prev.section)) {
        problems.push(`${A}: ${where} is in section "${b.section}" but follows a block of section "${prev.section}"`);
      }
    }
    if ((b.kind === "speech") !== (b.label === "imagined-dialogue")) {
      problems.push(`${A}: ${where} has kind "${b.kind}" and label "${b.label}": only speech blocks are imagined dialogue, and all of them are`);
    }
    if (b.speaker === "Lavrov" && !b.text.startsWith("SL:")) problems.push(`${A}: ${where} has speaker Lavrov but its text does not start with "SL:"`);
    if (b.speaker === "Kerry" && !/^(JK|Kerry):/.test(b.text)) problems.push(`${A}: ${where} has speaker Kerry but its text does not start with "JK:" or "Kerry:"`);
    if (b.kind === "heading") {
      const prev = blocks[i - 1];
      if (prev && prev.section === b.section) problems.push(`${A}: ${where} is a heading but not the first block of its section`);
      if (b.label !== "editorial-note") problems.push(`${A}: ${where} is a heading, so its label must be "editorial-note"`);
    }
    if (b.kind === "related-link" && b.label !== "editorial-note") {
      problems.push(`${A}: ${where} is a related-article link, not a statement: its label must be "editorial-note"`);
    }
    if (b.kind === "page-chrome" && b.display !== false) problems.push(`${A}: ${where} is page chrome and must have display: false`);
    if (b.sentences) {
      const joined = b.sentences.map((s) => s.text).join(" ");
      if (joined !== b.text) problems.push(`${A}: ${where} has sentences that, joined with single spaces, do not reproduce its text`);
      const labels = new Set(b.sentences.map((s) => s.label));
      if (labels.size < 2) problems.push(`${A}: ${where} has sentences that all carry one label; drop "sentences" and use the block label`);
      if (!labels.has(b.label)) problems.push(`${A}: ${where} has dominant label "${b.label}", which none of its sentences carries`);
      if (b.kind === "speech") problems.push(`${A}: ${where} is imagined dialogue and cannot be split into sentences of other kinds`);
    }
  });
  for (const section of SECTION_VALUES) {
    if (!blocks.some((b) => b.section === section)) problems.push(`${A}: no block belongs to section "${section}"`);
  }
  const titleBlock = blocks.find((b) => b.kind === "title");
  if (!titleBlock || titleBlock.text !== article.meta.title) problems.push(`${A}: meta.title must equal the text of the title block`);

  const blockExists = (id: string) => blockIndex.has(id);
  const getBlock = (id: string): Block | undefined => {
    const i = blockIndex.get(id);
    return i === undefined ? undefined : blocks[i];
  };
  const isDisplayed = (b: Block) => b.display !== false;

  // ---- ids unique across the files -----------------------------------------------------
  const owners = new Map<string, string>();
  const claim = (id: string, owner: string) => {
    const other = owners.get(id);
    if (other) problems.push(`${owner} uses the id "${id}", which ${other} already uses`);
    else owners.set(id, owner);
  };
  blocks.forEach((b, i) => claim(b.id, `${A}: ${at("blocks", i, b.id)}`));
  events.forEach((e, i) => claim(e.id, `${E}: ${at("events", i, e.id)}`));
  phases.forEach((p, i) => claim(p.id, `${P}: ${at("phases", i, p.id)}`));
  glossary.forEach((t, i) => claim(t.id, `${G}: ${at("terms", i, t.id)}`));
  contextNotes.forEach((n, i) => claim(n.id, `${N}: ${at("notes", i, n.id)}`));
  const slugs = new Set<string>();
  lessons.forEach((l, i) => {
    if (slugs.has(l.slug)) problems.push(`${L}: ${at("lessons", i, l.slug)} repeats a lesson slug`);
    slugs.add(l.slug);
  });

  const noteIds = new Set(contextNotes.map((n) => n.id));
  const phaseById = new Map(phases.map((p) => [p.id, p]));

  // ---- lessons -------------------------------------------------------------------------
  const lessonOf = new Map<string, string>();
  let previousEnd = -1;
  lessons.forEach((lesson, li) => {
    const where = at("lessons", li, lesson.slug);
    if (!BODY_SECTIONS.includes(lesson.section)) problems.push(`${L}: ${where} covers section "${lesson.section}", which is not a body section`);
    const indices: number[] = [];
    for (const id of lesson.blockIds) {
      const i = blockIndex.get(id);
      const block = getBlock(id);
      if (i === undefined || !block) {
        problems.push(`${L}: ${where} lists block "${id}", which does not exist`);
        continue;
      }
      indices.push(i);
      if (block.section !== lesson.section) problems.push(`${L}: ${where} lists block "${id}" of section "${block.section}", not "${lesson.section}"`);
      const owner = lessonOf.get(id);
      if (owner) problems.push(`${L}: ${where} lists block "${id}", which lesson "${owner}" already covers`);
      else lessonOf.set(id, lesson.slug);
    }
    for (let k = 1; k < indices.length; k++) {
      const here = indices[k];
      const before = indices[k - 1];
      if (here !== undefined && before !== undefined && here !== before + 1) {
        problems.push(`${L}: ${where} blocks are not a contiguous run in article order ("${lesson.blockIds[k - 1]}" is followed by "${lesson.blockIds[k]}")`);
        break;
      }
    }
    const first = indices[0];
    if (first !== undefined && first <= previousEnd) problems.push(`${L}: ${where} starts before the end of the previous lesson; lessons must follow the article`);
    previousEnd = Math.max(previousEnd, ...indices);

    if (lesson.showFrontMatter && li !== 0) problems.push(`${L}: ${where} shows the front matter, which only the first lesson may do`);
    if (lesson.showBackMatter && li !== lessons.length - 1) problems.push(`${L}: ${where} shows the back matter, which only the last lesson may do`);

    const visible = new Set(lesson.blockIds);
    for (const b of blocks) {
      if ((lesson.showFrontMatter && b.section === "front-matter") || (lesson.showBackMatter && b.section === "back-matter")) visible.add(b.id);
    }
    lesson.objectives.forEach((o, oi) => {
      for (const id of o.basedOn) {
        if (!blockExists(id)) problems.push(`${L}: ${where} objectives[${oi}] is based on block "${id}", which does not exist`);
        else if (!visible.has(id)) problems.push(`${L}: ${where} objectives[${oi}] is based on block "${id}", which the lesson does not show`);
      }
      const basis = o.basedOn.map(getBlock).filter((b): b is Block => b !== undefined);
      if (basis.length > 0 && !basis.some(hasFactualContent) && !ATTRIBUTION_PATTERN.test(o.text)) {
        problems.push(`${L}: ${where} objectives[${oi}] is built only on opinion or imagined blocks but does not say so (name the author or say "imagined")`);
      }
    });
    const shown = [...visible].map(getBlock).filter((b): b is Block => b !== undefined && isDisplayed(b));
    if (shown.some((b) => carriesLabel(b, "opinion")) && !AUTHOR_PATTERN.test(lesson.summary)) {
      problems.push(`${L}: ${where} summary covers the author's opinions but never attributes them to the author`);
    }
    if (shown.some((b) => b.label === "imagined-dialogue") && !IMAGINED_PATTERN.test(lesson.summary)) {
      problems.push(`${L}: ${where} summary covers the imagined dialogue but does not say it is imagined`);
    }

    const seenTerms = new Set<string>();
    for (const termId of lesson.glossaryTermIds) {
      if (seenTerms.has(termId)) problems.push(`${L}: ${where} lists glossary term "${termId}" twice`);
      seenTerms.add(termId);
      const term = glossary.find((t) => t.id === termId);
      if (!term) {
        problems.push(`${L}: ${where} lists glossary term "${termId}", which does not exist`);
        continue;
      }
      if (term.inArticle && !term.occurrences.some((id) => visible.has(id))) {
        problems.push(`${L}: ${where} lists glossary term "${termId}", which does not occur in the lesson`);
      }
    }
  });
  blocks.forEach((b, i) => {
    if (BODY_SECTIONS.includes(b.section) && isDisplayed(b) && !lessonOf.has(b.id)) {
      problems.push(`${L}: block ${at("blocks", i, b.id)} of content/article.json is displayed but belongs to no lesson`);
    }
  });

  // ---- glossary ------------------------------------------------------------------------
  glossary.forEach((term, ti) => {
    const where = at("terms", ti, term.id);
    for (const id of term.occurrences) {
      if (!blockExists(id)) problems.push(`${G}: ${where} occurs in block "${id}", which does not exist`);
    }
    const patterns = term.matches.map(termPattern);
    const expected = blocks.filter((b) => patterns.some((p) => p.test(b.text))).map((b) => b.id);
    if (expected.join(",") !== term.occurrences.join(",")) {
      problems.push(`${G}: ${where} lists occurrences [${term.occurrences.join(", ")}], but the blocks containing ${JSON.stringify(term.matches)} are [${expected.join(", ")}]`);
    }
    if (term.inArticle && term.occurrences.length === 0) problems.push(`${G}: ${where} is marked inArticle but occurs nowhere`);
    if (!term.inArticle && !term.note) problems.push(`${G}: ${where} is not in the article, so it needs a note saying why it is defined`);
  });

  // ---- context notes -------------------------------------------------------------------
  contextNotes.forEach((note, ni) => {
    const where = at("notes", ni, note.id);
    const block = getBlock(note.paragraphId);
    if (!block) problems.push(`${N}: ${where} concerns paragraph "${note.paragraphId}", which does not exist`);
    else if (!block.text.includes(note.claim)) problems.push(`${N}: ${where} claim is not quoted exactly from the text of "${note.paragraphId}"`);
    for (const id of note.relatedBlockIds ?? []) {
      if (!blockExists(id)) problems.push(`${N}: ${where} relates to block "${id}", which does not exist`);
    }
  });

  // ---- phases --------------------------------------------------------------------------
  phases.forEach((phase, pi) => {
    const where = at("phases", pi, phase.id);
    if (phase.position !== pi + 1) problems.push(`${P}: ${where} has position ${phase.position}; phases must be listed in order with positions 1, 2, 3, …`);
    const prev = phases[pi - 1];
    if (prev && phase.startYear < prev.startYear) problems.push(`${P}: ${where} starts before the phase listed before it`);
    for (const id of phase.paragraphIds) {
      if (!blockExists(id)) problems.push(`${P}: ${where} cites paragraph "${id}", which does not exist`);
    }
    const basis = phase.paragraphIds.map(getBlock).filter((b): b is Block => b !== undefined);
    if (basis.length > 0 && !basis.some(hasFactualContent) && !ATTRIBUTION_PATTERN.test(phase.summary)) {
      problems.push(`${P}: ${where} summary is built only on opinion or imagined blocks but does not say so`);
    }
  });

  // ---- events --------------------------------------------------------------------------
  events.forEach((event, ei) => {
    const where = at("events", ei, event.id);
    if (event.position !== ei + 1) problems.push(`${E}: ${where} has position ${event.position}; events must be listed in order with positions 1, 2, 3, …`);
    const prev = events[ei - 1];
    if (prev && comparePartialDates(prev.date, event.date) > 0) problems.push(`${E}: ${where} is dated ${event.date}, before the event listed before it (${prev.date})`);
    const phase = phaseById.get(event.phaseId);
    if (!phase) problems.push(`${E}: ${where} belongs to phase "${event.phaseId}", which does not exist`);
    else {
      const year = Number(event.date.slice(0, 4));
      if (year < phase.startYear || year > phase.endYear) {
        problems.push(`${E}: ${where} is dated ${event.date}, outside phase "${phase.id}" (${phase.startYear}–${phase.endYear})`);
      }
    }
    for (const id of event.paragraphIds) {
      if (!blockExists(id)) problems.push(`${E}: ${where} cites paragraph "${id}", which does not exist`);
    }
    for (const id of event.contextNoteIds) {
      if (!noteIds.has(id)) problems.push(`${E}: ${where} refers to context note "${id}", which does not exist`);
    }
    const basis = event.paragraphIds.map(getBlock).filter((b): b is Block => b !== undefined);
    if (basis.length > 0) {
      const factual = basis.some(hasFactualContent);
      const onlyImagined = basis.every((b) => b.label === "imagined-dialogue");
      const expected = factual ? undefined : onlyImagined ? "imagined-dialogue" : "opinion";
      if (event.mentionedOnlyIn !== expected) {
        problems.push(
          expected
            ? `${E}: ${where} is mentioned only in ${expected === "opinion" ? "opinion" : "the imagined dialogue"}, so it needs mentionedOnlyIn: "${expected}"`
            : `${E}: ${where} has mentionedOnlyIn "${event.mentionedOnlyIn}", but it cites reported facts`,
        );
      }
      if (expected === "imagined-dialogue" && !IMAGINED_PATTERN.test(event.description)) {
        problems.push(`${E}: ${where} description must say the article mentions it only in the imagined dialogue`);
      }
      if (expected === "opinion" && !AUTHOR_PATTERN.test(event.description)) {
        problems.push(`${E}: ${where} description must say the article mentions it only in the author's opinion`);
      }
    }
  });

  return problems;
}
