-- AlterTable
ALTER TABLE "AttemptAnswer" ADD COLUMN "articleVersionId" TEXT;

-- CreateTable
CREATE TABLE "Article" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "builtIn" BOOLEAN NOT NULL DEFAULT false,
    "ownerId" TEXT,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "draft" JSONB NOT NULL,
    "sharedWithTeachers" BOOLEAN NOT NULL DEFAULT false,
    "publishedVersionId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Article_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_publishedVersionId_fkey" FOREIGN KEY ("publishedVersionId") REFERENCES "ArticleVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ArticleVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "doc" JSONB NOT NULL,
    "publishedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ArticleVersion_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PublishedLesson" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    CONSTRAINT "PublishedLesson_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (added in place, as on PostgreSQL, so both providers touch the same objects)
ALTER TABLE "Question" ADD COLUMN "articleId" TEXT REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Question" ADD COLUMN "sentenceIds" JSONB;
ALTER TABLE "Question" ADD COLUMN "sourceText" JSONB;
ALTER TABLE "Question" ADD COLUMN "sourceChangedAt" DATETIME;
CREATE INDEX "Question_articleId_idx" ON "Question"("articleId");

-- CreateIndex
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Article_publishedVersionId_key" ON "Article"("publishedVersionId");

-- CreateIndex
CREATE INDEX "Article_ownerId_idx" ON "Article"("ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "ArticleVersion_articleId_number_key" ON "ArticleVersion"("articleId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "PublishedLesson_articleId_lessonId_key" ON "PublishedLesson"("articleId", "lessonId");
