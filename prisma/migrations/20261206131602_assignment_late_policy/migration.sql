-- AlterTable
-- Written as ADD COLUMN rather than Prisma's table redefinition: SQLite adds a NOT NULL column
-- with a constant default in place, and both providers then touch the same objects.
ALTER TABLE "Assignment" ADD COLUMN "afterRevealCounts" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Assignment" ADD COLUMN "lateWorkCounts" BOOLEAN NOT NULL DEFAULT true;
