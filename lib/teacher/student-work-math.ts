// What a teacher reads about one student's work: their answer in words, the time an attempt took,
// and how far they read a lesson. Pure, unit-tested in student-work-math.test.ts.
import { LABELS } from "@/lib/content/labels";
import { percentRead } from "@/lib/progress/percent";
import type { Option, Question, QuestionResponse } from "@/lib/quiz/schema";

const textOf = (options: readonly Option[], id: string) => options.find((o) => o.id === id)?.text ?? id;

/** The student's answer as a sentence a teacher can read next to the right one. */
export function describeResponse(question: Question, response: QuestionResponse): string {
  if (question.type === "single" && response.type === "single") return textOf(question.options, response.choice);
  if (question.type === "multiple" && response.type === "multiple") {
    // In the question's own order, so it lines up with the answer key.
    const chosen = new Set(response.choices);
    return (
      question.options
        .filter((o) => chosen.has(o.id))
        .map((o) => o.text)
        .join("; ") || "nothing chosen"
    );
  }
  if (question.type === "true-false" && response.type === "true-false") return response.value ? "True" : "False";
  if (question.type === "order" && response.type === "order") return response.order.map((id) => textOf(question.items, id)).join(" → ");
  if (question.type === "match" && response.type === "match") {
    return question.left
      .map((left) => {
        const right = response.pairs[left.id];
        return `${left.text}: ${right === undefined ? "not matched" : textOf(question.right, right)}`;
      })
      .join("; ");
  }
  if (question.type === "classify" && response.type === "classify") {
    return response.label in LABELS ? LABELS[response.label as keyof typeof LABELS].name : response.label;
  }
  return "an answer of another kind";
}

/** "4 min 5 s", "1 h 2 min", "40 s"; null while the attempt is open. */
export function formatDuration(startedAt: Date, finishedAt: Date | null): string | null {
  if (!finishedAt) return null;
  const seconds = Math.max(0, Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export type ReadingState = { state: "read" | "reading" | "not-started"; percent: number };

/** Where a student stands with a lesson's reading, from their LessonProgress row (lib/progress decides what "read" is). */
export function readingState(blockIds: readonly string[], row: { readAt: Date | null; lastParagraphId: string | null } | undefined): ReadingState {
  if (!row) return { state: "not-started", percent: 0 };
  const read = row.readAt !== null;
  const percent = percentRead(blockIds, row.lastParagraphId, read);
  if (read) return { state: "read", percent };
  return percent > 0 ? { state: "reading", percent } : { state: "not-started", percent: 0 };
}

export function readingLabel(reading: ReadingState): string {
  if (reading.state === "read") return "Read";
  if (reading.state === "reading") return `Read ${reading.percent}%`;
  return "Not started reading";
}
