import { describe, expect, it } from "vitest";
import { getQuestionBank } from "./bank";
import {
  assessMastery,
  capacityOf,
  describeNextStep,
  MASTERY_LEVEL_IDS,
  MASTERY_LEVELS,
  masteryByEvent,
  masteryByPhase,
  RETENTION_GAP_MS,
  type Difficulty,
  type GradedAnswer,
} from "./mastery";

const DAY = 24 * 60 * 60 * 1000;
const start = new Date("2026-03-02T09:00:00Z");
const at = (minutes: number) => new Date(start.getTime() + minutes * 60 * 1000);

function answer(questionId: string, score: number, options: { difficulty?: Difficulty; at?: Date; phases?: string[]; events?: string[] } = {}): GradedAnswer {
  return {
    questionId,
    phaseIds: options.phases ?? ["phase-rapport"],
    eventIds: options.events ?? ["slovenia-summit"],
    difficulty: options.difficulty ?? 1,
    score,
    answeredAt: options.at ?? start,
  };
}

/** n distinct questions answered at the given difficulty, all with the same score, a minute apart. */
function answers(n: number, score: number, difficulty: Difficulty = 1, prefix = "q"): GradedAnswer[] {
  return Array.from({ length: n }, (_, i) => answer(`${prefix}-${i}`, score, { difficulty, at: at(i) }));
}

describe("assessMastery: levels", () => {
  it("is not started without answers, working towards attempted", () => {
    expect(assessMastery([])).toEqual({
      level: "not-started",
      nextLevel: "attempted",
      answered: 0,
      correct: 0,
      correctShare: 0,
      progress: 0,
      nextStep: { level: "attempted", rightAnswers: 0, answers: 1, harderQuestion: null, retention: false },
    });
  });

  it("is attempted after one answer, right or wrong", () => {
    expect(assessMastery([answer("q-1", 0)]).level).toBe("attempted");
    expect(assessMastery([answer("q-1", 1)]).level).toBe("attempted");
  });

  it("is familiar with 2 questions and half right", () => {
    expect(assessMastery([answer("q-1", 1), answer("q-2", 0)])).toMatchObject({ level: "familiar", answered: 2, correct: 1, correctShare: 0.5 });
  });

  it("stays attempted with 2 questions and none right", () => {
    expect(assessMastery(answers(2, 0)).level).toBe("attempted");
  });

  it("is proficient with 4 questions, 3 right, one of them difficulty 2", () => {
    const result = assessMastery([...answers(2, 1), answer("hard", 1, { difficulty: 2 }), answer("miss", 0)]);
    expect(result).toMatchObject({ level: "proficient", answered: 4, correct: 3, correctShare: 0.75, nextLevel: "mastered" });
  });

  it("is not proficient when only the recall questions were right", () => {
    const result = assessMastery([...answers(4, 1, 1), answer("hard", 0, { difficulty: 2 })]);
    expect(result.level).toBe("familiar");
  });

  it("is not proficient when the difficulty-2 question was answered wrong", () => {
    expect(assessMastery([...answers(3, 1), answer("hard", 0, { difficulty: 3 })]).level).toBe("familiar");
  });

  const masteredBase = [...answers(5, 1, 1), answer("analysis", 1, { difficulty: 3, at: at(10) })];

  it("is mastered with 6 right, an analysis question and a correct re-answer a day later", () => {
    const retry = answer("q-0", 1, { at: new Date(start.getTime() + DAY) });
    expect(assessMastery([...masteredBase, retry])).toMatchObject({ level: "mastered", nextLevel: null, progress: 1, answered: 6, correct: 6 });
  });

  it("counts a wrong answer put right a day later (a spaced review) as retention", () => {
    const history = [...masteredBase.slice(1), answer("q-0", 0, { at: start }), answer("q-0", 1, { at: new Date(start.getTime() + 2 * DAY) })];
    expect(assessMastery(history).level).toBe("mastered");
  });

  it("is not mastered without retention, however good the rest", () => {
    const sameDayRetry = answer("q-0", 1, { at: new Date(start.getTime() + RETENTION_GAP_MS - 1) });
    const result = assessMastery([...masteredBase, sameDayRetry]);
    expect(result.level).toBe("proficient");
    // Every other requirement of "mastered" is met: 3 of 4 parts.
    expect(result.progress).toBeCloseTo(3 / 4);
  });

  it("is not mastered without a correct analysis question", () => {
    const retry = answer("q-0", 1, { at: new Date(start.getTime() + DAY) });
    expect(assessMastery([...answers(6, 1, 2), retry]).level).toBe("proficient");
  });

  it("is not mastered below 90 % right", () => {
    const retry = answer("q-0", 1, { at: new Date(start.getTime() + DAY) });
    const nine = [...masteredBase, ...answers(3, 1, 1, "more"), answer("miss", 0), retry];
    expect(assessMastery(nine)).toMatchObject({ answered: 10, correct: 9, level: "mastered" });
    const eight = [...nine, answer("miss-2", 0)];
    expect(assessMastery(eight)).toMatchObject({ answered: 11, correct: 9, level: "proficient" });
  });

  it("does not reach mastered with fewer than 6 questions", () => {
    const retry = answer("q-0", 1, { at: new Date(start.getTime() + DAY) });
    expect(assessMastery([...answers(4, 1), answer("analysis", 1, { difficulty: 3 }), retry]).level).toBe("proficient");
  });
});

