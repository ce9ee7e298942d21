// Mastery of a phase or key event, from the learner's graded answers. Pure: the DB layer passes
// the answers (with each question's phases, events and difficulty) and shows the result.
//
// The rule (docs/decisions/0006-mastery-and-review.md):
// - Only the latest answer to each question counts towards accuracy, so a mistake that has
//   been put right stops counting against the learner, and a question answered right once and
//   wrong later counts as not known.
// - A question counts as "correct" only with a perfect answer (score 1); partial credit helps
//   the review schedule, not mastery.
// - Levels, each including the ones before:
//     attempted   at least 1 question answered;
//     familiar    at least 2 questions, at least 50 % correct;
//     proficient  at least 4 questions, at least 75 % correct, and one of the correct ones at
//                 difficulty 2 (understanding) or above;
//     mastered    at least 6 questions, at least 90 % correct, one of the correct ones at
//                 difficulty 3 (analysis), and retention: one question answered correctly at
//                 least a day after an earlier answer to it (a retry or a spaced review).
// - Given the bank, the question counts and difficulties are capped at what the scope offers:
//   a key event with three recall questions can still be mastered (all three right, one of them
//   again a day later) instead of stalling below a bar no learner could reach.
// Forgetting is not modelled here: the FSRS review queue (scheduling.ts) brings questions back.

export type Difficulty = 1 | 2 | 3;

export type GradedAnswer = {
  questionId: string;
  phaseIds: readonly string[];
  eventIds: readonly string[];
  difficulty: Difficulty;
  /** 0..1, from grade(). */
  score: number;
  answeredAt: Date;
};

export const MASTERY_LEVEL_IDS = ["not-started", "attempted", "familiar", "proficient", "mastered"] as const;
export type MasteryLevel = (typeof MASTERY_LEVEL_IDS)[number];

export const MASTERY_LEVELS: Readonly<Record<MasteryLevel, { label: string; description: string }>> = {
  "not-started": {
    label: "Not started",
    description: "No questions answered yet.",
  },
  attempted: {
    label: "Attempted",
    description: "You have answered at least one question.",
  },
  familiar: {
    label: "Familiar",
    description: "At least 2 questions answered, half or more of them right.",
  },
  proficient: {
    label: "Proficient",
    description: "At least 4 questions answered, three in four right, including one that asks for understanding, not only recall.",
  },
  mastered: {
    label: "Mastered",
    description: "At least 6 questions answered, nine in ten right, including an analysis question, and a question answered right again at least a day later.",
  },
};

export type Mastery = {
  level: MasteryLevel;
  /** The level to work towards; null once mastered. */
  nextLevel: MasteryLevel | null;
  /** Distinct questions answered. */
  answered: number;
  /** Distinct questions whose latest answer was perfect. */
  correct: number;
  /** correct / answered, 0 when nothing is answered. */
  correctShare: number;
  /** 0..1 towards nextLevel: the mean of how far each of its requirements is met (1 once mastered). */
  progress: number;
  /** What is still missing for nextLevel, in countable steps; null once mastered. */
  nextStep: NextStep | null;
};

/**
 * What the learner still needs for the next level. `rightAnswers` counts right answers to new
 * questions or to ones missed before (only the latest answer to a question counts, so putting a
 * mistake right raises the share of right answers).
 */
export type NextStep = {
  level: Exclude<MasteryLevel, "not-started">;
  /** More right answers needed; 0 when only the conditions below are missing. */
  rightAnswers: number;
  /** More answers needed, right or wrong (only "attempted" asks for an answer of any kind). */
  answers: number;
  /** One right answer must be to a question at least this difficult; null when that is met. */
  harderQuestion: Difficulty | null;
  /** A question must still be answered right again a day or more after an earlier answer. */
  retention: boolean;
};

/** The bank's questions, as far as mastery needs them (a schema Question fits). */
export type BankQuestion = {
  id: string;
  phaseIds: readonly string[];
  eventIds: readonly string[];
  difficulty: Difficulty;
};

/** What the bank offers in one scope. */
export type ScopeCapacity = { questions: number; hardestDifficulty: Difficulty };

/** An earlier answer at least this long before a correct re-answer shows the learner retained it. */
export const RETENTION_GAP_MS = 24 * 60 * 60 * 1000;

type Requirement = {
  level: Exclude<MasteryLevel, "not-started">;
  minQuestions: number;
  minCorrectShare: number;
  /** The hardest correctly answered question must be at least this difficult (0: any). */
  minCorrectDifficulty: number;
  needsRetention: boolean;
};

