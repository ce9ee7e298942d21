-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN "revealDueAt" DATETIME;
ALTER TABLE "Attempt" ADD COLUMN "revealPolicy" TEXT;