describe("assessMastery: which answers count", () => {
  it("counts distinct questions, not answers", () => {
    const repeated = [answer("q-1", 1, { at: at(0) }), answer("q-1", 1, { at: at(1) }), answer("q-1", 1, { at: at(2) })];
    expect(assessMastery(repeated)).toMatchObject({ answered: 1, correct: 1, level: "attempted" });
  });

  it("uses the latest answer to each question: a mistake put right stops counting", () => {
    const result = assessMastery([answer("q-1", 0, { at: at(0) }), answer("q-1", 1, { at: at(5) }), answer("q-2", 1)]);
    expect(result).toMatchObject({ correct: 2, correctShare: 1 });
  });

  it("uses the latest answer to each question: a later mistake counts against", () => {
    const result = assessMastery([answer("q-1", 1, { at: at(0) }), answer("q-1", 0, { at: at(5) }), answer("q-2", 1)]);
    expect(result).toMatchObject({ correct: 1, correctShare: 0.5 });
  });

  it("goes by time, not by list order", () => {
    const result = assessMastery([answer("q-1", 0, { at: at(5) }), answer("q-1", 1, { at: at(0) })]);
    expect(result.correct).toBe(0);
  });

  it("takes the later-saved answer when two share a timestamp", () => {
    expect(assessMastery([answer("q-1", 0), answer("q-1", 1)]).correct).toBe(1);
  });

  it("counts partial credit as not correct", () => {
    expect(assessMastery([answer("q-1", 0.99), answer("q-2", 0.5)])).toMatchObject({ correct: 0, level: "attempted" });
  });
});

describe("assessMastery: progress", () => {
  it("is the mean of the next level's requirements", () => {
    // Towards familiar: 1 of 2 questions (0.5) and 0 % of the 50 % needed (0).
    expect(assessMastery([answer("q-1", 0)]).progress).toBeCloseTo(0.25);
    // 1 of 2 questions (0.5), 100 % right (1).
    expect(assessMastery([answer("q-1", 1)]).progress).toBeCloseTo(0.75);
  });

  it("counts a yes/no requirement as 0 or 1", () => {
    // Familiar, towards proficient: 2 of 4 questions, 100 % of 75 %, no difficulty-2 question right.
    expect(assessMastery(answers(2, 1)).progress).toBeCloseTo((0.5 + 1 + 0) / 3);
  });

  it("stays within 0..1 and is 1 only when mastered", () => {
    const samples = [[], answers(1, 0), answers(3, 1), answers(8, 1, 3), [...answers(5, 0), ...answers(5, 1, 3, "r")]];
    for (const sample of samples) {
      const { progress, level } = assessMastery(sample);
      expect(progress).toBeGreaterThanOrEqual(0);
      expect(progress).toBeLessThanOrEqual(1);
      if (level !== "mastered") expect(progress).toBeLessThan(1);
    }
  });
});

