-- CreateTable
CREATE TABLE "BenchFloorWrite" (
    "userId" TEXT NOT NULL,
    "writes" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "BenchFloorWrite_pkey" PRIMARY KEY ("userId")
);
