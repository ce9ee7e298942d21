// What the question editor offers to choose from: the article's paragraphs grouped by lesson,
// the phases, the key events, the question types and statement labels.
import { getBlocks, getEvents, getLessonForBlock, getPhases, LABELS } from "@/lib/content";
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
  };
}
