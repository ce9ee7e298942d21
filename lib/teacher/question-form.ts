// The question editor's form ↔ a question in the bank's shape (lib/quiz/schema.ts). Pure.
//
// The form keeps every type simple to type:
//   single / multiple   options, one per line; the right one(s) start with "*";
//   true-false          a true/false choice;
//   order               items one per line, in the right order (learners see them shuffled);
//   match               pairs one per line, "left item = right item";
//   classify            the exact words from the article, and their label.
// Ids of options and items are kept from the question being edited when the text is unchanged,
// so the explanations of wrong options and the checks against events.json keep working.
import type { FieldErrors } from "@/lib/auth/validation";
import { QUESTION_TYPES, type Question, type QuestionType } from "@/lib/quiz/schema";

export type QuestionFormValues = {
  type: string;
  prompt: string;
  explanation: string;
  difficulty: string;
  paragraphIds: string[];
  phaseIds: string[];
  eventIds: string[];
  options: string;
  trueFalse: string;
  items: string;
  pairs: string;
  statement: string;
  label: string;
};

export const EMPTY_QUESTION_FORM: QuestionFormValues = {
  type: "single",
  prompt: "",
  explanation: "",
  difficulty: "1",
  paragraphIds: [],
  phaseIds: [],
  eventIds: [],
  options: "",
  trueFalse: "true",
  items: "",
  pairs: "",
  statement: "",
  label: "reported-fact",
};

export const QUESTION_TYPE_LABELS: Readonly<Record<QuestionType, string>> = {
  single: "Single choice",
  multiple: "Multiple select",
  "true-false": "True or false",
  order: "Put in order",
  match: "Match pairs",
  classify: "Classify a statement",
};

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

type Option = { id: string; text: string };

/** Ids for texts: the previous id of the same text if there was one, else the next free `${prefix}N`. */
function assignIds(texts: readonly string[], previous: readonly Option[], prefix: string): Option[] {
  const byText = new Map(previous.map((o) => [o.text, o.id]));
  const used = new Set<string>();
  const out: Option[] = texts.map((text) => {
    const id = byText.get(text);
    if (id && !used.has(id)) {
      used.add(id);
      return { id, text };
    }
    return { id: "", text };
  });
  let n = 1;
  for (const option of out) {
    if (option.id) continue;
    while (used.has(`${prefix}${n}`)) n++;
    option.id = `${prefix}${n}`;
    used.add(option.id);
  }
  return out;
}

function previousOptions(previous: Question | undefined, key: "options" | "items" | "left" | "right"): Option[] {
  if (!previous) return [];
  if (key === "options" && (previous.type === "single" || previous.type === "multiple")) return previous.options;
  if (key === "items" && previous.type === "order") return previous.items;
  if (key === "left" && previous.type === "match") return previous.left;
  if (key === "right" && previous.type === "match") return previous.right;
  return [];
}

/**
 * The question the form describes, ready for QuestionSchema and the integrity checks, or the
 * problems only the form can see (a missing "*", a pair without "=").
 */
