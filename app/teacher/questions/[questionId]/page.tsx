import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FormMessage } from "@/components/form-field";
import { requireRole } from "@/lib/auth/guards";
import { getQuestion } from "@/lib/quiz/bank";
import { questionToForm } from "@/lib/teacher/question-form";
import { QuestionEditor } from "../editor";
import { editorChoices } from "../editor-data";
import { RetireButton } from "../buttons";
import { ownQuestion } from "./data";

export const metadata: Metadata = { title: "Edit a question" };

export default async function EditQuestionPage({ params, searchParams }: PageProps<"/teacher/questions/[questionId]">) {
  const { questionId } = await params;
  const teacher = await requireRole("TEACHER", `/teacher/questions/${questionId}`);
  const own = await ownQuestion(teacher.id, questionId);
  if (!own) notFound();
  const query = await searchParams;
  const basedOn = own.summary.basedOnId ? getQuestion(own.summary.basedOnId) : undefined;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p className="font-sans text-sm">
        <Link href="/teacher/questions">← Your questions</Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold">Edit a question</h1>
        {query.copied ? <FormMessage tone="success" message="Copied. Edit your copy below; the built-in question stays as it is." /> : null}
        {query.saved ? <FormMessage tone="success" message="Saved." /> : null}
        {basedOn ? <p className="text-muted">Your copy of the built-in question “{basedOn.prompt}”.</p> : null}
        {own.summary.retired ? <p className="text-muted">Retired: not offered for new assignments.</p> : null}
        <RetireButton questionId={own.summary.id} retired={own.summary.retired} prompt={own.summary.prompt} />
      </header>
      <QuestionEditor questionId={own.summary.id} initial={questionToForm(own.question)} {...editorChoices()} />
    </div>
  );
}
