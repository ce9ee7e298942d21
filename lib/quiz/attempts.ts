// Quiz attempts: start (or resume), answer, finish, and the learner's view of one attempt.
// Every function takes the id of the person asking and only ever touches that person's attempts;
// someone else's attempt is "not found", exactly like one that does not exist.
import { isUniqueViolation } from "@/lib/errors";
import { isDeepStrictEqual } from "node:util";
import { db } from "@/lib/db";
import { getLesson, getPhase } from "@/lib/content";
import { builtInParagraphs, currentVersionOfQuestion, findLesson, importedLessonQuestionIds, importedLessonTitles, viewerOf } from "@/lib/articles/lessons";
import { getQuestionBank, getQuestionsForLesson, getQuestionsForPhase } from "./bank";
import { notFound } from "./errors";
import { DomainError } from "@/lib/errors";
import { grade, InvalidResponseError, type GradeFeedback, type GradeResult } from "./grading";
import {
  disguiseQuestion,
  responseFromTokens,
  responseToTokens,
  toPublicQuestion,
  toRevealedQuestion,
  type PublicQuestion,
  type RevealedQuestion,
} from "./public";
import { findQuestions } from "./questions";
import { attemptQuestionSeed } from "./attempt-seed";
import { dueQuestionIds } from "./review";
import { ResponseSchema, type Question, type QuestionResponse } from "./schema";
import { seededShuffle } from "./shuffle";
import { enemiesOf, pickQuestions } from "./pick-questions";
import { attemptTerms, heldQuestionIdsFor, isPractice, revealedIn } from "./reveal-rule";
import { QUIZ_LENGTH, type QuizKind } from "./quiz-length";
import { attemptMarks, isLate } from "@/lib/teacher/lateness";

export { QUIZ_LENGTH, type QuizKind } from "./quiz-length";
export type QuizScope = { kind: QuizKind; scopeId: string | null };

/** `importedTitles`: titles of imported lessons by key (importedLessonTitles), for their lesson quizzes. */
export function quizTitle({ kind, scopeId }: QuizScope, importedTitles: ReadonlyMap<string, string> = new Map()): string {
  if (kind === "LESSON") return `Lesson quiz: ${getLesson(scopeId ?? "")?.title ?? importedTitles.get(scopeId ?? "") ?? scopeId}`;
  if (kind === "PHASE") {
    const phase = getPhase(scopeId ?? "");
    return phase ? `Phase ${phase.position} quiz: ${phase.title}` : `Phase quiz`;
  }
  if (kind === "MIXED") return "Mixed review of the whole article";
  return "Review my mistakes";
}

/** Throws unless the scope names a real lesson the learner may read or a phase (or none, for mixed and review). */
export async function assertScope(userId: string, { kind, scopeId }: QuizScope): Promise<void> {
  if (kind === "LESSON" && !getLesson(scopeId ?? "") && !(await findLesson(await viewerOf(userId), scopeId ?? ""))) {
    throw new DomainError("invalid_input", `There is no lesson “${scopeId}”.`);
  }
  if (kind === "PHASE" && !getPhase(scopeId ?? "")) throw new DomainError("invalid_input", `There is no phase “${scopeId}”.`);
  if ((kind === "MIXED" || kind === "REVIEW") && scopeId !== null) throw new DomainError("invalid_input", "A mixed or review quiz has no scope.");
}

let enemies: Map<string, Set<string>> | undefined;
/** Pairs of built-in questions that give each other away (the bank is fixed, so built once). */
function bankEnemies(): Map<string, Set<string>> {
  enemies ??= enemiesOf(getQuestionBank());
  return enemies;
}

export const ALL_HELD = "Every question of this quiz is in an assignment whose answers are not shown yet: they come back here when your teacher shows them.";

/**
 * The questions of a new attempt, in the order this attempt will ask them. Practice and review
 * leave out the questions the reveal rule holds from this student (decision 0032); an assignment's
 * own attempt asks its questions, and the rule hides their answers in its views.
 */
