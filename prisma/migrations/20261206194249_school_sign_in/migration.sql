-- CreateTable
CREATE TABLE "SchoolIdentity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SchoolIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SchoolLinkRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SchoolLinkRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SchoolIdentity_userId_idx" ON "SchoolIdentity"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolIdentity_issuer_subject_key" ON "SchoolIdentity"("issuer", "subject");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolLinkRequest_tokenHash_key" ON "SchoolLinkRequest"("tokenHash");

-- CreateIndex
CREATE INDEX "SchoolLinkRequest_userId_idx" ON "SchoolLinkRequest"("userId");
