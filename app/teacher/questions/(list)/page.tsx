import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/guards";
import { builtInView } from "@/lib/articles/built-in";
import { getCrossLessonQuestions, getQuestionsForLesson } from "@/lib/quiz/bank";
import { QUESTION_TYPE_LABELS } from "@/lib/teacher/question-form";
import { listOwnQuestions } from "@/lib/teacher/questions";
import type { QuestionType } from "@/lib/quiz/schema";
import { TableWrapper } from "@/components/form-bits";
import { LocalTime } from "@/components/local-time";
import { QuestionImportForm } from "@/components/teacher/question-import-form";
import { MAX_IMPORT_BYTES } from "@/lib/interop/questions";
import { DuplicateButton, RetireButton } from "../buttons";
import { importQuestionsAction } from "../actions";

const DOWNLOADS = [
  { set: "own", what: "Your questions" },
  { set: "bank", what: "The built-in questions" },
] as const;

export const metadata: Metadata = { title: "Your questions" };

const typeLabel = (type: string) => QUESTION_TYPE_LABELS[type as QuestionType] ?? type;

export default async function QuestionsPage() {
  const teacher = await requireRole("TEACHER", "/teacher/questions");
  const own = await listOwnQuestions(teacher.id);
  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <p className="font-sans text-sm">
          <Link href="/teacher">← Your classes</Link>
        </p>
        <h1 className="text-3xl font-semibold">Your questions</h1>
        <p className="text-muted">
          Write your own questions, or duplicate a built-in one and change it. Built-in questions are never changed. You can choose your questions when you set
          an assignment.
        </p>
        <p>
          <Link href="/teacher/questions/new" className="btn">
            Write a question
          </Link>
        </p>
      </header>

      <section aria-labelledby="own-heading" className="space-y-3">
        <h2 id="own-heading" className="text-2xl font-semibold">
          Written by you ({own.length})
        </h2>
        {own.length === 0 ? (
          <p className="text-muted">None yet.</p>
        ) : (
          <TableWrapper label="Your questions table">
            <table className="w-full text-left font-sans text-sm">
              <caption className="sr-only">Your questions</caption>
              <thead className="bg-paper">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Question
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Type
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Changed
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Status
                  </th>
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {own.map((q) => (
                  <tr key={q.id} className="border-t border-rule align-top">
                    <th scope="row" className="px-3 py-2 font-normal">
                      <Link href={`/teacher/questions/${q.id}`}>{q.prompt}</Link>
                    </th>
                    <td className="px-3 py-2">{typeLabel(q.type)}</td>
                    <td className="whitespace-nowrap px-3 py-2 text-muted">
                      <LocalTime iso={q.updatedAt.toISOString()} withTime={false} />
                    </td>
                    <td className="px-3 py-2">{q.retired ? "Retired" : "In use"}</td>
                    <td className="px-3 py-2">
                      <RetireButton questionId={q.id} retired={q.retired} prompt={q.prompt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrapper>
        )}
      </section>

      <section aria-labelledby="moodle-heading" className="space-y-4">
        <h2 id="moodle-heading" className="text-2xl font-semibold">
          Moodle and other quiz tools
        </h2>
        <p className="text-muted">
          Download questions as GIFT or Moodle XML to import them into Moodle’s question bank, or bring questions in from either. Each question keeps its
          explanation and the paragraphs it rests on in its feedback. GIFT has no ordering type, so ordering questions go only in the Moodle XML file; anything
          a file cannot hold is listed at its top.
        </p>
        <ul className="space-y-2 font-sans">
          {DOWNLOADS.map(({ set, what }) => (
            <li key={set} className="flex flex-wrap items-center gap-x-4 gap-y-2">
              <span className="min-w-48">{what}</span>
              <a href={`/api/v1/teacher/questions/export?set=${set}&format=gift`} download aria-label={`${what} as GIFT`}>
                GIFT
              </a>
              <a href={`/api/v1/teacher/questions/export?set=${set}&format=moodle-xml`} download aria-label={`${what} as Moodle XML`}>
                Moodle XML
              </a>
            </li>
          ))}
        </ul>
        <p className="font-sans text-sm text-muted">An assignment’s questions download from its class page.</p>
        <h3 className="text-lg font-semibold">Bring questions in</h3>
        <p className="text-muted">
          Each question is checked like one you write here, and must name the paragraph it rests on: Backchannel’s own files do; in a file from elsewhere, end
          its general feedback with a line such as “Source: Lesson 2, paragraph 4”. Questions that cannot be brought in are listed with their line and why; the
          others become your questions.
        </p>
        <QuestionImportForm action={importQuestionsAction} maxBytes={MAX_IMPORT_BYTES} />
      </section>

      <section aria-labelledby="bank-heading" className="space-y-3">
        <h2 id="bank-heading" className="text-2xl font-semibold">
          Built-in questions
        </h2>
        <p className="text-muted">Duplicate one to make an editable copy of your own.</p>
        {/* Questions that cite paragraphs of more than one lesson belong to no lesson quiz (they
            come in phase and mixed quizzes), so they get a group of their own. */}
        {[
          ...builtInView().lessons.map((lesson) => ({ key: lesson.key, title: lesson.title, questions: getQuestionsForLesson(lesson.key) })),
          { key: "across-lessons", title: "Across lessons (phase and mixed quizzes)", questions: getCrossLessonQuestions() },
        ].map(({ key, title, questions }) => {
          return (
            <details key={key} className="rounded-lg border border-rule bg-white p-4">
              <summary className="cursor-pointer font-semibold">
                {title} ({questions.length})
              </summary>
              <ul className="mt-3 space-y-2">
                {questions.map((q) => (
                  <li key={q.id} className="flex flex-wrap items-start justify-between gap-3 border-t border-rule pt-2">
                    <span>
                      {q.prompt} <span className="font-sans text-sm text-muted">({typeLabel(q.type)})</span>
                    </span>
                    <DuplicateButton questionId={q.id} prompt={q.prompt} />
                  </li>
                ))}
              </ul>
            </details>
          );
        })}
      </section>
    </div>
  );
}