async function chooseQuestions(userId: string, scope: QuizScope, seed: string, practice: boolean, now: Date): Promise<string[]> {
  const pool = (list: readonly Question[]) => list.map((q) => q.id);
  let ids: string[];
  if (scope.kind === "LESSON") {
    const key = scope.scopeId ?? "";
    const imported = getLesson(key) ? undefined : await findLesson(await viewerOf(userId), key);
    ids = imported?.article ? await importedLessonQuestionIds(imported.article.id, imported.blockIds) : pool(getQuestionsForLesson(key));
  } else if (scope.kind === "PHASE") ids = pool(getQuestionsForPhase(scope.scopeId ?? ""));
  else if (scope.kind === "MIXED") ids = pool(getQuestionBank());
  else {
    // The review queue already leaves held questions out.
    ids = await dueQuestionIds(userId, now, QUIZ_LENGTH.REVIEW);
    if (ids.length === 0) throw new DomainError("conflict", "Nothing to review right now: questions you miss come back here when they are due.");
  }
  if (practice && scope.kind !== "REVIEW" && ids.length > 0) {
    const held = await heldQuestionIdsFor(userId, now);
    ids = ids.filter((id) => !held.has(id));
    if (ids.length === 0) throw new DomainError("conflict", ALL_HELD);
  }
  return pickQuestions(seededShuffle(ids, seed), QUIZ_LENGTH[scope.kind], bankEnemies());
}

/** The columns an attempt's view is built from (its answers and assignment are read apart). */
const ATTEMPT_COLUMNS = {
  id: true,
  kind: true,
  scopeId: true,
  assignmentId: true,
  questionIds: true,
  startedAt: true,
  finishedAt: true,
  score: true,
  revealPolicy: true,
  revealDueAt: true,
} as const;

/** The learner's unfinished attempt at this quiz (its id), or a new one as it was written. */
async function openOrNewAttempt(userId: string, scope: QuizScope, assignmentId: string | null, now = new Date()) {
  await assertScope(userId, scope);
  const open = await db.attempt.findFirst({
    // A retry of missed questions is not this quiz: starting the quiz never resumes one. Nor is
    // the attempt of a deleted assignment (revealPolicy set): it stays under that assignment's rule.
    where: { userId, kind: scope.kind, scopeId: scope.scopeId, assignmentId, retryOfId: null, finishedAt: null, revealPolicy: null },
    orderBy: { startedAt: "desc" },
    select: { id: true },
  });
  if (open) return { resumed: true as const, id: open.id };
  const seed = `${userId}:${scope.kind}:${scope.scopeId}:${Date.now()}:${Math.random()}`;
  const questionIds = await chooseQuestions(userId, scope, seed, assignmentId === null, now);
  if (questionIds.length === 0) throw new DomainError("invalid_input", "This quiz has no questions yet.");
  const attempt = await db.attempt.create({ data: { userId, kind: scope.kind, scopeId: scope.scopeId, assignmentId, questionIds }, select: ATTEMPT_COLUMNS });
  return { resumed: false as const, id: attempt.id, attempt };
}

/** Resumes the learner's unfinished attempt at this quiz, or starts a new one. */
export async function startOrResumeAttempt(userId: string, scope: QuizScope, assignmentId: string | null = null): Promise<{ id: string; resumed: boolean }> {
  const { id, resumed } = await openOrNewAttempt(userId, scope, assignmentId);
  return { id, resumed };
}

/**
 * Like startOrResumeAttempt, with the attempt as its owner sees it. A new attempt's view is built
 * from the row just written (no answers yet) instead of reading it back: two statements fewer on
 * every quiz start.
 */
export async function startAttemptView(userId: string, scope: QuizScope, now = new Date()): Promise<{ resumed: boolean; attempt: AttemptView }> {
  const started = await openOrNewAttempt(userId, scope, null, now);
  if (started.resumed) return { resumed: true, attempt: await getAttemptView(userId, started.id, now) };
  return { resumed: false, attempt: await attemptView(userId, { ...started.attempt, answers: [], assignment: null }, now) };
}

export type AnsweredItem = {
  position: number;
  status: "answered";
  /** Option ids are this attempt's tokens (lib/quiz/public.ts), in the key as in the options. */
  question: RevealedQuestion | PublicQuestion;
  /**
   * Null when results are held back. `feedback` is null when the stored answer no longer fits the
   * question (it was changed since): the score stands as it was recorded, only the marks are gone.
   */
  result: { correct: boolean; score: number; feedback: GradeFeedback | null } | null;
  /** The learner's answer, in the same tokens as the question; null if it no longer parses. */
  response: QuestionResponse | null;
};
export type OpenItem = { position: number; status: "open"; question: PublicQuestion };

