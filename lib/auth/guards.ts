// The guards called at the top of every protected page, server action and route handler.
// The proxy may redirect earlier, but these are what actually protect the data.
import { redirect, forbidden } from "next/navigation";
import { auth } from "@/auth";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/sqlite/enums";

export type SessionUser = { id: string; email: string; name: string; role: Role };

/**
 * The signed-in person, re-read from the database so that a deleted account or a changed
 * role takes effect at once (the JWT alone could be days old).
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true } });
}

/** For pages and server actions: anonymous people are sent to sign-in and brought back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** Like requireUser, and people without the role get a 403 page. */
export async function requireRole(role: Role, returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (user.role !== role) forbidden();
  return user;
}
