-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN "retryOfId" TEXT;
