import { describe, expect, it } from "vitest";
import { getQuestionBank, getQuestionsForLesson } from "./bank";
import { enemiesOf, pickQuestions } from "./pick-questions";
import { seededShuffle } from "./shuffle";
import { getLessons } from "@/lib/content";
import { QUIZ_LENGTH } from "./quiz-length";

describe("pickQuestions", () => {
  const enemies = enemiesOf([{ id: "steered", notWith: ["cl-steered", "tf-steered"] }, { id: "other" }]);

  it("reads notWith both ways", () => {
    expect([...(enemies.get("cl-steered") ?? [])]).toEqual(["steered"]);
    expect([...(enemies.get("steered") ?? [])].sort()).toEqual(["cl-steered", "tf-steered"]);
  });

  it("takes the first of a pair it meets and passes over the other, still filling the quiz", () => {
    expect(pickQuestions(["cl-steered", "a", "steered", "b", "tf-steered", "c"], 4, enemies)).toEqual(["cl-steered", "a", "b", "tf-steered"]);
    expect(pickQuestions(["steered", "cl-steered", "a", "tf-steered", "b"], 3, enemies)).toEqual(["steered", "a", "b"]);
  });

  it("keeps the pool's order and length when nothing is barred", () => {
    expect(pickQuestions(["a", "b", "c"], 2, new Map())).toEqual(["a", "b"]);
  });
});

describe("the built-in bank's enemies", () => {
  const bank = getQuestionBank();
  const enemies = enemiesOf(bank);

  it("never puts two questions that give each other away in one lesson quiz, and still fills it", () => {
    for (const lesson of getLessons()) {
      const pool = getQuestionsForLesson(lesson.slug).map((q) => q.id);
      for (let i = 0; i < 200; i++) {
        const picked = pickQuestions(seededShuffle(pool, `${lesson.slug}:${i}`), QUIZ_LENGTH.LESSON, enemies);
        expect(picked, lesson.slug).toHaveLength(Math.min(QUIZ_LENGTH.LESSON, pool.length));
        for (const id of picked) for (const enemy of enemies.get(id) ?? []) expect(picked, `${lesson.slug}: ${id} with ${enemy}`).not.toContain(enemy);
      }
    }
  });
});