export type AttemptView = {
  id: string;
  title: string;
  kind: QuizKind;
  scopeId: string | null;
  startedAt: string;
  finishedAt: string | null;
  score: number | null;
  /**
   * Whether results and explanations are shown: false while the reveal rule holds back any of its
   * questions (decision 0032); `score` is then null too.
   */
  reveal: boolean;
  /** Practice (never an assignment, even a deleted one): may be retried freely. */
  practice: boolean;
  /** Started after the learner's own due date (decision 0036); false for practice. */
  late: boolean;
  /** Counts toward her grade on the assignment; false for practice and a deleted assignment's attempts, which have none. */
  counted: boolean;
  items: (AnsweredItem | OpenItem)[];
};

/** Only assignment attempts need the assignment (on the hot path of every answer, most have none). */
function loadAssignment(userId: string, assignmentId: string | null) {
  if (!assignmentId) return null;
  return db.assignment.findUnique({
    where: { id: assignmentId },
    // The learner's own extension, if any: "after the due date" means after *their* due date.
    select: { reveal: true, dueAt: true, lateWorkCounts: true, afterRevealCounts: true, overrides: { where: { userId }, select: { dueAt: true } } },
  });
}

async function loadOwnAttempt(userId: string, attemptId: string) {
  const attempt = await db.attempt.findFirst({ where: { id: attemptId, userId }, select: { ...ATTEMPT_COLUMNS, answers: true } });
  if (!attempt) throw notFound();
  return { ...attempt, assignment: await loadAssignment(userId, attempt.assignmentId) };
}

function questionIdsOf(attempt: { questionIds: unknown }): string[] {
  return Array.isArray(attempt.questionIds) ? attempt.questionIds.filter((id): id is string => typeof id === "string") : [];
}

/**
 * Feedback on a stored answer, in the attempt's tokens; null when the answer no longer fits the
 * question (an option it names was removed or renamed since). Such an answer keeps its recorded
 * score: it is shown without marks rather than failing the whole view.
 */
function storedFeedback(question: Question, seed: string, authored: QuestionResponse): GradeFeedback | null {
  try {
    return grade(disguiseQuestion(question, seed), responseToTokens(question, seed, authored)).feedback;
  } catch (error) {
    if (error instanceof InvalidResponseError) return null;
    throw error;
  }
}

/** The attempt as its owner sees it: open questions without their keys, answered ones revealed. */
export async function getAttemptView(userId: string, attemptId: string, now = new Date()): Promise<AttemptView> {
  return attemptView(userId, await loadOwnAttempt(userId, attemptId), now);
}

async function attemptView(userId: string, attempt: Awaited<ReturnType<typeof loadOwnAttempt>>, now: Date): Promise<AttemptView> {
  const ids = questionIdsOf(attempt);
  const [questions, shown] = await Promise.all([findQuestions(ids), revealedIn(userId, attemptTerms(attempt), ids, now)]);
  // One held question holds the whole view's marks back: the score and "n of m right" would give it away.
  const reveal = ids.every((id) => shown.has(id));
  const items = ids.flatMap((questionId, position): (AnsweredItem | OpenItem)[] => {
    const question = questions.get(questionId);
    if (!question) return [];
    const seed = attemptQuestionSeed(attempt.id, questionId);
    const answer = attempt.answers.find((a) => a.questionId === questionId);
    if (!answer) return [{ position, status: "open", question: toPublicQuestion(question, seed) }];
    const stored = ResponseSchema.safeParse(answer.response);
    // A stored answer that no longer parses (the response format changed) is shown without marks,
    // never as a crash and never as an answer the learner did not give: its score counts as recorded.
    return [
      {
        position,
        status: "answered",
        response: stored.success ? responseToTokens(question, seed, stored.data) : null,
        question: reveal ? toRevealedQuestion(question, seed) : toPublicQuestion(question, seed),
        result: reveal ? { correct: answer.correct, score: answer.score, feedback: stored.success ? storedFeedback(question, seed, stored.data) : null } : null,
      },
    ];
  });
  return {
    id: attempt.id,
    title: quizTitle({ kind: attempt.kind, scopeId: attempt.scopeId }, await importedLessonTitles([attempt.kind === "LESSON" ? attempt.scopeId : null])),
    kind: attempt.kind,
    scopeId: attempt.scopeId,
    startedAt: attempt.startedAt.toISOString(),
    finishedAt: attempt.finishedAt?.toISOString() ?? null,
    score: reveal ? attempt.score : null,
    reveal,
    practice: isPractice(attempt),
    ...lateAndCounted(attempt),
    items,
  };
}

