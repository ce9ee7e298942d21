-- CreateTable
CREATE TABLE "SchoolIdentity" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SchoolIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SchoolLinkRequest" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SchoolLinkRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SchoolIdentity_userId_idx" ON "SchoolIdentity"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolIdentity_issuer_subject_key" ON "SchoolIdentity"("issuer", "subject");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolLinkRequest_tokenHash_key" ON "SchoolLinkRequest"("tokenHash");

-- CreateIndex
CREATE INDEX "SchoolLinkRequest_userId_idx" ON "SchoolLinkRequest"("userId");

-- AddForeignKey
ALTER TABLE "SchoolIdentity" ADD CONSTRAINT "SchoolIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolLinkRequest" ADD CONSTRAINT "SchoolLinkRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
