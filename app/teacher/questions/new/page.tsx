import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/guards";
import { EMPTY_QUESTION_FORM } from "@/lib/teacher/question-form";
import { QuestionEditor } from "../editor";
import { editorChoices } from "../editor-data";

export const metadata: Metadata = { title: "Write a question" };

export default async function NewQuestionPage() {
  await requireRole("TEACHER", "/teacher/questions/new");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p className="font-sans text-sm">
        <Link href="/teacher/questions">← Your questions</Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold">Write a question</h1>
        <p className="text-muted">
          Your questions are checked like the built-in ones: they rest on paragraphs of the article, and never present the author’s opinion or the imagined
          dialogue as fact.
        </p>
      </header>
      <QuestionEditor initial={EMPTY_QUESTION_FORM} {...editorChoices()} />
    </div>
  );
}