/** Whether the attempt is late and counts (lib/teacher/lateness.ts), against the learner's own due date. */
function lateAndCounted(attempt: Awaited<ReturnType<typeof loadOwnAttempt>>): { late: boolean; counted: boolean } {
  const { assignment } = attempt;
  if (assignment) {
    const { late, counted } = attemptMarks(attempt.startedAt, assignment.overrides[0]?.dueAt ?? assignment.dueAt, assignment);
    return { late, counted };
  }
  // A deleted assignment left her due date on its attempts; practice has none.
  return { late: attempt.revealDueAt !== null && isLate(attempt.startedAt, attempt.revealDueAt), counted: false };
}

const NOT_ACCEPTED = "The answer is not in a form this question accepts.";

export type AnswerOutcome = {
  /** False when the same answer had already been recorded (a retry): nothing changed. */
  recorded: boolean;
  item: AnsweredItem;
  answered: number;
  total: number;
};

/** Equal as values: PostgreSQL's jsonb hands objects back with their keys reordered (a match answer's pairs). */
function sameResponse(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(a, b);
}

/**
 * Records one answer. Answers are final: sending the same answer again is harmless (a retry after
 * a lost connection), a different answer to an answered question is a conflict.
 */
export async function answerQuestion(userId: string, attemptId: string, questionId: string, rawResponse: unknown, now = new Date()): Promise<AnswerOutcome> {
  // The hot path of every quiz: one read for the attempt and one write for the answer. The answers
  // are only counted, not loaded: a question answered before is caught by the answers' unique key
  // when the write is attempted.
  // The count repeats `attemptId` on purpose: Prisma counts a relation by grouping the whole
  // answers table and joining the result, so without the filter every answer would scan every
  // answer ever given (tests/integration/query-plans.test.ts).
  const attempt = await db.attempt.findFirst({
    where: { id: attemptId, userId },
    select: {
      id: true,
      questionIds: true,
      finishedAt: true,
      assignmentId: true,
      revealPolicy: true,
      revealDueAt: true,
      _count: { select: { answers: { where: { attemptId } } } },
    },
  });
  if (!attempt) throw notFound();
  const ids = questionIdsOf(attempt);
  const position = ids.indexOf(questionId);
  if (position < 0) throw notFound("That question in this attempt");
  if (attempt.finishedAt) throw new DomainError("conflict", "This attempt is finished: its answers can no longer change.");

  const parsed = ResponseSchema.safeParse(rawResponse);
  if (!parsed.success) throw new DomainError("invalid_input", NOT_ACCEPTED);
  const question = (await findQuestions([questionId])).get(questionId);
  if (!question) throw notFound("That question");

  // The learner answers in this attempt's tokens; the database keeps the bank's own ids.
  const seed = attemptQuestionSeed(attempt.id, questionId);
  const tokens = parsed.data;
  const response = responseFromTokens(question, seed, tokens);
  if (!response) throw new DomainError("invalid_input", NOT_ACCEPTED);

  // Graded in tokens, so the feedback (and any error message) names only what the learner saw.
  let result: GradeResult;
  try {
    result = grade(disguiseQuestion(question, seed), tokens);
  } catch (error) {
    if (error instanceof InvalidResponseError) throw new DomainError("invalid_input", error.message);
    throw error;
  }

  // An imported article's question records the version it was asked from (one more read, for those only).
  const articleVersionId = builtInParagraphs(question.paragraphIds) ? null : await currentVersionOfQuestion(questionId);
  let recorded = false;
  try {
    // The answer is the only write: the review schedule is replayed from answers when it is read.
    await db.attemptAnswer.create({
      data: { attemptId, questionId, response, score: result.score, correct: result.correct, answeredAt: now, articleVersionId },
      select: { questionId: true },
    });
    recorded = true;
  } catch (error) {
    // Already answered (a retry, or two copies of one request racing): the same answer is
    // harmless and changes nothing, a different one is a conflict. Nothing was written either way.
    if (!isUniqueViolation(error)) throw error;
    const earlier = await db.attemptAnswer.findUnique({ where: { attemptId_questionId: { attemptId, questionId } }, select: { response: true } });
    if (!earlier || !sameResponse(earlier.response, response)) throw new DomainError("conflict", "This question is already answered; answers are final.");
  }

  const terms = attemptTerms({ ...attempt, assignment: await loadAssignment(userId, attempt.assignmentId) });
  const reveal = (await revealedIn(userId, terms, [questionId], now)).has(questionId);
  return {
    recorded,
    answered: attempt._count.answers + (recorded ? 1 : 0),
    total: ids.length,
    item: {
      position,
      status: "answered",
      response: tokens,
      question: reveal ? toRevealedQuestion(question, seed) : toPublicQuestion(question, seed),
      result: reveal ? { correct: result.correct, score: result.score, feedback: result.feedback } : null,
    },
  };
}

