/**
 * Questions to and from Moodle for a verified teacher (decision 0046): the built-in bank, her own
 * questions or an assignment's, written as GIFT or Moodle XML; and a file of either read back into
 * her own questions, each checked as one she typed. Questions about her own imported articles rest
 * on that article's sentences, which a Moodle file cannot name: they are listed as left out (the
 * article's JSON download carries them).
 */
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { getQuestion, getQuestionBank, getQuestionsForLesson, getQuestionsForPhase } from "@/lib/quiz/bank";
import { QuestionSchema, type Question } from "@/lib/quiz/schema";
import { getLesson } from "@/lib/content";
import { requireTeaching } from "@/lib/teacher/classes";
import { notFound } from "@/lib/teacher/errors";
import { newQuestionId } from "@/lib/teacher/questions";
import { safeFileName } from "@/lib/teacher/csv";
import { checkImport, type Accepted, type Refused } from "./check";
import { builtInContext, builtInFlawContext, exportItems } from "./content";
import { readGift, writeGift } from "./gift";
import { FORMAT_NAMES, type ExportResult, type InteropFormat, type Skipped } from "./model";
import { readMoodleXml, writeMoodleXml } from "./moodle-xml";

export type QuestionSet = { kind: "bank" } | { kind: "own" } | { kind: "assignment"; classId: string; assignmentId: string };

const ABOUT_ANOTHER_ARTICLE =
  "It is about one of your own articles, whose sentences a Moodle file cannot name: download that article as JSON from its page instead.";

type Collected = { title: string; questions: Question[]; skipped: Skipped[] };

function parseRow(row: { id: string; body: unknown }): Question | null {
  const parsed = QuestionSchema.safeParse(row.body);
  return parsed.success ? { ...parsed.data, id: row.id } : null;
}

async function ownQuestions(teacherId: string): Promise<Collected> {
  const rows = await db.question.findMany({
    where: { ownerId: teacherId, source: "TEACHER", retiredAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, body: true, articleId: true, prompt: true },
  });
  const questions: Question[] = [];
  const skipped: Skipped[] = [];
  for (const row of rows) {
    const question = parseRow(row);
    if (row.articleId !== null) skipped.push({ id: row.id, prompt: row.prompt, reason: ABOUT_ANOTHER_ARTICLE });
    else if (question) questions.push(question);
  }
  return { title: "Your questions", questions, skipped };
}

