import { describe, expect, it } from "vitest";
import { getQuestionBank } from "@/lib/quiz/bank";
import type { GradedAnswer } from "@/lib/quiz/mastery";
import { masteryChanges } from "./learner";

const at = new Date("2026-03-02T09:00:00Z");
function answered(questionId: string, score: number): GradedAnswer {
  const q = getQuestionBank().find((question) => question.id === questionId);
  if (!q) throw new Error(questionId);
  return { questionId, score, answeredAt: at, difficulty: q.difficulty, phaseIds: q.phaseIds, eventIds: q.eventIds };
}

describe("masteryChanges", () => {
  const phase = getQuestionBank()[0]!.phaseIds[0]!;
  const inPhase = getQuestionBank().filter((q) => q.phaseIds.includes(phase));

  it("reports a level change as a change", () => {
    const [first] = masteryChanges([], [answered(inPhase[0]!.id, 1)]);
    expect(first).toMatchObject({ before: "not-started", after: "attempted", levelChanged: true });
  });

  it("never announces a level as a change to itself: movement within a level says so", () => {
    const before = [answered(inPhase[0]!.id, 1), answered(inPhase[1]!.id, 1)];
    const changes = masteryChanges(before, [...before, answered(inPhase[2]!.id, 1)]);
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) {
      if (change.before === change.after) expect(change.levelChanged).toBe(false);
      else expect(change.levelChanged).toBe(true);
    }
    const own = changes.find((c) => c.id === phase);
    expect(own).toMatchObject({ before: "familiar", after: "familiar", levelChanged: false, closer: true });
    expect(own?.mastery.nextStep?.level).toBe("proficient");
  });

  it("wrong answers that leave more to do are not called a step closer", () => {
    // Recall questions only. 3 of 4 right: only a harder question is missing (1 step).
    // One more wrong, 3 of 5: a mistake to put right as well (2 steps).
    const recall = getQuestionBank().filter((q) => q.phaseIds.includes(phase) && q.difficulty === 1);
    expect(recall.length).toBeGreaterThanOrEqual(5);
    const before = [answered(recall[0]!.id, 1), answered(recall[1]!.id, 1), answered(recall[2]!.id, 1), answered(recall[3]!.id, 0)];
    const own = masteryChanges(before, [...before, answered(recall[4]!.id, 0)]).find((c) => c.id === phase);
    expect(own).toMatchObject({ before: "familiar", after: "familiar", levelChanged: false, closer: false });
  });

  it("lists nothing when the answers moved nothing", () => {
    const before = [answered(inPhase[0]!.id, 1)];
    expect(masteryChanges(before, before)).toEqual([]);
  });
});
