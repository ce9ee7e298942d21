-- CreateTable
CREATE TABLE "ClassInvitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "classId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "invitedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "acceptedAt" DATETIME,
    "declinedAt" DATETIME,
    "cancelledAt" DATETIME,
    CONSTRAINT "ClassInvitation_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Classroom" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClassInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ClassInvitation_email_idx" ON "ClassInvitation"("email");

-- CreateIndex
CREATE INDEX "ClassInvitation_invitedById_idx" ON "ClassInvitation"("invitedById");

-- CreateIndex
CREATE UNIQUE INDEX "ClassInvitation_classId_email_key" ON "ClassInvitation"("classId", "email");
