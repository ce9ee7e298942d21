// Run before `prisma migrate deploy` (npm run db:deploy): for SQLite, creates the folder that will
// hold the database file (./data/ by default), so that a fresh checkout deploys with no manual step.
// PostgreSQL needs nothing here: the server and its database are provisioned outside the app.
import fs from "node:fs";
import path from "node:path";
import { databaseTarget } from "../lib/database-url";

const target = databaseTarget(process.env.DATABASE_URL);
if (target.provider === "sqlite" && target.filePath !== ":memory:") {
  const folder = path.dirname(path.resolve(target.filePath));
  fs.mkdirSync(folder, { recursive: true });
  console.log(`SQLite database folder ready: ${path.relative(process.cwd(), folder) || "."}`);
}
