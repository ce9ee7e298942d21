// Teachers' own questions: written from scratch or duplicated from a built-in one, edited and
// retired by their author only. Built-in questions (content/questions.json) are never edited in
// place: "duplicate" makes an editable copy with a new id that remembers where it came from.
//
// A teacher's question must pass what a built-in one passes: QuestionSchema, and the bank's
// integrity checks (paragraphs, phases and events exist; a classify statement is the article's
// exact words with the article's label; a question never presents the author's opinion or the
// imagined dialogue as fact).
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { getQuestion } from "@/lib/quiz/bank";
import { QuestionSchema, type Question } from "@/lib/quiz/schema";
import { notFound } from "./errors";
import { DomainError } from "@/lib/errors";
import { validateTeacherQuestion } from "./question-rules";

export type TeacherQuestionSummary = {
  id: string;
  type: string;
  prompt: string;
  difficulty: number;
  retired: boolean;
  basedOnId: string | null;
  updatedAt: Date;
};

const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** "t-" and 12 random lowercase letters and digits: a valid question id that no built-in uses. */
export function newQuestionId(): string {
  const bytes = randomBytes(12);
  let id = "t-";
  for (const byte of bytes) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  return id;
}

export async function listOwnQuestions(teacherId: string): Promise<TeacherQuestionSummary[]> {
  const rows = await db.question.findMany({
    where: { ownerId: teacherId, source: "TEACHER" },
    orderBy: [{ retiredAt: "asc" }, { updatedAt: "desc" }],
    select: { id: true, type: true, prompt: true, difficulty: true, retiredAt: true, basedOnId: true, updatedAt: true },
  });
  return rows.map(({ retiredAt, ...row }) => ({ ...row, retired: retiredAt !== null }));
}

/** The teacher's own question, or null (also for someone else's and for built-in ones). */
export async function getOwnQuestion(teacherId: string, id: string): Promise<{ summary: TeacherQuestionSummary; question: Question } | null> {
  const row = await db.question.findFirst({
    where: { id, ownerId: teacherId, source: "TEACHER" },
    select: { id: true, type: true, prompt: true, difficulty: true, retiredAt: true, basedOnId: true, updatedAt: true, body: true },
  });
  if (!row) return null;
  const parsed = QuestionSchema.safeParse(row.body);
  if (!parsed.success) return null;
  const summary = {
    id: row.id,
    type: row.type,
    prompt: row.prompt,
    difficulty: row.difficulty,
    retired: row.retiredAt !== null,
    basedOnId: row.basedOnId,
    updatedAt: row.updatedAt,
  };
  return { summary, question: { ...parsed.data, id: row.id } };
}

function requireValid(candidate: unknown): Question {
  const result = validateTeacherQuestion(candidate);
  if (!result.ok) throw new DomainError("invalid_input", "The question needs a few changes before it can be saved.", result.errors);
  return result.question;
}

function columns(question: Question) {
  return { type: question.type, difficulty: question.difficulty, prompt: question.prompt, body: question, paragraphIds: [...question.paragraphIds] };
}

function links(question: Question) {
  return {
    phases: question.phaseIds.map((phaseId) => ({ questionId: question.id, phaseId })),
    events: question.eventIds.map((eventId) => ({ questionId: question.id, eventId })),
  };
}

/** A new question by this teacher. `candidate` is the question without an id (any id is replaced). */
export async function createQuestion(teacherId: string, candidate: Record<string, unknown>, basedOnId: string | null = null): Promise<{ id: string }> {
  const question = requireValid({ ...candidate, id: newQuestionId() });
  const { phases, events } = links(question);
  await db.$transaction(async (tx) => {
    await tx.question.create({ data: { id: question.id, source: "TEACHER", ownerId: teacherId, basedOnId, ...columns(question) } });
    await tx.questionPhase.createMany({ data: phases });
    await tx.questionEvent.createMany({ data: events });
  });
  return { id: question.id };
}

export async function updateQuestion(teacherId: string, id: string, candidate: Record<string, unknown>): Promise<void> {
  const existing = await db.question.findFirst({ where: { id, ownerId: teacherId, source: "TEACHER" }, select: { id: true } });
  if (!existing) throw notFound("question");
  const question = requireValid({ ...candidate, id });
  const { phases, events } = links(question);
  await db.$transaction(async (tx) => {
    await tx.question.update({ where: { id }, data: columns(question) });
    await tx.questionPhase.deleteMany({ where: { questionId: id } });
    await tx.questionEvent.deleteMany({ where: { questionId: id } });
    await tx.questionPhase.createMany({ data: phases });
    await tx.questionEvent.createMany({ data: events });
  });
}

/** Retired questions stay in past attempts and reports but are no longer offered for new assignments. */
export async function setQuestionRetired(teacherId: string, id: string, retired: boolean, now = new Date()): Promise<void> {
  const updated = await db.question.updateMany({ where: { id, ownerId: teacherId, source: "TEACHER" }, data: { retiredAt: retired ? now : null } });
  if (updated.count === 0) throw notFound("question");
}

/** An editable copy of a built-in question, owned by the teacher. */
export async function duplicateBuiltIn(teacherId: string, builtInId: string): Promise<{ id: string }> {
  const original = getQuestion(builtInId);
  if (!original) throw new DomainError("not_found", "There is no built-in question with that id.");
  // The built-in question's waivers justify its own wording, and its enemies are built-in questions
  // the teacher's copy is never asked with: the copy is checked afresh and stands alone.
  const copy: Record<string, unknown> = { ...original };
  delete copy.waivers;
  delete copy.notWith;
  return createQuestion(teacherId, copy, original.id);
}

/** The teacher's questions that may go into a new assignment. */
export async function assignableOwnQuestions(teacherId: string): Promise<{ id: string; prompt: string }[]> {
  return db.question.findMany({
    where: { ownerId: teacherId, source: "TEACHER", retiredAt: null },
    orderBy: { updatedAt: "desc" },
    select: { id: true, prompt: true },
  });
}