export function formToQuestion(form: QuestionFormValues, id: string, previous?: Question): { candidate: Record<string, unknown> | null; errors: FieldErrors } {
  const type = QUESTION_TYPES.find((t) => t === form.type);
  if (!type) return { candidate: null, errors: { type: ["Choose a question type."] } };
  const errors: FieldErrors = {};
  const difficulty = Number(form.difficulty);
  const common = {
    id,
    type,
    difficulty: [1, 2, 3].includes(difficulty) ? difficulty : form.difficulty,
    prompt: form.prompt.trim(),
    explanation: form.explanation.trim(),
    paragraphIds: [...new Set(form.paragraphIds)],
    phaseIds: [...new Set(form.phaseIds)],
    eventIds: [...new Set(form.eventIds)],
    contextNoteIds: previous ? [...previous.contextNoteIds] : [],
  };
  const keepWrongExplanations = (optionIds: readonly string[], rightIds: readonly string[]) => {
    if (!previous || !("wrongExplanations" in previous)) return {};
    return Object.fromEntries(Object.entries(previous.wrongExplanations).filter(([key]) => optionIds.includes(key) && !rightIds.includes(key)));
  };

  switch (type) {
    case "single":
    case "multiple": {
      const raw = lines(form.options);
      const texts = raw.map((line) => line.replace(/^\*\s*/, ""));
      const options = assignIds(texts, previousOptions(previous, "options"), "o");
      const right = options.filter((_, i) => raw[i]?.startsWith("*")).map((o) => o.id);
      if (right.length === 0) errors.options = ["Mark the right option with a * at the start of its line."];
      else if (type === "single" && right.length > 1) errors.options = ["A single-choice question has one right option: mark only one line with *."];
      const answer = type === "single" ? (right[0] ?? "") : right;
      return {
        candidate: {
          ...common,
          options,
          answer,
          wrongExplanations: keepWrongExplanations(
            options.map((o) => o.id),
            right,
          ),
        },
        errors,
      };
    }
    case "true-false":
      if (form.trueFalse !== "true" && form.trueFalse !== "false") errors.trueFalse = ["Choose whether the statement is true or false."];
      return { candidate: { ...common, answer: form.trueFalse === "true" }, errors };
    case "order": {
      const items = assignIds(lines(form.items), previousOptions(previous, "items"), "i");
      return { candidate: { ...common, items, answer: items.map((i) => i.id) }, errors };
    }
    case "match": {
      // "left = right" pairs; a line "= right" adds a right item that matches nothing (a distractor).
      const parsed = lines(form.pairs).map((line) => {
        const at = line.indexOf("=");
        return at < 0 ? null : { left: line.slice(0, at).trim(), right: line.slice(at + 1).trim() };
      });
      if (parsed.some((p) => p === null || !p.right)) {
        errors.pairs = ["Write each pair on its own line as: left item = right item."];
        return { candidate: null, errors };
      }
      const entries = parsed.filter((p): p is { left: string; right: string } => p !== null);
      const pairs = entries.filter((p) => p.left);
      const left = assignIds(
        pairs.map((p) => p.left),
        previousOptions(previous, "left"),
        "l",
      );
      const right = assignIds([...new Set(entries.map((p) => p.right))], previousOptions(previous, "right"), "r");
      const rightId = new Map(right.map((r) => [r.text, r.id]));
      const answer = Object.fromEntries(pairs.map((p, i) => [left[i]?.id ?? "", rightId.get(p.right) ?? ""]));
      return { candidate: { ...common, left, right, answer }, errors };
    }
    case "classify":
      return { candidate: { ...common, statement: form.statement.trim(), answer: form.label }, errors };
  }
}

/** The form pre-filled from a question (to edit it). */
export function questionToForm(question: Question): QuestionFormValues {
  const base: QuestionFormValues = {
    ...EMPTY_QUESTION_FORM,
    type: question.type,
    prompt: question.prompt,
    explanation: question.explanation,
    difficulty: String(question.difficulty),
    paragraphIds: [...question.paragraphIds],
    phaseIds: [...question.phaseIds],
    eventIds: [...question.eventIds],
  };
  switch (question.type) {
    case "single":
      return { ...base, options: question.options.map((o) => `${o.id === question.answer ? "* " : ""}${o.text}`).join("\n") };
    case "multiple":
      return { ...base, options: question.options.map((o) => `${question.answer.includes(o.id) ? "* " : ""}${o.text}`).join("\n") };
    case "true-false":
      return { ...base, trueFalse: String(question.answer) };
    case "order": {
      const text = new Map(question.items.map((i) => [i.id, i.text]));
      return { ...base, items: question.answer.map((id) => text.get(id) ?? id).join("\n") };
    }
    case "match": {
      const right = new Map(question.right.map((r) => [r.id, r.text]));
      const matched = new Set(Object.values(question.answer));
      const pairs = question.left.map((l) => `${l.text} = ${right.get(question.answer[l.id] ?? "") ?? ""}`);
      const distractors = question.right.filter((r) => !matched.has(r.id)).map((r) => `= ${r.text}`);
      return { ...base, pairs: [...pairs, ...distractors].join("\n") };
    }
    case "classify":
      return { ...base, statement: question.statement, label: question.answer };
  }
}

/** Which form field shows a problem found at this path of the question (schema or integrity check). */
export function fieldForPath(type: string, key: string): string {
  if (key === "answer" || key === "wrongExplanations") {
    if (type === "true-false") return "trueFalse";
    if (type === "order") return "items";
    if (type === "match") return "pairs";
    if (type === "classify") return "label";
    return "options";
  }
  if (key === "left" || key === "right") return "pairs";
  if (key === "contextNoteIds") return "form";
  return key;
}