/** Finishes the attempt; unanswered questions count as 0. Finishing twice changes nothing. */
export async function finishAttempt(userId: string, attemptId: string, now = new Date()): Promise<{ score: number; finishedAt: string }> {
  const attempt = await loadOwnAttempt(userId, attemptId);
  if (attempt.finishedAt && attempt.score !== null) return { score: attempt.score, finishedAt: attempt.finishedAt.toISOString() };
  const total = questionIdsOf(attempt).length;
  const score = total === 0 ? 0 : attempt.answers.reduce((sum, a) => sum + a.score, 0) / total;
  // Guarded on finishedAt: a concurrent finish cannot overwrite the first one's timestamp.
  const { count } = await db.attempt.updateMany({ where: { id: attemptId, userId, finishedAt: null }, data: { finishedAt: now, score } });
  if (count === 1) return { score, finishedAt: now.toISOString() };
  const final = await db.attempt.findFirstOrThrow({ where: { id: attemptId, userId }, select: { score: true, finishedAt: true } });
  return { score: final.score ?? score, finishedAt: (final.finishedAt ?? now).toISOString() };
}

/** The questions of a finished attempt that were not answered perfectly (or not at all), in its order. */
export function missedQuestionIds(questionIds: readonly string[], answers: readonly { questionId: string; correct: boolean }[]): string[] {
  return questionIds.filter((id) => !answers.some((a) => a.questionId === id && a.correct));
}

/**
 * "Retry the ones I missed": a new practice attempt over the questions a finished practice attempt
 * missed, graded like any other. Assignment attempts are not retried this way: their attempts
 * are counted and their results may be held back.
 */
export async function startRetryOfMissed(userId: string, attemptId: string, now = new Date()): Promise<{ id: string }> {
  const attempt = await db.attempt.findFirst({
    where: { id: attemptId, userId },
    select: {
      kind: true,
      scopeId: true,
      assignmentId: true,
      revealPolicy: true,
      finishedAt: true,
      questionIds: true,
      answers: { select: { questionId: true, correct: true } },
    },
  });
  if (!attempt) throw notFound();
  if (!isPractice(attempt)) throw new DomainError("conflict", "An assigned quiz is retried from your assignments, not here.");
  if (!attempt.finishedAt) throw new DomainError("conflict", "Finish this quiz first.");
  const missedAll = missedQuestionIds(questionIdsOf(attempt), attempt.answers);
  if (missedAll.length === 0) throw new DomainError("conflict", "You missed nothing in this quiz.");
  // Questions set in an assignment since this quiz are held until its answers are shown (decision 0032).
  const held = await heldQuestionIdsFor(userId, now);
  const missed = missedAll.filter((id) => !held.has(id));
  if (missed.length === 0) throw new DomainError("conflict", ALL_HELD);
  // Pressing Retry again (back on the results page) carries on with the retry already under way.
  const open = await db.attempt.findFirst({ where: { userId, retryOfId: attemptId, finishedAt: null }, select: { id: true } });
  if (open) return open;
  const ids = seededShuffle(missed, `${userId}:${attemptId}:retry:${Date.now()}:${Math.random()}`);
  return db.attempt.create({
    data: { userId, kind: attempt.kind, scopeId: attempt.scopeId, assignmentId: null, retryOfId: attemptId, questionIds: ids },
    select: { id: true },
  });
}