describe("masteryByPhase and masteryByEvent", () => {
  const history = [
    answer("q-1", 1, { phases: ["phase-rapport"], events: ["slovenia-summit"] }),
    answer("q-2", 1, { phases: ["phase-rapport", "phase-reset"], events: ["september-11"] }),
    answer("q-3", 0, { phases: ["phase-reset"], events: [] }),
  ];

  it("gives an entry for every requested phase, only from that phase's answers", () => {
    const result = masteryByPhase(history, ["phase-rapport", "phase-reset", "phase-unanswered"]);
    expect(Object.keys(result)).toEqual(["phase-rapport", "phase-reset", "phase-unanswered"]);
    expect(result["phase-rapport"]).toMatchObject({ level: "familiar", answered: 2, correct: 2 });
    expect(result["phase-reset"]).toMatchObject({ level: "familiar", answered: 2, correct: 1 });
    expect(result["phase-unanswered"]).toMatchObject({ level: "not-started", answered: 0 });
  });

  it("does the same for key events", () => {
    const result = masteryByEvent(history, ["slovenia-summit", "september-11", "iraq-invasion"]);
    expect(result["slovenia-summit"]).toMatchObject({ level: "attempted", answered: 1 });
    expect(result["september-11"]).toMatchObject({ level: "attempted", answered: 1 });
    expect(result["iraq-invasion"]?.level).toBe("not-started");
  });
});

describe("capacity: requirements capped at what the bank offers", () => {
  const bankQuestion = (id: string, difficulty: Difficulty, events = ["unga-70-luncheon"]) => ({
    id,
    phaseIds: ["phase-two-steps-back"],
    eventIds: events,
    difficulty,
  });

  it("measures a scope's questions and hardest difficulty", () => {
    expect(capacityOf([bankQuestion("a", 1), bankQuestion("b", 2)])).toEqual({ questions: 2, hardestDifficulty: 2 });
    expect(capacityOf([])).toBeUndefined();
  });

  it("lets a small scope of recall questions be mastered: all right, one again a day later", () => {
    const capacity = { questions: 2, hardestDifficulty: 1 } as const;
    const firstPass = [answer("a", 1, { at: at(0) }), answer("b", 1, { at: at(1) })];
    expect(assessMastery(firstPass, capacity)).toMatchObject({ level: "proficient", nextLevel: "mastered" });
    const retry = answer("a", 1, { at: new Date(start.getTime() + DAY) });
    expect(assessMastery([...firstPass, retry], capacity)).toMatchObject({ level: "mastered", progress: 1 });
    // Without the cap the same answers are only familiar.
    expect(assessMastery([...firstPass, retry]).level).toBe("familiar");
  });

  it("still asks for the hardest difficulty the scope has", () => {
    const capacity = { questions: 3, hardestDifficulty: 2 } as const;
    const recallOnly = [answer("a", 1), answer("b", 1), answer("c", 0, { difficulty: 2 })];
    expect(assessMastery(recallOnly, capacity).level).toBe("familiar");
  });

  it("is applied per scope by masteryByEvent", () => {
    const bank = [bankQuestion("a", 1), bankQuestion("b", 1), bankQuestion("c", 3, ["georgia-war"])];
    const history = [
      answer("a", 1, { at: at(0), events: ["unga-70-luncheon"] }),
      answer("b", 1, { at: at(1), events: ["unga-70-luncheon"] }),
      answer("a", 1, { at: new Date(start.getTime() + DAY), events: ["unga-70-luncheon"] }),
    ];
    const result = masteryByEvent(history, ["unga-70-luncheon", "georgia-war"], bank);
    expect(result["unga-70-luncheon"]?.level).toBe("mastered");
    expect(result["georgia-war"]?.level).toBe("not-started");
  });

  it("makes mastered reachable for every phase and key event of the real bank", () => {
    const bank = getQuestionBank();
    const firstPass = bank.map((q, i) => ({ ...answer(q.id, 1, { difficulty: q.difficulty, at: at(i) }), phaseIds: q.phaseIds, eventIds: q.eventIds }));
    // Every question answered right again a day later, so each scope has its retention.
    const review = firstPass.map((a) => ({ ...a, answeredAt: new Date(a.answeredAt.getTime() + DAY) }));
    const history = [...firstPass, ...review];
    const phaseIds = [...new Set(bank.flatMap((q) => q.phaseIds))];
    const eventIds = [...new Set(bank.flatMap((q) => q.eventIds))];
    for (const mastery of Object.values(masteryByPhase(history, phaseIds, bank))) expect(mastery.level).toBe("mastered");
    for (const mastery of Object.values(masteryByEvent(history, eventIds, bank))) expect(mastery.level).toBe("mastered");
  });
});