/** In level order; each level's requirements imply the previous level's. */
const REQUIREMENTS: readonly Requirement[] = [
  { level: "attempted", minQuestions: 1, minCorrectShare: 0, minCorrectDifficulty: 0, needsRetention: false },
  { level: "familiar", minQuestions: 2, minCorrectShare: 0.5, minCorrectDifficulty: 0, needsRetention: false },
  { level: "proficient", minQuestions: 4, minCorrectShare: 0.75, minCorrectDifficulty: 2, needsRetention: false },
  { level: "mastered", minQuestions: 6, minCorrectShare: 0.9, minCorrectDifficulty: 3, needsRetention: true },
];

/** What the answers in one scope show. */
type Evidence = {
  answered: number;
  correct: number;
  correctShare: number;
  hardestCorrect: 0 | Difficulty;
  retained: boolean;
};

/**
 * Mastery for each phase id (every id gets an entry, "not-started" when nothing was answered).
 * Pass the bank to cap the requirements at what each phase offers.
 */
export function masteryByPhase(answers: readonly GradedAnswer[], phaseIds: readonly string[], bank?: readonly BankQuestion[]): Record<string, Mastery> {
  return masteryByScope("phaseIds", answers, phaseIds, bank);
}

/** Mastery for each key event id, as masteryByPhase. */
export function masteryByEvent(answers: readonly GradedAnswer[], eventIds: readonly string[], bank?: readonly BankQuestion[]): Record<string, Mastery> {
  return masteryByScope("eventIds", answers, eventIds, bank);
}

/** Mastery shown by a set of answers that all belong to one scope, within what the scope offers. */
export function assessMastery(answers: readonly GradedAnswer[], capacity?: ScopeCapacity): Mastery {
  const evidence = gatherEvidence(answers);
  const requirements = capacity ? REQUIREMENTS.map((requirement) => withinCapacity(requirement, capacity)) : REQUIREMENTS;
  // Levels are climbed in order: the first unmet requirement is the next level.
  const firstUnmet = requirements.findIndex((requirement) => !isMet(requirement, evidence));
  const levelsMet = firstUnmet === -1 ? requirements.length : firstUnmet;
  const next = requirements[levelsMet];
  const level = requirements[levelsMet - 1]?.level ?? "not-started";
  return {
    level,
    nextLevel: next?.level ?? null,
    answered: evidence.answered,
    correct: evidence.correct,
    correctShare: evidence.correctShare,
    progress: next ? progressTowards(next, evidence) : 1,
    nextStep: next ? stepTowards(next, evidence) : null,
  };
}

const DIFFICULTY_WORDS: Record<Difficulty, string> = { 1: "a recall question", 2: "an understanding question", 3: "an analysis question" };

/**
 * The next step in plain words: "2 more right answers to reach Proficient". When a condition other
 * than the count is missing (a harder question, a day's gap), it says so instead of a number that
 * would never be enough on its own.
 */
export function describeNextStep(step: NextStep): string {
  const target = MASTERY_LEVELS[step.level].label;
  const retention = "a question answered right again a day or more after your first try";
  let text: string;
  if (step.answers > 0) return `Answer ${step.answers === 1 ? "1 question" : `${step.answers} questions`} to reach ${target}`;
  if (step.rightAnswers > 0) {
    text = step.rightAnswers === 1 ? "1 more right answer" : `${step.rightAnswers} more right answers`;
    if (step.harderQuestion) text += ` (one to ${DIFFICULTY_WORDS[step.harderQuestion]})`;
  } else if (step.harderQuestion) {
    text = `A right answer to ${DIFFICULTY_WORDS[step.harderQuestion]}`;
  } else {
    return `To reach ${target}: ${retention}`;
  }
  return step.retention ? `${text} to reach ${target}, and ${retention}` : `${text} to reach ${target}`;
}

/**
 * The fewest right answers that meet the requirement's count and share. New questions are only
 * added while the count is short: a right answer to a missed question raises the share more than
 * one to a new question, and putting every mistake right brings the share to 100 %.
 */
function stepTowards(requirement: Requirement, evidence: Evidence): NextStep {
  const newQuestions = Math.max(0, requirement.minQuestions - evidence.answered);
  const harderQuestion = evidence.hardestCorrect >= requirement.minCorrectDifficulty ? null : toDifficulty(requirement.minCorrectDifficulty);
  const retention = requirement.needsRetention && !evidence.retained;
  if (requirement.minCorrectShare === 0) return { level: requirement.level, rightAnswers: 0, answers: newQuestions, harderQuestion, retention };
  const answered = evidence.answered + newQuestions;
  let correct = evidence.correct + newQuestions;
  let rightAnswers = newQuestions;
  while (correct < answered && correct / answered < requirement.minCorrectShare) {
    correct++;
    rightAnswers++;
  }
  return { level: requirement.level, rightAnswers, answers: 0, harderQuestion, retention };
}

