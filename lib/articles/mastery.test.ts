import { describe, expect, it } from "vitest";
import type { GradedAnswer } from "@/lib/quiz/mastery";
import { sampleDoc } from "./doc-fixture";
import { masteryInArticle, type ArticleQuestionFacts } from "./mastery";
import { ArticleView } from "./view";

const view = new ArticleView(sampleDoc(), (id) => `talks-${id}`);
const questions: ArticleQuestionFacts[] = [
  { id: "q1", difficulty: 1, paragraphIds: ["p1"], eventIds: ["e1"] },
  { id: "q2", difficulty: 2, paragraphIds: ["p2"], eventIds: [] },
  // Rests on both lessons: no lesson's question, as no lesson quiz asks it.
  { id: "q3", difficulty: 1, paragraphIds: ["p1", "d1"], eventIds: ["e1"] },
];
const answer = (questionId: string, score: number, day = 1): GradedAnswer => ({
  questionId,
  score,
  answeredAt: new Date(Date.UTC(2026, 0, day)),
  difficulty: 1,
  phaseIds: [],
  eventIds: [],
});

describe("mastery in an imported article", () => {
  it("counts a lesson's own questions and an event's questions, leaving out scopes without any", () => {
    const result = masteryInArticle(view, questions, [answer("q1", 1), answer("q2", 1), answer("q3", 0)]);
    expect(result.lessons.map((l) => l.key)).toEqual(["talks-l1"]);
    expect(result.lessons[0]?.mastery).toMatchObject({ answered: 2, correct: 2 });
    expect(result.events).toEqual([
      expect.objectContaining({ id: "e1", title: "Geneva talks", mastery: expect.objectContaining({ answered: 2, correct: 1 }) }),
    ]);
  });

  it("says not started before any answer", () => {
    const result = masteryInArticle(view, questions, []);
    expect(result.lessons[0]?.mastery.level).toBe("not-started");
    expect(result.events[0]?.mastery.level).toBe("not-started");
  });
});
