// Per test file: a private copy of the migrated template, named in DATABASE_URL before lib/db.ts
// is imported, so the app's one Prisma client talks to it; its own mail outbox beside it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";

const template = inject("templateDatabase");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "backchannel-test-"));
const file = path.join(dir, "test.db");
fs.copyFileSync(template, file);
process.env.DATABASE_URL = `file:${file}`;
// Mail sent without a named server lands in this file's own outbox, removed with it.
process.env.MAIL_OUTBOX = path.join(dir, "outbox");

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});