/** Mastery counts only perfect answers as correct. */
export function isCorrectScore(score: number): boolean {
  return score >= 1;
}

function masteryByScope(
  key: "phaseIds" | "eventIds",
  answers: readonly GradedAnswer[],
  ids: readonly string[],
  bank: readonly BankQuestion[] | undefined,
): Record<string, Mastery> {
  return Object.fromEntries(
    ids.map((id) => {
      const inScope = (item: Pick<BankQuestion, typeof key>) => item[key].includes(id);
      return [id, assessMastery(answers.filter(inScope), bank && capacityOf(bank.filter(inScope)))];
    }),
  );
}

/** The capacity of a scope's questions; undefined for an empty scope, which keeps the full rule. */
export function capacityOf(questions: readonly BankQuestion[]): ScopeCapacity | undefined {
  if (questions.length === 0) return undefined;
  const hardestDifficulty = questions.reduce<Difficulty>((hardest, q) => (q.difficulty > hardest ? q.difficulty : hardest), 1);
  return { questions: questions.length, hardestDifficulty };
}

// Capping keeps the levels in order: each capped requirement still implies the one before.
function withinCapacity(requirement: Requirement, capacity: ScopeCapacity): Requirement {
  return {
    ...requirement,
    minQuestions: Math.min(requirement.minQuestions, capacity.questions),
    minCorrectDifficulty: Math.min(requirement.minCorrectDifficulty, capacity.hardestDifficulty),
  };
}

function gatherEvidence(answers: readonly GradedAnswer[]): Evidence {
  const byQuestion = groupByQuestion(answers);
  let correct = 0;
  let hardestCorrect: Evidence["hardestCorrect"] = 0;
  let retained = false;
  for (const questionAnswers of byQuestion.values()) {
    const latest = latestAnswer(questionAnswers);
    if (!isCorrectScore(latest.score)) continue;
    correct++;
    if (latest.difficulty > hardestCorrect) hardestCorrect = latest.difficulty;
    retained ||= questionAnswers.some((earlier) => latest.answeredAt.getTime() - earlier.answeredAt.getTime() >= RETENTION_GAP_MS);
  }
  const answered = byQuestion.size;
  return { answered, correct, correctShare: answered === 0 ? 0 : correct / answered, hardestCorrect, retained };
}

// Map.groupBy would do, but needs Node 21 and package.json allows Node 20.9.
function groupByQuestion(answers: readonly GradedAnswer[]): Map<string, GradedAnswer[]> {
  const groups = new Map<string, GradedAnswer[]>();
  for (const answer of answers) {
    const group = groups.get(answer.questionId);
    if (group) group.push(answer);
    else groups.set(answer.questionId, [answer]);
  }
  return groups;
}

/** The most recent answer; on equal times the later one in the list (the order they were saved). */
function latestAnswer(history: readonly GradedAnswer[]): GradedAnswer {
  return history.reduce((latest, answer) => (answer.answeredAt.getTime() >= latest.answeredAt.getTime() ? answer : latest));
}

function isMet(requirement: Requirement, evidence: Evidence): boolean {
  return (
    evidence.answered >= requirement.minQuestions &&
    evidence.correctShare >= requirement.minCorrectShare &&
    evidence.hardestCorrect >= requirement.minCorrectDifficulty &&
    (evidence.retained || !requirement.needsRetention)
  );
}

/** The mean of how far each requirement is met; a yes/no requirement counts 0 or 1. */
function toDifficulty(value: number): Difficulty {
  return value >= 3 ? 3 : value >= 2 ? 2 : 1;
}

function progressTowards(requirement: Requirement, evidence: Evidence): number {
  const parts = [Math.min(1, evidence.answered / requirement.minQuestions)];
  if (requirement.minCorrectShare > 0) parts.push(Math.min(1, evidence.correctShare / requirement.minCorrectShare));
  if (requirement.minCorrectDifficulty > 0) parts.push(evidence.hardestCorrect >= requirement.minCorrectDifficulty ? 1 : 0);
  if (requirement.needsRetention) parts.push(evidence.retained ? 1 : 0);
  return parts.reduce((sum, part) => sum + part, 0) / parts.length;
}