async function assignmentQuestions(teacherId: string, classId: string, assignmentId: string): Promise<Collected> {
  await requireTeaching(teacherId, classId);
  const assignment = await db.assignment.findFirst({
    where: { id: assignmentId, classId },
    select: { title: true, kind: true, scopeId: true, questionIds: true },
  });
  if (!assignment) throw notFound("assignment");
  const chosen = Array.isArray(assignment.questionIds) ? assignment.questionIds.filter((id): id is string => typeof id === "string") : [];
  const title = `Assignment “${assignment.title}”`;
  if (chosen.length === 0) {
    const scope = assignment.scopeId ?? "";
    if (assignment.kind === "LESSON" && !getLesson(scope))
      return { title, questions: [], skipped: [{ id: scope, prompt: assignment.title, reason: ABOUT_ANOTHER_ARTICLE }] };
    const questions =
      assignment.kind === "LESSON" ? getQuestionsForLesson(scope) : assignment.kind === "PHASE" ? getQuestionsForPhase(scope) : getQuestionBank();
    return { title, questions: [...questions], skipped: [] };
  }
  const rows = await db.question.findMany({
    where: { id: { in: chosen.filter((id) => !getQuestion(id)) } },
    select: { id: true, body: true, articleId: true, prompt: true },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const questions: Question[] = [];
  const skipped: Skipped[] = [];
  for (const id of chosen) {
    const builtIn = getQuestion(id);
    const row = byId.get(id);
    const question = builtIn ?? (row ? parseRow(row) : null);
    if (row?.articleId) skipped.push({ id, prompt: row.prompt, reason: ABOUT_ANOTHER_ARTICLE });
    else if (question) questions.push(question);
  }
  return { title, questions, skipped };
}

export type QuestionFile = ExportResult & { fileName: string; contentType: string };

export async function exportQuestions(teacherId: string, set: QuestionSet, format: InteropFormat): Promise<QuestionFile> {
  const collected =
    set.kind === "bank"
      ? { title: "Built-in questions", questions: [...getQuestionBank()], skipped: [] }
      : set.kind === "own"
        ? await ownQuestions(teacherId)
        : await assignmentQuestions(teacherId, set.classId, set.assignmentId);
  const ctx = builtInContext();
  const items = exportItems(collected.questions);
  const written = format === "gift" ? writeGift(items, collected.title, ctx) : writeMoodleXml(items, collected.title, ctx);
  // Left out before writing (another article's questions) are listed in the file too.
  const skipped = [...collected.skipped, ...written.skipped];
  const note = collected.skipped.map((s) => `${s.id}: ${s.reason}`);
  const text =
    note.length === 0
      ? written.text
      : format === "gift"
        ? `${note.map((n) => `// Not in this file: ${n}`).join("\n")}\n${written.text}`
        : written.text.replace("<quiz>", `<quiz>\n${note.map((n) => `  <!-- Not in this file: ${n.replace(/--/g, "–")} -->`).join("\n")}`);
  const base = safeFileName(`backchannel ${collected.title}`);
  return {
    text,
    written: written.written,
    skipped,
    fileName: `${base}.${format === "gift" ? "gift.txt" : "moodle.xml"}`,
    contentType: format === "gift" ? "text/plain; charset=utf-8" : "application/xml; charset=utf-8",
  };
}

// ---------------------------------------------------------------------------------------------
// Import

/** A file larger than this is not a question bank. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export type ImportReport = {
  format: InteropFormat;
  imported: (Omit<Accepted, "question"> & { id: string; prompt: string })[];
  refused: Refused[];
};

/** Which format a file is in: by its name, else by its first character. */
export function formatOf(fileName: string, text: string): InteropFormat {
  if (/\.xml$/i.test(fileName)) return "moodle-xml";
  if (/\.(gift|txt)$/i.test(fileName)) return "gift";
  return text.trimStart().startsWith("<") ? "moodle-xml" : "gift";
}

/**
 * Brings a GIFT or Moodle XML file into the teacher's own questions. A file that cannot be read
 * is refused whole (line and question named); otherwise every question that passes is saved, in
 * one transaction, and every one that does not is reported with its line and why.
 */
export async function importQuestionsFile(teacherId: string, fileName: string, bytes: Uint8Array): Promise<ImportReport> {
  if (bytes.length === 0) throw new DomainError("invalid_input", "This file is empty.");
  if (bytes.length > MAX_IMPORT_BYTES) throw new DomainError("invalid_input", `This file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is 2 MB.`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new DomainError("invalid_input", "This file is not text in UTF-8. Export it from Moodle again (GIFT or Moodle XML).");
  }
  const format = formatOf(fileName, text);
  const items = format === "gift" ? readGift(text) : readMoodleXml(text);
  if (items.length === 0) throw new DomainError("invalid_input", `This ${FORMAT_NAMES[format]} file has no questions in it.`);
  const { accepted, refused } = checkImport(items, builtInContext(), builtInFlawContext(), newQuestionId);
  if (accepted.length > 0) {
    await db.$transaction(async (tx) => {
      await tx.question.createMany({
        data: accepted.map(({ question }) => ({
          id: question.id,
          source: "TEACHER" as const,
          ownerId: teacherId,
          type: question.type,
          difficulty: question.difficulty,
          prompt: question.prompt,
          body: question,
          paragraphIds: [...question.paragraphIds],
        })),
      });
      await tx.questionPhase.createMany({
        data: accepted.flatMap(({ question }) => question.phaseIds.map((phaseId) => ({ questionId: question.id, phaseId }))),
      });
      await tx.questionEvent.createMany({
        data: accepted.flatMap(({ question }) => question.eventIds.map((eventId) => ({ questionId: question.id, eventId }))),
      });
    });
  }
  return {
    format,
    imported: accepted.map(({ question, ...rest }) => ({ ...rest, id: question.id, prompt: question.prompt })),
    refused,
  };
}
