/*
  Warnings:

  - You are about to drop the `ReviewCard` table. If the table is not empty, all the data it contains will be lost.
  - The cards are derived from the learner's answers, which stay in AttemptAnswer:
    lib/quiz/review.ts now replays them. Due dates may shift slightly (decision 0017).

*/
-- DropTable (its foreign keys go with it)
DROP TABLE "ReviewCard";
