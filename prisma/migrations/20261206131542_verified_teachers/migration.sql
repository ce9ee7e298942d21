-- CreateTable
CREATE TABLE "TeacherInvitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TeacherInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- AlterTable
-- (SQLite adds a column with a constant default, or a nullable one, in place: no table rebuild, as PostgreSQL.)
ALTER TABLE "User" ADD COLUMN "isAdmin" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "User" ADD COLUMN "teacherRequestedAt" DATETIME;

-- CreateIndex
CREATE UNIQUE INDEX "TeacherInvitation_tokenHash_key" ON "TeacherInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "TeacherInvitation_email_idx" ON "TeacherInvitation"("email");

-- CreateIndex
CREATE INDEX "TeacherInvitation_invitedById_idx" ON "TeacherInvitation"("invitedById");

-- An upgraded deployment has an administrator (decision 0037): the oldest teacher, or the oldest
-- account when there is no teacher. Existing teachers stay teachers.
UPDATE "User" SET "isAdmin" = true
WHERE "id" = (
    SELECT "id" FROM "User"
    ORDER BY CASE WHEN "role" = 'TEACHER' THEN 0 ELSE 1 END, "createdAt", "id"
    LIMIT 1
);
