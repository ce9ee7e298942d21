// The item-writing checks (lib/quiz/item-flaws.ts) on a question the teacher is still typing, and
// the same draft laid out as a student sees it (the editor's preview). Pure, so the editor runs it
// in the browser on every keystroke. A draft is incomplete by nature: the fields the checks do not
// read (explanation, an empty prompt, no paragraph chosen yet) get placeholders so the schema
// accepts it, and the tag checks wait for a paragraph.
// First: it must run before the imports below build their schemas (lib/zod-in-browser.ts says why).
import "@/lib/zod-in-browser";
import { questionFlaws, type Flaw, type FlawContext } from "@/lib/quiz/item-flaws";
import { present, seededArrangement, type PublicQuestion } from "@/lib/quiz/present";
import { QuestionSchema, type Question } from "@/lib/quiz/schema";
import { formToQuestion, type QuestionFormValues } from "./question-form";

/** The draft as a question, with placeholders for what is not written yet; null while it cannot be one. */
function draftQuestion(values: QuestionFormValues, anyKey = false): { question: Question; chosen: boolean; prompted: boolean } | null {
  const { candidate } = formToQuestion(values, "t-draft");
  if (!candidate) return null;
  // The preview shows no key: until a right option is marked, any option stands in for it.
  const first: unknown = Array.isArray(candidate.options) ? candidate.options[0] : undefined;
  const firstId = typeof first === "object" && first !== null && "id" in first && typeof first.id === "string" ? first.id : undefined;
  if (anyKey && firstId && candidate.type === "single" && candidate.answer === "") candidate.answer = firstId;
  if (anyKey && firstId && candidate.type === "multiple" && Array.isArray(candidate.answer) && candidate.answer.length === 0) candidate.answer = [firstId];
  const paragraphIds = Array.isArray(candidate.paragraphIds) ? candidate.paragraphIds : [];
  const chosen = paragraphIds.length > 0;
  const prompted = typeof candidate.prompt === "string" && candidate.prompt !== "";
  const parsed = QuestionSchema.safeParse({
    ...candidate,
    prompt: prompted ? candidate.prompt : "-",
    explanation: "-",
    paragraphIds: chosen ? paragraphIds : ["draft"],
  });
  return parsed.success ? { question: parsed.data, chosen, prompted } : null;
}

export function draftFlaws(values: QuestionFormValues, context: FlawContext = {}): Flaw[] {
  const draft = draftQuestion(values);
  if (!draft) return [];
  return questionFlaws(draft.question, draft.chosen ? context : { classifySurface: context.classifySurface });
}

/**
 * The draft as a student sees it before answering, in a shuffled order as a quiz shows it: no key,
 * no explanation. Null until it has a prompt and what its type needs (options, items, pairs).
 */
export function draftPreview(values: QuestionFormValues): PublicQuestion | null {
  const draft = draftQuestion(values, true);
  if (!draft?.prompted) return null;
  return present(draft.question, seededArrangement("preview"));
}
