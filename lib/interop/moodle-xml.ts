/**
 * Moodle XML, Moodle's own full format for questions (https://docs.moodle.org/en/Moodle_XML_format),
 * written and read with fast-xml-parser. Every Backchannel type has a Moodle type here: single and
 * multiple choice → multichoice, true/false → truefalse, match → matching, order → ordering
 * (Moodle 4.4 and later, a plugin before), classify → multichoice over the statement labels.
 */
import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";
import { parseHTML } from "linkedom";
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
  type ReadBody,
  type ReadItem,
  type Skipped,
} from "./model";

// Plain text: Moodle shows it as written (escaped, line breaks kept), so nothing in it is read as HTML.
const plain = (text: string) => ({ "@_format": "plain_text", text });

function choiceAnswers(question: Question, ctx: InteropContext) {
  if (question.type === "classify") {
    return CLASSIFY_CHOICES.map((label) => ({
      "@_fraction": label === question.answer ? "100" : "0",
      ...plain(ctx.labelName(label)),
      feedback: plain(""),
    }));
  }
  if (question.type !== "single" && question.type !== "multiple") return [];
  const correct = question.type === "single" ? [question.answer] : question.answer;
  const wrongCount = question.options.length - correct.length;
  return question.options.map((o) => {
    const right = correct.includes(o.id);
    const fraction = question.type === "single" ? (right ? "100" : "0") : right ? percent(1 / correct.length) : `-${percent(1 / wrongCount)}`;
    return { "@_fraction": fraction, ...plain(o.text), feedback: plain(question.wrongExplanations[o.id] ?? "") };
  });
}

function typeParts(question: Question, ctx: InteropContext): { type: string; parts: Record<string, unknown> } {
  switch (question.type) {
    case "single":
    case "multiple":
    case "classify":
      return {
        type: "multichoice",
        parts: {
          single: question.type === "multiple" ? "false" : "true",
          shuffleanswers: "true",
          answernumbering: "abc",
          answer: choiceAnswers(question, ctx),
        },
      };
    case "true-false":
      return {
        type: "truefalse",
        parts: {
          answer: [
            { "@_fraction": question.answer ? "100" : "0", "@_format": "moodle_auto_format", text: "true", feedback: plain("") },
            { "@_fraction": question.answer ? "0" : "100", "@_format": "moodle_auto_format", text: "false", feedback: plain("") },
          ],
        },
      };
    case "match": {
      const textOf = new Map(question.right.map((r) => [r.id, r.text]));
      const used = new Set(Object.values(question.answer));
      return {
        type: "matching",
        parts: {
          shuffleanswers: "true",
          subquestion: [
            ...question.left.map((l) => ({ ...plain(l.text), answer: { text: textOf.get(question.answer[l.id] ?? "") ?? "" } })),
            // An extra answer that matches nothing: a subquestion with no text, as Moodle writes it.
            ...question.right.filter((r) => !used.has(r.id)).map((r) => ({ ...plain(""), answer: { text: r.text } })),
          ],
        },
      };
    }
    case "order": {
      const textOf = new Map(question.items.map((i) => [i.id, i.text]));
      return {
        type: "ordering",
        parts: {
          layouttype: "VERTICAL",
          selecttype: "ALL",
          selectcount: "0",
          gradingtype: "ABSOLUTE_POSITION",
          showgrading: "SHOW",
          numberingstyle: "none",
          // In the right order; the fraction is each item's place.
          answer: question.answer.map((id, index) => ({ "@_fraction": String(index + 1), ...plain(textOf.get(id) ?? "") })),
        },
      };
    }
  }
}

