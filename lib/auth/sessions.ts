// Ending sessions. Sessions are JWTs the server keeps no list of (decision 0005), so each carries the
// user's session version from sign-in, and the guards, which read the user on every request anyway,
// refuse a token whose version is older (decision 0033). Raising the version ends every session of
// that person at once, on every device, copied cookies included.
import { db } from "@/lib/db";

/** Ends every session of this person; returns the new version (for a token issued right after). */
export async function endAllSessions(userId: string): Promise<number> {
  const { sessionVersion } = await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
  return sessionVersion;
}
