// `npm run admin:create`: makes an administrator (decision 0037), for a deployment whose first
// account should not be the administrator, or to add one. An existing account is promoted (its
// password stays); a new one is checked by the same rules as sign-up.
import { z } from "zod";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { emailSchema, nameSchema, newPasswordSchema } from "@/lib/auth/validation";
import { DomainError } from "@/lib/errors";

export type AdminInput = { email: string; name?: string | undefined; password?: string | undefined };

/** Administrators are teachers too: they see what the teachers they approve will see. */
export async function createOrPromoteAdmin(input: AdminInput): Promise<{ email: string; created: boolean }> {
  const email = emailSchema.safeParse(input.email);
  if (!email.success) throw new DomainError("invalid_input", email.error.issues[0]?.message ?? "Enter a valid email address.");
  const existing = await db.user.findUnique({ where: { email: email.data }, select: { id: true } });
  if (existing) {
    await db.user.update({ where: { id: existing.id }, data: { isAdmin: true, role: "TEACHER", teacherRequestedAt: null } });
    return { email: email.data, created: false };
  }
  const checked = z.object({ name: nameSchema, password: newPasswordSchema(email.data) }).safeParse({ name: input.name ?? "", password: input.password ?? "" });
  if (!checked.success) throw new DomainError("invalid_input", checked.error.issues.map((issue) => issue.message).join(" "));
  await db.user.create({
    data: { email: email.data, name: checked.data.name, passwordHash: await hashPassword(checked.data.password), role: "TEACHER", isAdmin: true },
  });
  return { email: email.data, created: true };
}

/** Whether the account exists, so the script asks for a password only when it will create one. */
export async function accountExists(email: string): Promise<boolean> {
  const parsed = emailSchema.safeParse(email);
  return parsed.success && (await db.user.findUnique({ where: { email: parsed.data }, select: { id: true } })) !== null;
}