export function writeMoodleXml(items: readonly ExportItem[], title: string, ctx: InteropContext): ExportResult {
  const skipped: Skipped[] = [];
  const questions: unknown[] = [];
  for (const { question, sources } of items) {
    const reason = cannotWrite(question, "moodle-xml");
    if (reason) {
      skipped.push({ id: question.id, prompt: question.prompt, reason });
      continue;
    }
    const { type, parts } = typeParts(question, ctx);
    questions.push({
      "@_type": type,
      name: { text: nameOf(question) },
      questiontext: plain(questionTextOf(question)),
      generalfeedback: plain(feedbackOf(question, sources)),
      defaultgrade: "1",
      penalty: "0",
      hidden: "0",
      idnumber: question.id,
      ...parts,
      tags: { tag: tagsOf(question).map((text) => ({ text })) },
    });
  }
  const comment = [
    ` ${title.replace(/--/g, "–")}: ${questions.length} question${questions.length === 1 ? "" : "s"} from Backchannel. `,
    ...skipped.map((s) => ` Not in this file: ${s.id}: ${s.reason.replace(/--/g, "–")} `),
  ];
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    format: true,
    indentBy: "  ",
    commentPropName: "#comment",
    suppressEmptyNode: false,
  });
  const body = builder.build({ quiz: { "#comment": comment, question: questions } });
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${body}`, written: questions.length, skipped };
}

// ---------------------------------------------------------------------------------------------
// Reading

type Node = Record<string, unknown>;
const asNode = (value: unknown): Node => (value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Node) : {});
const asList = (value: unknown): Node[] => (Array.isArray(value) ? value.map(asNode) : value === undefined ? [] : [asNode(value)]);
const str = (value: unknown): string => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");

/** HTML (Moodle's default text format) as the words a reader sees, paragraphs and breaks kept as lines. */
export function htmlToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const br of document.querySelectorAll("br")) br.replaceWith("\n");
  for (const block of document.querySelectorAll("p, div, li, blockquote, h1, h2, h3, h4, h5, h6")) block.append("\n\n");
  return (document.body.textContent ?? "")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** A Moodle text element's words: `<x format="…"><text>…</text></x>`. */
function textIn(node: unknown, fallbackFormat = "html"): string {
  const element = asNode(node);
  const text = str(element.text);
  const format = str(element["@_format"]) || fallbackFormat;
  return format === "html" ? htmlToText(text) : text.trim();
}

function bodyOf(question: Node, type: string): ReadBody {
  switch (type) {
    case "multichoice":
      return {
        kind: "choice",
        single: str(question.single).trim() !== "false" && str(question.single).trim() !== "0",
        choices: asList(question.answer).map((a) => ({ text: textIn(a), fraction: Number(str(a["@_fraction"]) || "0"), feedback: textIn(a.feedback) })),
      };
    case "truefalse": {
      const right = asList(question.answer).find((a) => Number(str(a["@_fraction"]) || "0") > 0);
      return { kind: "true-false", answer: textIn(right, "moodle_auto_format").toLowerCase() === "true" };
    }
    case "matching":
      return {
        kind: "match",
        pairs: asList(question.subquestion).map((s) => ({ left: textIn(s), right: textIn(asList(s.answer)[0], "moodle_auto_format") })),
      };
    case "ordering": {
      const answers = asList(question.answer).map((a, index) => ({ text: textIn(a), place: Number(str(a["@_fraction"])), index }));
      // The fraction is each item's place when it numbers them all; otherwise the file's order is the answer.
      const places = answers.map((a) => a.place);
      const numbered = places.every((p) => Number.isFinite(p)) && new Set(places).size === places.length;
      return { kind: "order", items: (numbered ? [...answers].sort((a, b) => a.place - b.place) : answers).map((a) => a.text) };
    }
    default:
      return { kind: "unsupported", typeName: type };
  }
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

/**
 * The questions of a Moodle XML file, each with its line. A file that is not well-formed XML, or
 * not a Moodle `<quiz>`, is refused whole, with the line and the question the error is in.
 */
export function readMoodleXml(text: string): ReadItem[] {
  // Where each <question> starts (in document order), for messages only.
  const starts = [...text.matchAll(/<question[\s>]/g)].map((m) => ({ offset: m.index, line: lineAt(text, m.index) }));
  const checked = XMLValidator.validate(text);
  if (checked !== true) {
    const { line, msg } = checked.err;
    const inQuestion = [...starts].reverse().find((s) => s.line <= line);
    const name = inQuestion ? /<name>\s*<text>([^<]*)<\/text>/.exec(text.slice(inQuestion.offset))?.[1]?.trim() : undefined;
    const where = inQuestion ? ` in the question ${name ? `“${name}” ` : ""}that starts on line ${inQuestion.line}` : "";
    throw new DomainError("invalid_input", `This Moodle XML file cannot be read: line ${line}${where}: ${msg}`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: false,
    isArray: (name) => ["question", "answer", "subquestion", "tag"].includes(name),
  });
  const root = asNode(parser.parse(text) as unknown);
  if (!("quiz" in root)) throw new DomainError("invalid_input", "This file is XML but not Moodle XML: it has no <quiz> element around its questions.");
  const questions = asList(asNode(root.quiz).question);
  return questions.flatMap((question, index) => {
    const type = str(question["@_type"]);
    if (type === "category") return [];
    const name = textIn(question.name, "plain_text") || `question ${index + 1}`;
    return [
      {
        line: starts[index]?.line ?? 0,
        name,
        text: textIn(question.questiontext),
        generalFeedback: textIn(question.generalfeedback),
        tags: asList(asNode(question.tags).tag).map((t) => textIn(t, "plain_text")),
        body: bodyOf(question, type),
      },
    ];
  });
}