describe("MASTERY_LEVELS", () => {
  it("labels and describes every level, in order", () => {
    expect(Object.keys(MASTERY_LEVELS)).toEqual([...MASTERY_LEVEL_IDS]);
    for (const id of MASTERY_LEVEL_IDS) {
      expect(MASTERY_LEVELS[id].label.length).toBeGreaterThan(0);
      expect(MASTERY_LEVELS[id].description.length).toBeGreaterThan(0);
    }
  });
});

describe("assessMastery: the next step in countable words", () => {
  it("counts the right answers a new learner needs", () => {
    expect(assessMastery([]).nextStep).toEqual({ level: "attempted", rightAnswers: 0, answers: 1, harderQuestion: null, retention: false });
    expect(describeNextStep(assessMastery([]).nextStep!)).toBe("Answer 1 question to reach Attempted");
    // One wrong answer: familiar needs two answered, half right.
    expect(describeNextStep(assessMastery([answer("q-1", 0)]).nextStep!)).toBe("1 more right answer to reach Familiar");
  });

  it("from familiar: two more right answers and one of them an understanding question", () => {
    // 2 answered, 1 right: proficient needs 4 answered at 75 %.
    const result = assessMastery(answers(1, 1).concat(answers(1, 0, 1, "w")));
    expect(result.level).toBe("familiar");
    expect(result.nextStep).toEqual({ level: "proficient", rightAnswers: 2, answers: 0, harderQuestion: 2, retention: false });
    expect(describeNextStep(result.nextStep!)).toBe("2 more right answers (one to an understanding question) to reach Proficient");
  });

  it("putting mistakes right counts: 4 answered with 2 right needs 1 more right answer", () => {
    const result = assessMastery([...answers(1, 1, 2), ...answers(1, 1, 1, "r"), ...answers(2, 0, 1, "w")]);
    expect(result.level).toBe("familiar");
    // 3 of 4 right reaches 75 %: one mistake put right.
    expect(result.nextStep).toMatchObject({ level: "proficient", rightAnswers: 1, harderQuestion: null });
    expect(describeNextStep(result.nextStep!)).toBe("1 more right answer to reach Proficient");
  });

  it("says when the count is met but a harder question is missing, instead of a number", () => {
    const result = assessMastery(answers(4, 1, 1));
    expect(result.level).toBe("familiar");
    expect(result.nextStep).toEqual({ level: "proficient", rightAnswers: 0, answers: 0, harderQuestion: 2, retention: false });
    expect(describeNextStep(result.nextStep!)).toBe("A right answer to an understanding question to reach Proficient");
  });

  it("says when only a day's gap is missing for mastered", () => {
    const result = assessMastery([...answers(5, 1, 2), ...answers(1, 1, 3, "hard")]);
    expect(result.level).toBe("proficient");
    expect(result.nextStep).toEqual({ level: "mastered", rightAnswers: 0, answers: 0, harderQuestion: null, retention: true });
    expect(describeNextStep(result.nextStep!)).toBe("To reach Mastered: a question answered right again a day or more after your first try");
  });

  it("needs no more than it takes: some mix of k right answers reaches the level, no mix of k - 1 does", () => {
    const reaches = (base: GradedAnswer[], total: number, level: string) => {
      const wrongIds = base.filter((a) => a.score === 0).map((a) => a.questionId);
      for (let fixes = 0; fixes <= Math.min(total, wrongIds.length); fixes++) {
        const put = wrongIds.slice(0, fixes).map((id) => answer(id, 1, { difficulty: 2, at: at(100) }));
        const after = assessMastery([...base, ...put, ...answers(total - fixes, 1, 2, "new")]);
        if (MASTERY_LEVEL_IDS.indexOf(after.level) >= MASTERY_LEVEL_IDS.indexOf(level as (typeof MASTERY_LEVEL_IDS)[number])) return true;
      }
      return false;
    };
    for (let n = 0; n <= 8; n++) {
      for (let right = 0; right <= n; right++) {
        const base = [...answers(right, 1, 2, "r"), ...answers(n - right, 0, 2, "w")];
        const step = assessMastery(base).nextStep;
        if (!step || step.retention || step.harderQuestion || step.answers > 0) continue;
        expect(reaches(base, step.rightAnswers, step.level)).toBe(true);
        if (step.rightAnswers > 0) expect(reaches(base, step.rightAnswers - 1, step.level)).toBe(false);
      }
    }
  });
});
