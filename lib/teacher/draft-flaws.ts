// The item-writing checks (lib/quiz/item-flaws.ts) on a question the teacher is still typing.
// Pure, so the editor runs it in the browser on every keystroke. A draft is incomplete by
// nature: the fields the checks do not read (explanation, an empty prompt, no paragraph chosen
// yet) get placeholders so the schema accepts it, and the tag checks wait for a paragraph.
// First: it must run before the imports below build their schemas (lib/zod-in-browser.ts says why).
import "@/lib/zod-in-browser";
import { questionFlaws, type Flaw, type FlawContext } from "@/lib/quiz/item-flaws";
import { QuestionSchema } from "@/lib/quiz/schema";
import { formToQuestion, type QuestionFormValues } from "./question-form";

export function draftFlaws(values: QuestionFormValues, context: FlawContext = {}): Flaw[] {
  const { candidate } = formToQuestion(values, "t-draft");
  if (!candidate) return [];
  const paragraphIds = Array.isArray(candidate.paragraphIds) ? candidate.paragraphIds : [];
  const chosen = paragraphIds.length > 0;
  const parsed = QuestionSchema.safeParse({
    ...candidate,
    prompt: typeof candidate.prompt === "string" && candidate.prompt !== "" ? candidate.prompt : "-",
    explanation: "-",
    paragraphIds: chosen ? paragraphIds : ["draft"],
  });
  if (!parsed.success) return [];
  return questionFlaws(parsed.data, chosen ? context : { classifySurface: context.classifySurface });
}
