-- CreateTable
CREATE TABLE "BenchFloorWrite" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "writes" INTEGER NOT NULL DEFAULT 0
);
