/**
 * GIFT, Moodle's text format for questions (https://docs.moodle.org/en/GIFT_format). Written here;
 * read with gift-pegjs, a grammar of the format written apart from this project, whose syntax
 * errors carry a line. GIFT has no ordering type: an order question is listed as left out.
 */
import { parse, SyntaxError as GiftSyntaxError, type GIFTQuestion } from "gift-pegjs";
import { DomainError } from "@/lib/errors";
import { CLASSIFY_CHOICES, type Question } from "@/lib/quiz/schema";
import {
  cannotWrite,
  feedbackOf,
  nameOf,
  percent,
  questionTextOf,
  tagsOf,
  type ExportItem,
  type ExportResult,
  type InteropContext,
  type ReadItem,
  type Skipped,
} from "./model";

/** GIFT's special characters get a backslash; a line break is written `\n` (as Moodle's own export does). */
export function escapeGift(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/[~=#{}:]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, "\\n");
}

function choiceLines(question: Question & { type: "single" | "multiple" }): string[] {
  const correct = question.type === "single" ? [question.answer] : question.answer;
  const wrongCount = question.options.length - correct.length;
  return question.options.map((o) => {
    const right = correct.includes(o.id);
    const why = question.wrongExplanations[o.id];
    const feedback = why ? `#${escapeGift(why)}` : "";
    if (question.type === "single") return `${right ? "=" : "~"}${escapeGift(o.text)}${feedback}`;
    // Several right answers: each right one earns its share, each wrong one takes a share away.
    const weight = right ? percent(1 / correct.length) : `-${percent(1 / wrongCount)}`;
    return `~%${weight}%${escapeGift(o.text)}${feedback}`;
  });
}

function answerLines(question: Question, ctx: InteropContext): string[] {
  switch (question.type) {
    case "single":
    case "multiple":
      return choiceLines(question);
    case "true-false":
      return [question.answer ? "TRUE" : "FALSE"];
    case "match": {
      const textOf = new Map(question.right.map((r) => [r.id, r.text]));
      const used = new Set(Object.values(question.answer));
      return [
        ...question.left.map((l) => `=${escapeGift(l.text)} -> ${escapeGift(textOf.get(question.answer[l.id] ?? "") ?? "")}`),
        // Right-hand items that match nothing: an empty left side, as Moodle writes them.
        ...question.right.filter((r) => !used.has(r.id)).map((r) => `= -> ${escapeGift(r.text)}`),
      ];
    }
    case "classify":
      return classifyLines(question, ctx);
    case "order":
      return [];
  }
}

function classifyLines(question: Question & { type: "classify" }, ctx: InteropContext): string[] {
  return CLASSIFY_CHOICES.map((label) => `${label === question.answer ? "=" : "~"}${escapeGift(ctx.labelName(label))}`);
}

export function writeGift(items: readonly ExportItem[], title: string, ctx: InteropContext): ExportResult {
  const skipped: Skipped[] = [];
  const blocks: string[] = [];
  for (const { question, sources } of items) {
    const reason = cannotWrite(question, "gift");
    if (reason) {
      skipped.push({ id: question.id, prompt: question.prompt, reason });
      continue;
    }
    const meta = `// [id:${question.id}] ${tagsOf(question)
      .map((t) => `[tag:${t}]`)
      .join(" ")}`;
    const body = [...answerLines(question, ctx), `####${escapeGift(feedbackOf(question, sources))}`].map((line) => `\t${line}`);
    blocks.push([meta, `::${escapeGift(nameOf(question))}::${escapeGift(questionTextOf(question))} {`, ...body, "}"].join("\n"));
  }
  const header = [
    `// ${title.replace(/\r?\n/g, " ")}: ${blocks.length} question${blocks.length === 1 ? "" : "s"} from Backchannel, in GIFT for Moodle.`,
    "// Each question's explanation and the paragraphs it rests on are in its general feedback; its tags keep its place in the article.",
    ...(skipped.length > 0 ? [`// Not in this file (${skipped.length}):`, ...skipped.map((s) => `//   ${s.id}: ${s.reason}`)] : []),
  ];
  return { text: `${[header.join("\n"), ...blocks].join("\n\n")}\n`, written: blocks.length, skipped };
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Where each question of the file starts: questions are separated by blank lines; comments are not questions. */
function questionStarts(text: string): { line: number; title: string }[] {
  const lines = text.split(/\r?\n/);
  const starts: { line: number; title: string }[] = [];
  let inQuestion = false;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === "") {
      inQuestion = false;
      return;
    }
    if (line.startsWith("//")) return;
    if (!inQuestion) {
      inQuestion = true;
      const title = /^::((?:\\.|[^:\\])*)::/.exec(line)?.[1]?.replace(/\\(.)/g, "$1") ?? line.slice(0, 60);
      starts.push({ line: index + 1, title });
    }
  });
  return starts;
}

// gift-pegjs swaps escaped characters for placeholders while parsing and restores them, except in a
// matching pair's left side (1.0.2): restored here, the parser's own mapping.
const PLACEHOLDERS: Record<string, string> = { "092": "\\", "058": ":", "035": "#", "061": "=", "123": "{", "125": "}", "126": "~", "010": "\n" };
function restore(text: string): string {
  return text.replace(/&&(092|058|035|061|123|125|126);|&&010/g, (_, code: string | undefined) => PLACEHOLDERS[code ?? "010"] ?? "");
}

function textOf(value: { text: string } | null | undefined): string {
  return restore(value?.text ?? "");
}

function bodyOf(question: GIFTQuestion): ReadItem["body"] | null {
  switch (question.type) {
    case "Category":
      return null;
    case "MC":
      return {
        kind: "choice",
        single: question.choices.some((c) => c.isCorrect),
        choices: question.choices.map((c) => ({
          text: textOf(c.text),
          fraction: c.weight ?? (c.isCorrect ? 100 : 0),
          feedback: textOf(c.feedback),
        })),
      };
    case "TF":
      return { kind: "true-false", answer: question.isTrue };
    case "Matching":
      return { kind: "match", pairs: question.matchPairs.map((p) => ({ left: textOf(p.subquestion), right: restore(p.subanswer) })) };
    default:
      return { kind: "unsupported", typeName: question.type };
  }
}

/**
 * The questions of a GIFT file, each with its line. A file GIFT cannot read is refused whole, with
 * the line and the question the error is in.
 */
export function readGift(text: string): ReadItem[] {
  const starts = questionStarts(text);
  let parsed: GIFTQuestion[];
  try {
    parsed = parse(text);
  } catch (error) {
    if (!(error instanceof GiftSyntaxError) && !(error instanceof Error && "location" in error)) throw error;
    const line = (error as GiftSyntaxError).location.start.line;
    const inQuestion = [...starts].reverse().find((s) => s.line <= line);
    const where = inQuestion ? ` in the question “${inQuestion.title}” (it starts on line ${inQuestion.line})` : "";
    throw new DomainError("invalid_input", `This GIFT file cannot be read: line ${line}${where}: ${(error as Error).message}`);
  }
  // Each parsed question is one block of lines, in order; the lines are only for messages.
  return parsed.flatMap((question, index) => {
    const body = bodyOf(question);
    if (!body || question.type === "Category") return [];
    const start = starts[index];
    return [
      {
        line: start?.line ?? 0,
        name: question.title ?? start?.title ?? `question ${index + 1}`,
        text: textOf(question.stem),
        generalFeedback: "globalFeedback" in question ? textOf(question.globalFeedback) : "",
        tags: question.tags ?? [],
        body,
      },
    ];
  });
}
