// What the article question pages read: the draft (the owner's only: getDraft refuses anyone else
// as "not found"), the picker's paragraphs and lessons, and the editor's choices and checks.
import { cache } from "react";
import { notFound } from "next/navigation";
import type { PickerBlock, PickerLesson } from "@/components/articles/source-picker";
import { getDraft, lessonKey, type Viewer } from "@/lib/articles/store";
import { ArticleView, toRenderBlock } from "@/lib/articles/view";
import { LABELS } from "@/lib/content/labels";
import { DomainError } from "@/lib/errors";
import type { FlawContext } from "@/lib/quiz/item-flaws";
import { CLASSIFY_CHOICES } from "@/lib/quiz/schema";
import { QUESTION_TYPE_LABELS } from "@/lib/teacher/question-form";

/** The draft for its owner; a 404 for everyone else (the same whether it exists or not). */
export const draftOr404 = cache(async (viewer: Viewer, articleId: string) => {
  try {
    const { article, doc } = await getDraft(viewer, articleId);
    return { article, doc, view: new ArticleView(doc, (lessonId) => lessonKey(article, lessonId)) };
  } catch (error) {
    if (error instanceof DomainError && error.code === "not_found") notFound();
    throw error;
  }
});

/** The shown paragraphs with their place in the lessons, for the source picker. */
export function pickerOf(view: ArticleView): { blocks: PickerBlock[]; lessons: PickerLesson[] } {
  const blocks: PickerBlock[] = [];
  let loose = 0;
  for (const block of view.doc.blocks) {
    if (block.hiddenReason !== undefined) continue;
    const place = view.paragraphPlace(block.id);
    loose += place ? 0 : 1;
    blocks.push({
      id: block.id,
      kind: block.kind,
      label: toRenderBlock(block).label,
      place: place?.label ?? `Outside the lessons, paragraph ${loose}`,
      lessonId: place?.lesson.id ?? "",
      sentences: block.sentences.map((s) => ({ id: s.id, text: s.text, label: s.label })),
    });
  }
  return { blocks, lessons: view.lessons.map((l) => ({ id: l.id, title: l.title, number: l.number })) };
}

/** The editor's choices for this article: its phases and events, the types and labels. */
export function articleEditorChoices(view: ArticleView) {
  const { doc } = view;
  const flawContext: FlawContext = {
    blocks: doc.blocks.map((b) => ({ id: b.id, label: toRenderBlock(b).label })),
    phases: doc.phases.map((p) => ({ id: p.id, title: p.title, paragraphIds: p.blockIds })),
    events: doc.events.map((e) => ({ id: e.id, title: e.title, phaseId: e.phaseId ?? "", paragraphIds: e.blockIds })),
  };
  return {
    typeLabels: { ...QUESTION_TYPE_LABELS },
    labelChoices: CLASSIFY_CHOICES.map((id) => ({ id, label: LABELS[id].name })),
    phases: doc.phases.map((p) => ({ id: p.id, label: `${p.title} (${p.startYear}–${p.endYear})` })),
    events: doc.events.map((e) => ({ id: e.id, label: `${e.title} (${e.date})` })),
    flawContext,
  };
}
