/*
  Warnings:

  - You are about to drop the `ReviewCard` table. If the table is not empty, all the data it contains will be lost.
  - Nothing is lost: every card was the result of the learner's answers, which stay in
    AttemptAnswer, and lib/quiz/review.ts now replays them (decision 0017).

*/
-- DropTable (its foreign keys go with it)
DROP TABLE "ReviewCard";
