// A learner's progress across the app: answers graded so far, mastery per phase and key event,
// and finished quiz scores over time. Two queries, whatever the number of answers.
import { db } from "@/lib/db";
import { getEvents, getPhases } from "@/lib/content";
import { getQuestion, getQuestionBank } from "@/lib/quiz/bank";
import { masteryByEvent, masteryByPhase, type GradedAnswer, type Mastery } from "@/lib/quiz/mastery";
import { quizTitle } from "@/lib/quiz/attempts";
import { importedLessonTitles } from "@/lib/articles/lessons";
import { attemptTerms, heldQuestionIdsFor, shownOf } from "@/lib/quiz/reveal-rule";

/** `articleId`: the imported article a question is about (null for the built-in bank), for mastery there (lib/articles/mastery.ts). */
export type LearnerAnswer = GradedAnswer & { articleId: string | null };

export async function gradedAnswers(userId: string, options: { excludeAttemptId?: string } = {}): Promise<LearnerAnswer[]> {
  const rows = await db.attemptAnswer.findMany({
    where: options.excludeAttemptId ? { attempt: { userId }, attemptId: { not: options.excludeAttemptId } } : { attempt: { userId } },
    select: {
      questionId: true,
      score: true,
      answeredAt: true,
      question: { select: { difficulty: true, articleId: true, phases: { select: { phaseId: true } }, events: { select: { eventId: true } } } },
    },
    orderBy: { answeredAt: "asc" },
  });
  return rows.map((row) => {
    const builtIn = getQuestion(row.questionId);
    return {
      questionId: row.questionId,
      score: row.score,
      answeredAt: row.answeredAt,
      difficulty: builtIn?.difficulty ?? clampDifficulty(row.question.difficulty),
      phaseIds: builtIn?.phaseIds ?? row.question.phases.map((p) => p.phaseId),
      eventIds: builtIn?.eventIds ?? row.question.events.map((e) => e.eventId),
      articleId: row.question.articleId,
    };
  });
}

function clampDifficulty(value: number): 1 | 2 | 3 {
  return value >= 3 ? 3 : value <= 1 ? 1 : 2;
}

export type PhaseMastery = { id: string; position: number; title: string; mastery: Mastery };
export type EventMastery = { id: string; title: string; date: string; phaseId: string; mastery: Mastery };

export function masterySummary(answers: readonly GradedAnswer[]): { phases: PhaseMastery[]; events: EventMastery[] } {
  const bank = getQuestionBank();
  const phases = getPhases();
  const events = getEvents();
  const byPhase = masteryByPhase(
    answers,
    phases.map((p) => p.id),
    bank,
  );
  const byEvent = masteryByEvent(
    answers,
    events.map((e) => e.id),
    bank,
  );
  return {
    phases: phases.flatMap((p) => {
      const mastery = byPhase[p.id];
      return mastery ? [{ id: p.id, position: p.position, title: p.title, mastery }] : [];
    }),
    events: events.flatMap((e) => {
      const mastery = byEvent[e.id];
      return mastery ? [{ id: e.id, title: e.title, date: e.date, phaseId: e.phaseId, mastery }] : [];
    }),
  };
}

export type FinishedQuiz = { id: string; title: string; finishedAt: Date; score: number };

/** The learner's latest finished quizzes with their scores, leaving out those the reveal rule holds back (decision 0032). */
export async function finishedQuizzes(userId: string, limit = 20, now = new Date()): Promise<FinishedQuiz[]> {
  const [attempts, held] = await Promise.all([
    db.attempt.findMany({
      where: { userId, finishedAt: { not: null } },
      orderBy: { finishedAt: "desc" },
      take: limit,
      select: {
        id: true,
        kind: true,
        scopeId: true,
        finishedAt: true,
        score: true,
        retryOfId: true,
        questionIds: true,
        assignmentId: true,
        revealPolicy: true,
        revealDueAt: true,
        assignment: { select: { reveal: true, dueAt: true, overrides: { where: { userId }, select: { dueAt: true } } } },
      },
    }),
    heldQuestionIdsFor(userId, now),
  ]);
  const importedTitles = await importedLessonTitles(attempts.map((a) => (a.kind === "LESSON" ? a.scopeId : null)));
  return attempts
    .flatMap((a) => {
      if (!a.finishedAt) return [];
      const ids = Array.isArray(a.questionIds) ? a.questionIds.filter((id): id is string => typeof id === "string") : [];
      const shown = shownOf(attemptTerms(a), held, ids, now);
      if (!ids.every((id) => shown.has(id))) return [];
      const title = quizTitle({ kind: a.kind, scopeId: a.scopeId }, importedTitles);
      return [{ id: a.id, title: a.retryOfId ? `Retry of missed questions: ${title}` : title, finishedAt: a.finishedAt, score: a.score ?? 0 }];
    })
    .reverse();
}

/**
 * How one attempt moved one phase. `levelChanged` is false when the answers moved the learner
 * towards the next level without reaching it: the page then says "still Familiar", never
 * "Familiar → Familiar".
 */
export type MasteryChange = {
  id: string;
  title: string;
  before: Mastery["level"];
  after: Mastery["level"];
  levelChanged: boolean;
  /** Within the same level, whether the answers moved the learner closer to the next one. */
  closer: boolean;
  mastery: Mastery;
};

/** How an attempt moved the learner's mastery of each phase: without its answers, and with them. */
export async function masteryChangeForAttempt(userId: string, attemptId: string): Promise<MasteryChange[]> {
  const [without, withAll] = await Promise.all([gradedAnswers(userId, { excludeAttemptId: attemptId }), gradedAnswers(userId)]);
  return masteryChanges(without, withAll);
}

/** How much the next step asks for, counted as the words on screen count it. */
function stepsLeft(mastery: Mastery): number {
  const step = mastery.nextStep;
  if (!step) return 0;
  return step.rightAnswers + step.answers + (step.harderQuestion ? 1 : 0) + (step.retention ? 1 : 0);
}

/** The phases whose mastery the extra answers moved (level or progress), level changes first. */
export function masteryChanges(before: readonly GradedAnswer[], after: readonly GradedAnswer[]): MasteryChange[] {
  const was = masterySummary(before);
  const now = masterySummary(after);
  const changes = now.phases.flatMap((phase) => {
    const previous = was.phases.find((p) => p.id === phase.id);
    if (!previous || (previous.mastery.level === phase.mastery.level && previous.mastery.progress === phase.mastery.progress)) return [];
    return [
      {
        id: phase.id,
        title: `Phase ${phase.position}: ${phase.title}`,
        before: previous.mastery.level,
        after: phase.mastery.level,
        levelChanged: previous.mastery.level !== phase.mastery.level,
        closer: stepsLeft(phase.mastery) < stepsLeft(previous.mastery),
        mastery: phase.mastery,
      },
    ];
  });
  return [...changes.filter((c) => c.levelChanged), ...changes.filter((c) => !c.levelChanged)];
}
