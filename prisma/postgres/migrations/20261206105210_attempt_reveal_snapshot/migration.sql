-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "revealDueAt" TIMESTAMP(3),
ADD COLUMN     "revealPolicy" "RevealPolicy";
