"use client";
// The question editor for an imported article: the article's text to pick sources from beside
// the shared editor (app/teacher/questions/editor.tsx), whose form carries the chosen sentences
// and derives the paragraphs its checks and preview read.
import { useMemo } from "react";
import { ChosenSources, SourcePicker, useChosenSentences, type PickerBlock, type PickerLesson } from "@/components/articles/source-picker";
import type { Label } from "@/lib/content/schema";
import type { FlawContext } from "@/lib/quiz/item-flaws";
import type { QuestionFormValues } from "@/lib/teacher/question-form";
import { QuestionEditor, type Pick } from "@/app/teacher/questions/editor";
import { createArticleQuestionAction, updateArticleQuestionAction } from "./actions";

type Props = {
  articleId: string;
  questionId?: string;
  initial: QuestionFormValues;
  initialSentenceIds: string[];
  picker: { blocks: PickerBlock[]; lessons: PickerLesson[] };
  choices: { typeLabels: Record<string, string>; labelChoices: Pick[]; phases: Pick[]; events: Pick[]; flawContext: FlawContext };
};

type Located = { id: string; text: string; label: Label | null; place: string; blockId: string; order: number };

export function ArticleQuestionEditor({ articleId, questionId, initial, initialSentenceIds, picker, choices }: Props) {
  const { ids, selected, toggle, full } = useChosenSentences(initialSentenceIds);
  const where = useMemo(() => {
    const map = new Map<string, Located>();
    let order = 0;
    for (const block of picker.blocks)
      for (const s of block.sentences) map.set(s.id, { id: s.id, text: s.text, label: s.label, place: block.place, blockId: block.id, order: order++ });
    return map;
  }, [picker.blocks]);
  // In article order, as the question's paragraphs are stored.
  const chosen = useMemo(
    () =>
      ids
        .map((id) => where.get(id))
        .filter((s): s is Located => s !== undefined)
        .sort((a, b) => a.order - b.order),
    [ids, where],
  );
  const paragraphIds = useMemo(() => [...new Set(chosen.map((s) => s.blockId))], [chosen]);
  const phaseHint = "The article’s phases it is about (for the mastery reports). Tag only what a student must know to answer.";

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <div className="lg:sticky lg:top-4 lg:self-start">
        <SourcePicker blocks={picker.blocks} lessons={picker.lessons} selected={selected} onToggle={toggle} full={full} />
      </div>
      <QuestionEditor
        questionId={questionId}
        initial={initial}
        {...choices}
        article={{
          action: questionId ? updateArticleQuestionAction : createArticleQuestionAction,
          hidden: { articleId },
          paragraphIds,
          phaseHint,
          sources: (errors) => <ChosenSources chosen={chosen} onRemove={(id) => toggle(id, false)} errors={errors} />,
        }}
      />
    </div>
  );
}
