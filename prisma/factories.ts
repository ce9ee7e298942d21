// One set of factories for the seed and the tests, so demo data and test data are made the same way.
import { randomUUID } from "node:crypto";
import { hashPassword } from "../lib/auth/password";
import type { db as Database } from "../lib/db";
import type { Role } from "../lib/enums";

type Db = typeof Database;

export const DEMO_PASSWORD = "kerry-lavrov-2016";

export const DEMO_ACCOUNTS = [
  // The demo teacher is also the deployment's administrator (decision 0037).
  { email: "teacher@backchannel.test", name: "Ms Rivera", role: "TEACHER", isAdmin: true },
  { email: "amira@backchannel.test", name: "Amira Haddad", role: "STUDENT", isAdmin: false },
  { email: "leo@backchannel.test", name: "Leo Novak", role: "STUDENT", isAdmin: false },
] as const satisfies ReadonlyArray<{ email: string; name: string; role: Role; isAdmin: boolean }>;

export type UserInput = {
  email?: string;
  name?: string;
  /** TEACHER: a verified teacher, as an administrator's approval or invitation makes one. */
  role?: Role;
  password?: string;
  isAdmin?: boolean;
  /** A student account that asked to be a teacher and waits for an administrator. */
  teacherRequested?: boolean;
};

/** Creates a user, or updates the name, role and administrator flag of an existing one with that email (idempotent). */
export async function upsertUser(db: Db, input: UserInput = {}) {
  const email = (input.email ?? `user-${randomUUID()}@example.test`).toLowerCase();
  const name = input.name ?? "Test Person";
  const role = input.role ?? "STUDENT";
  const isAdmin = input.isAdmin ?? false;
  const teacherRequestedAt = input.teacherRequested ? new Date() : null;
  const passwordHash = await hashPassword(input.password ?? DEMO_PASSWORD);
  return db.user.upsert({
    where: { email },
    create: { email, name, role, isAdmin, teacherRequestedAt, passwordHash },
    update: { name, role, isAdmin, teacherRequestedAt },
    select: { id: true, email: true, name: true, role: true, isAdmin: true },
  });
}
