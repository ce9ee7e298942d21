-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Assignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "classId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "scopeId" TEXT,
    "title" TEXT NOT NULL,
    "opensAt" DATETIME NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "reveal" TEXT NOT NULL DEFAULT 'IMMEDIATELY',
    "maxAttempts" INTEGER NOT NULL DEFAULT 1,
    "lateWorkCounts" BOOLEAN NOT NULL DEFAULT true,
    "afterRevealCounts" BOOLEAN NOT NULL DEFAULT false,
    "questionIds" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Assignment_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Classroom" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Assignment" ("classId", "createdAt", "dueAt", "id", "kind", "maxAttempts", "opensAt", "questionIds", "reveal", "scopeId", "title") SELECT "classId", "createdAt", "dueAt", "id", "kind", "maxAttempts", "opensAt", "questionIds", "reveal", "scopeId", "title" FROM "Assignment";
DROP TABLE "Assignment";
ALTER TABLE "new_Assignment" RENAME TO "Assignment";
CREATE INDEX "Assignment_classId_idx" ON "Assignment"("classId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
