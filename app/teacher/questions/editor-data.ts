// What the question editor offers to choose from: the article's paragraphs grouped by lesson,
// the phases, the key events, the question types and statement labels.
import { getBlocks, getEvents, getLessonForBlock, getPhases, LABELS } from "@/lib/content";
import { getQuestionBank } from "@/lib/quiz/bank";
import { surfaceProfile, type FlawContext } from "@/lib/quiz/item-flaws";
import { CLASSIFY_CHOICES } from "@/lib/quiz/schema";
import { QUESTION_TYPE_LABELS } from "@/lib/teacher/question-form";
import type { PickGroup } from "./editor";

export function editorChoices() {
  const groups = new Map<string, PickGroup>();
  for (const block of getBlocks()) {
    const lesson = getLessonForBlock(block.id)?.lesson;
    if (!lesson) continue;
    const group = groups.get(lesson.slug) ?? { group: `Lesson: ${lesson.title}`, options: [] };
    const text = block.text.length > 70 ? `${block.text.slice(0, 67)}…` : block.text;
    group.options.push({ id: block.id, label: `${block.id} (${LABELS[block.label].name}): ${text}` });
    groups.set(lesson.slug, group);
  }
  return {
    typeLabels: { ...QUESTION_TYPE_LABELS },
    labelChoices: CLASSIFY_CHOICES.map((id) => ({ id, label: LABELS[id].name })),
    paragraphs: [...groups.values()],
    phases: getPhases().map((p) => ({ id: p.id, label: `Phase ${p.position}: ${p.title}` })),
    events: getEvents().map((e) => ({ id: e.id, label: `${e.title} (${e.date})` })),
    flawContext: flawContext(),
  };
}

/** Only what the checks read: no answer keys or explanations go to the browser. */
function flawContext(): FlawContext {
  return {
    blocks: getBlocks().map((b) => ({ id: b.id, label: b.label })),
    phases: getPhases().map((p) => ({ id: p.id, title: p.title, paragraphIds: p.paragraphIds })),
    events: getEvents().map((e) => ({ id: e.id, title: e.title, phaseId: e.phaseId, paragraphIds: e.paragraphIds, mentionedOnlyIn: e.mentionedOnlyIn })),
    classifySurface: surfaceProfile(getQuestionBank()),
  };
}
