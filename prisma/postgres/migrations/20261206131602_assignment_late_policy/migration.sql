-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "afterRevealCounts" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lateWorkCounts" BOOLEAN NOT NULL DEFAULT true;
