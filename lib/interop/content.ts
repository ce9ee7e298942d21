// The built-in article as the mapping needs it: where each paragraph is ("Lesson 2, paragraph 4"),
// its words, and its phases. Questions in and out of Moodle are about this article.
import { getBlock, getBlocks, getEvents, getParagraphPlace, getPhases } from "@/lib/content";
import { getQuestionBank } from "@/lib/quiz/bank";
import { surfaceProfile, type FlawContext } from "@/lib/quiz/item-flaws";
import { LABELS } from "@/lib/content/labels";
import type { Question } from "@/lib/quiz/schema";
import type { ExportItem, InteropContext, SourceParagraph } from "./model";

let cached: InteropContext | undefined;

export function builtInContext(): InteropContext {
  if (cached) return cached;
  const byPlace = new Map<string, string>();
  for (const block of getBlocks()) {
    const place = getParagraphPlace(block.id);
    if (place) byPlace.set(place.label, block.id);
  }
  const phases = getPhases();
  cached = {
    paragraphAt: (place) => byPlace.get(place),
    hasParagraph: (id) => getParagraphPlace(id) !== undefined,
    phasesOf: (id) => phases.filter((p) => p.paragraphIds.includes(id)).map((p) => p.id),
    labelName: (label) => LABELS[label].name,
  };
  return cached;
}

export function sourcesOf(question: Question): SourceParagraph[] {
  return question.paragraphIds.flatMap((id) => {
    const block = getBlock(id);
    const place = getParagraphPlace(id);
    return block && place ? [{ id, place: place.label, text: block.text }] : [];
  });
}

export function exportItems(questions: readonly Question[]): ExportItem[] {
  return questions.map((question) => ({ question, sources: sourcesOf(question) }));
}

/** What the item-flaw checks read about the built-in article (as the question editor gives them). */
export function builtInFlawContext(): FlawContext {
  return {
    blocks: getBlocks().map((b) => ({ id: b.id, label: b.label })),
    phases: getPhases().map((p) => ({ id: p.id, title: p.title, paragraphIds: p.paragraphIds })),
    events: getEvents().map((e) => ({ id: e.id, title: e.title, phaseId: e.phaseId, paragraphIds: e.paragraphIds, mentionedOnlyIn: e.mentionedOnlyIn })),
    classifySurface: surfaceProfile(getQuestionBank()),
  };
}
