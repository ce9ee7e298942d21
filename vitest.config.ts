import path from "node:path";
import { defineConfig } from "vitest/config";

// Projects: fast unit tests beside the code; database suites that run the Prisma CLI and real
// databases (SQLite files, a throwaway PostgreSQL cluster); and the reliability tests, which start
// production servers of their own from the build (npm test runs them after `next build`).
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    // next-auth imports "next/server" without an extension, which only a bundler resolves.
    server: { deps: { inline: ["next-auth"] } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "*.test.ts",
            "lib/**/*.test.ts",
            "app/**/*.test.ts",
            "prisma/**/*.test.ts",
            "packages/**/*.test.ts",
            "scripts/**/*.test.ts",
            "tooling/**/*.test.ts",
            "bench/**/*.test.ts",
            "tests/access/**/*.test.ts",
            "tests/repository/**/*.test.ts",
          ],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          // Domain modules against a real SQLite file: a migrated template copied per test file.
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/integration-global.ts"],
          setupFiles: ["tests/setup/integration-worker.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: ["tests/db/**/*.test.ts"],
          environment: "node",
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: "reliability",
          include: ["tests/reliability/**/*.test.ts"],
          environment: "node",
          testTimeout: 600_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
