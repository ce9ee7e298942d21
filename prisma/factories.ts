// One set of factories for the seed and the tests, so demo data and test data are made the same way.
import { randomUUID } from "node:crypto";
import { hashPassword } from "../lib/auth/password";
import type { db as Database } from "../lib/db";
import type { Role } from "../lib/enums";

type Db = typeof Database;

export const DEMO_PASSWORD = "kerry-lavrov-2016";

export const DEMO_ACCOUNTS = [
  { email: "teacher@backchannel.test", name: "Ms Rivera", role: "TEACHER" },
  { email: "amira@backchannel.test", name: "Amira Haddad", role: "STUDENT" },
  { email: "leo@backchannel.test", name: "Leo Novak", role: "STUDENT" },
] as const satisfies ReadonlyArray<{ email: string; name: string; role: Role }>;

export type UserInput = { email?: string; name?: string; role?: Role; password?: string };

/** Creates a user, or updates the name and role of an existing one with that email (idempotent). */
export async function upsertUser(db: Db, input: UserInput = {}) {
  const email = (input.email ?? `user-${randomUUID()}@example.test`).toLowerCase();
  const name = input.name ?? "Test Person";
  const role = input.role ?? "STUDENT";
  const passwordHash = await hashPassword(input.password ?? DEMO_PASSWORD);
  return db.user.upsert({
    where: { email },
    create: { email, name, role, passwordHash },
    update: { name, role },
    select: { id: true, email: true, name: true, role: true },
  });
}
